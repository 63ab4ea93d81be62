// Issue 12: several cards and reset left the panel for the settings page (the panel's content script
// has a size budget). The assertions of the panel's tests for them, on the settings page's parts:
// a card is added under the name typed, trimmed, and the form closes; nothing is added on cancel;
// the card in hand is chosen; reset asks first and resets only when confirmed.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from './mount';
import { CardSettings } from '../../../components/pages/CardSettings';
import { ResetControl } from '../../../components/popup/ResetControl';
import { defaultProgress } from '../../../utils/progress';
import { applyAction } from '../../../utils/progress-actions';
import type { ProgressV1 } from '../../../utils/types';

afterEach(() => document.body.replaceChildren());

const button = (el: Element, text: RegExp) => [...el.querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''));
const click = async (el: Element | undefined | null) => act(() => (el as HTMLElement).click());

/** CMHK with one card (unnamed), or two when `second` names the other. */
function progressWith(second?: string): ProgressV1 {
  let p = applyAction(defaultProgress(), { kind: 'toggle-check', carrier: 'cmhk', item: 'decide' });
  if (second) p = applyAction(p, { kind: 'add-card', carrier: 'cmhk', label: second });
  return p;
}

describe('settings page: cards', () => {
  it('adds a card under the name typed, trimmed, and closes the form; cancel adds nothing', async () => {
    const onAction = vi.fn();
    const root = mount(<CardSettings lang="en" progress={progressWith()} carriers={['cmhk']} onAction={onAction} />);
    const cmhk = root.querySelector('[data-cards="cmhk"]')!;
    expect(cmhk.querySelector('h3')?.textContent).toMatch(/China Mobile Hong Kong/);
    // One card: nothing to choose yet.
    expect(cmhk.querySelector('select')).toBeNull();
    await click(button(cmhk, /Add another card/));
    const input = cmhk.querySelector<HTMLInputElement>('.add-card input')!;
    expect(input.closest('label')?.textContent).toMatch(/not its number/);
    await act(() => {
      input.value = '  work  ';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(cmhk.querySelector<HTMLInputElement>('.add-card input')!.value).toBe('  work  ');
    await act(() => {
      cmhk.querySelector('.add-card')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onAction).toHaveBeenCalledWith({ kind: 'add-card', carrier: 'cmhk', label: 'work' });
    expect(cmhk.querySelector('.add-card')).toBeNull();
    await click(button(cmhk, /Add another card/));
    expect(cmhk.querySelector<HTMLInputElement>('.add-card input')!.value).toBe('');
    await click(button(cmhk, /^Cancel$/));
    expect(cmhk.querySelector('.add-card')).toBeNull();
    expect(onAction).toHaveBeenCalledTimes(1);
  });

  it('chooses the card in hand when a carrier has several, per carrier', async () => {
    const onAction = vi.fn();
    const progress = applyAction(progressWith('work'), { kind: 'toggle-check', carrier: 'csl', item: 'decide' });
    const root = mount(<CardSettings lang="zh-Hant" progress={progress} carriers={['cmhk', 'csl']} onAction={onAction} />);
    expect(root.querySelector('h2')?.textContent).toBe('你的卡');
    const select = root.querySelector<HTMLSelectElement>('[data-cards="cmhk"] select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['第一張卡', 'work']);
    expect(select.value).toBe(progress.carriers.cmhk!.activeCard);
    expect(root.querySelector('[data-cards="csl"] select')).toBeNull();
    const other = [...select.options].find((o) => o.value !== select.value)!.value;
    await act(() => {
      select.value = other;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onAction).toHaveBeenCalledWith({ kind: 'select-card', carrier: 'cmhk', card: other });
    await click(button(root.querySelector('[data-cards="csl"]')!, /加入另一張卡/));
    expect(root.querySelector('[data-cards="cmhk"] .add-card')).toBeNull();
    expect(root.querySelector('[data-cards="csl"] .add-card')).not.toBeNull();
  });

  it('says when no carrier has progress yet', () => {
    const root = mount(<CardSettings lang="en" progress={defaultProgress()} carriers={[]} onAction={vi.fn()} />);
    expect(root.querySelector('[data-cards]')).toBeNull();
    expect(root.textContent).toMatch(/No progress is saved yet/);
  });
});

describe('settings page: reset', () => {
  it('asks before resetting, and resets only when confirmed', async () => {
    const onReset = vi.fn();
    const root = mount(<ResetControl lang="en" carrierName="China Mobile Hong Kong" onReset={onReset} />);
    expect(root.textContent).not.toMatch(/\?/);
    await click(button(root, /Reset/));
    expect(root.querySelector('[role="group"]')?.textContent).toMatch(/China Mobile Hong Kong.*\?/);
    await click(root.querySelector<HTMLButtonElement>('[role="group"] button:not(.danger)'));
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(onReset).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(root.querySelector('button.reset'));
    await click(root.querySelector('button.reset'));
    await click(root.querySelector('button.danger'));
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(root.querySelector('button.reset')).not.toBeNull();
  });
});
