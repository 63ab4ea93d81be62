// The popup's view: what it shows for official and other tabs, the reset confirm step, language.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupActions, type PopupView } from '../../../components/popup/Popup';
import { defaultProgress } from '../../../utils/progress';
import { applyAction } from '../../../utils/progress-actions';

function mount(view: Partial<PopupView>, actions: Partial<PopupActions> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const all: PopupActions = { command: vi.fn(async () => true), setLanguage: vi.fn(), reset: vi.fn(), ...actions };
  const full: PopupView = { lang: 'en', tabId: 3, carrier: null, trust: null, incognito: false, progress: null, ...view };
  act(() => render(<Popup view={full} actions={all} />, root));
  return { root, actions: all };
}

afterEach(() => {
  document.body.replaceChildren();
});

const progress = {
  progress: [
    { kind: 'mark-step', carrier: 'cmhk', step: 'sign-in', done: true },
    { kind: 'mark-step', carrier: 'cmhk', step: 'find-entry', done: true },
  ].reduce((p, a) => applyAction(p, a as never), defaultProgress()),
  notice: null,
};

describe('popup', () => {
  it('on a page that is not a carrier site, lists where the guide opens', () => {
    const { root } = mount({ progress: { progress: defaultProgress(), notice: null } });
    expect(root.textContent).toContain('This page is not an official carrier site');
    expect(root.querySelector('a[href="https://www.hk.chinamobile.com/"]')?.textContent).toBe('www.hk.chinamobile.com');
    expect(root.querySelector('button.reset')).toBeNull();
  });

  it('on an official page shows the carrier and progress, and sends panel commands', async () => {
    const { root, actions } = mount({ carrier: 'cmhk', trust: 'official', progress });
    expect(root.textContent).toContain('China Mobile Hong Kong');
    expect(root.textContent).toContain('Steps done: 2 of 5');
    expect(root.textContent).not.toContain('not an official carrier site');
    const open = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Open the guide here')!;
    open.click();
    expect(actions.command).toHaveBeenCalledWith('open');
  });

  it('counts steps done as the panel does: reaching confirmed makes all five done (issue 13)', () => {
    const confirmed = { progress: applyAction(defaultProgress(), { kind: 'reach-step', carrier: 'cmhk', step: 'confirmed' }), notice: null };
    const { root } = mount({ carrier: 'cmhk', trust: 'official', progress: confirmed });
    expect(root.textContent).toContain('Steps done: 5 of 5');
    document.body.replaceChildren();
    const passed = { progress: applyAction(defaultProgress(), { kind: 'reach-step', carrier: 'cmhk', step: 'submit-request' }), notice: null };
    expect(mount({ carrier: 'cmhk', trust: 'official', progress: passed }).root.textContent).toContain('Steps done: 2 of 5');
  });

  it('reset asks first, focuses the safe choice, and Escape keeps the progress', async () => {
    const { root, actions } = mount({ carrier: 'cmhk', trust: 'official', progress });
    await act(() => (root.querySelector('button.reset') as HTMLButtonElement).click());
    expect(root.textContent).toContain('This cannot be undone');
    expect(document.activeElement?.textContent).toBe('Keep my progress');
    await act(() => {
      root.querySelector('.confirm')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(actions.reset).not.toHaveBeenCalled();
    expect(document.activeElement?.classList.contains('reset')).toBe(true);
    await act(() => (root.querySelector('button.reset') as HTMLButtonElement).click());
    await act(() => (root.querySelector('button.danger') as HTMLButtonElement).click());
    expect(actions.reset).toHaveBeenCalledTimes(1);
  });

  it('language choice is a labelled select that saves the choice', async () => {
    const { root, actions } = mount({ carrier: 'cmhk', trust: 'official', progress, lang: 'zh-Hant' });
    const select = root.querySelector('select') as HTMLSelectElement;
    expect(root.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('語言');
    select.value = 'zh-Hans';
    await act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(actions.setLanguage).toHaveBeenCalledWith('zh-Hans');
    select.value = '';
    await act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(actions.setLanguage).toHaveBeenLastCalledWith(null);
  });

  it('shows a storage notice', () => {
    const { root } = mount({ progress: { progress: defaultProgress(), notice: 'reset-corrupt' } });
    expect(root.querySelector('[role="status"][data-notice="reset-corrupt"]')).not.toBeNull();
  });
});
