// The callout: attributes of the test contract, placement beside the field, no blur on click.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALLOUT_CSS, renderCallout, type CalloutMessage } from '../../../components/callout';

function rect(top: number, left: number, width = 200, height = 30): DOMRect {
  return { top, left, width, height, bottom: top + height, right: left + width, x: left, y: top, toJSON: () => ({}) } as DOMRect;
}

describe('renderCallout', () => {
  let root: ShadowRoot;
  let anchor: HTMLInputElement;
  const msg = (over: Partial<CalloutMessage> = {}): CalloutMessage => ({
    kind: 'card-number',
    severity: 'warn',
    title: 'A bank card number?',
    body: 'You never need a bank card to cancel.',
    ackLabel: 'Got it',
    onAck: () => {},
    ...over,
  });

  beforeEach(() => {
    document.body.replaceChildren();
    const host = document.createElement('div');
    document.documentElement.append(host);
    root = host.attachShadow({ mode: 'closed' });
    anchor = document.createElement('input');
    document.body.append(anchor);
    vi.spyOn(anchor, 'getBoundingClientRect').mockReturnValue(rect(100, 50));
  });
  afterEach(() => {
    renderCallout(root, anchor, null);
    vi.restoreAllMocks();
  });

  const box = () => root.querySelector<HTMLElement>('.sxg-callout');

  it('shows a warn callout as role=alert with its kind and severity, never data-field-kind', () => {
    renderCallout(root, anchor, msg());
    const el = box();
    expect(el?.getAttribute('role')).toBe('alert');
    expect(el?.getAttribute('data-callout-kind')).toBe('card-number');
    expect(el?.getAttribute('data-callout-severity')).toBe('warn');
    expect(el?.hasAttribute('data-field-kind')).toBe(false);
    expect(root.querySelector('[data-field-kind]')).toBeNull();
    expect(el?.textContent).toContain('You never need a bank card to cancel.');
  });

  it('shows info as role=status', () => {
    renderCallout(root, anchor, msg({ kind: 'id-number', severity: 'info' }));
    expect(box()?.getAttribute('role')).toBe('status');
  });

  it('puts page text in as text, not markup', () => {
    renderCallout(root, anchor, msg({ title: '<img src=x onerror=alert(1)>' }));
    expect(root.querySelector('img')).toBeNull();
    expect(box()?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('sits below the field when there is room, in px', () => {
    renderCallout(root, anchor, msg());
    expect(box()?.style.getPropertyValue('top')).toBe('138px'); // 130 + 8
    expect(box()?.style.getPropertyValue('left')).toBe('50px');
  });

  it('goes above the field near the bottom, and stays inside the viewport', () => {
    vi.spyOn(anchor, 'getBoundingClientRect').mockReturnValue(rect(window.innerHeight - 40, window.innerWidth - 20));
    renderCallout(root, anchor, msg());
    const top = Number.parseFloat(box()?.style.getPropertyValue('top') ?? '');
    const left = Number.parseFloat(box()?.style.getPropertyValue('left') ?? '');
    expect(top).toBeLessThan(window.innerHeight - 40);
    expect(left).toBeLessThanOrEqual(window.innerWidth - 8);
    expect(left).toBeGreaterThanOrEqual(8);
  });

  it('follows the field on scroll while shown', () => {
    renderCallout(root, anchor, msg());
    vi.spyOn(anchor, 'getBoundingClientRect').mockReturnValue(rect(300, 60));
    window.dispatchEvent(new Event('scroll'));
    expect(box()?.style.getPropertyValue('top')).toBe('338px');
  });

  it('does not take focus away: mousedown is prevented', () => {
    renderCallout(root, anchor, msg());
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    box()?.querySelector('button')?.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
  });

  it('acknowledges through the button', () => {
    const onAck = vi.fn();
    renderCallout(root, anchor, msg({ onAck }));
    box()?.querySelector('button')?.click();
    expect(onAck).toHaveBeenCalledTimes(1);
    expect(box()?.querySelector('button')?.textContent).toBe('Got it');
  });

  it('keeps one callout per root and removes it for null', () => {
    renderCallout(root, anchor, msg());
    renderCallout(root, anchor, msg({ kind: 'card-cvc' }));
    expect(root.querySelectorAll('.sxg-callout').length).toBe(1);
    expect(box()?.getAttribute('data-callout-kind')).toBe('card-cvc');
    renderCallout(root, anchor, null);
    expect(box()).toBeNull();
  });
});

describe('CALLOUT_CSS', () => {
  it('uses px only, has a dark mode and respects reduced motion', () => {
    expect(CALLOUT_CSS).not.toMatch(/\d(r?em|vh|vw|%)\b/);
    expect(CALLOUT_CSS).toContain('prefers-color-scheme: dark');
    expect(CALLOUT_CSS).toContain('prefers-reduced-motion: reduce');
    expect(CALLOUT_CSS).toContain('position: fixed');
  });
});
