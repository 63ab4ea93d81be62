// The callout: attributes of the test contract, placement beside the field, no blur on click.
// Issue 14 changed what it says: a headline, the user's mark and the button, with no role of its
// own (the panel's field message is the one live region, with the full text), so the checks for
// role=alert/status and the body text on the callout became checks that they are absent.
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
    title: 'Bank card number? Cancelling never needs it.',
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
    // happy-dom lays nothing out: the callout is 80 px tall at any width.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(80);
    // …and its viewport is the window's size.
    vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(window.innerWidth);
    vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(window.innerHeight);
  });
  afterEach(() => {
    renderCallout(root, anchor, null);
    vi.restoreAllMocks();
  });

  const box = () => root.querySelector<HTMLElement>('.sxg-callout');

  it("carries its kind and severity but no role and never data-field-kind: the panel's message is the one alert", () => {
    renderCallout(root, anchor, msg());
    const el = box();
    expect(el?.hasAttribute('role')).toBe(false);
    expect(el?.querySelector('[role],[aria-live]')).toBeNull();
    expect(el?.getAttribute('data-callout-kind')).toBe('card-number');
    expect(el?.getAttribute('data-callout-severity')).toBe('warn');
    expect(el?.hasAttribute('data-field-kind')).toBe(false);
    expect(root.querySelector('[data-field-kind]')).toBeNull();
    expect(el?.textContent).toBe('Bank card number? Cancelling never needs it.Got it');
  });

  it('info has no role either', () => {
    renderCallout(root, anchor, msg({ kind: 'id-number', severity: 'info' }));
    expect(box()?.hasAttribute('role')).toBe(false);
  });

  it('puts text in as text, not markup', () => {
    renderCallout(root, anchor, msg({ title: '<img src=x onerror=alert(1)>', mark: { word: '<b>x</b>', color: '#1f6feb' } }));
    expect(root.querySelector('img,b')).toBeNull();
    expect(box()?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it("shows the user's mark (word and colour) before the headline, and none without one", () => {
    renderCallout(root, anchor, msg({ mark: { word: 'Lotus', color: '#8250df' } }));
    const mark = box()?.querySelector<HTMLElement>('[data-callout-mark]');
    expect(mark?.textContent).toBe('Lotus');
    expect(mark?.style.getPropertyValue('background')).toMatch(/#8250df|rgb\(130, 80, 223\)/);
    expect(box()?.firstElementChild?.firstElementChild).toBe(mark);
    renderCallout(root, anchor, msg({ mark: null }));
    expect(box()?.querySelector('[data-callout-mark]')).toBeNull();
  });

  it('sits right of the field when there is room, in px', () => {
    renderCallout(root, anchor, msg());
    expect(box()?.style.getPropertyValue('left')).toBe('258px'); // 50 + 200 + 8
    expect(box()?.style.getPropertyValue('top')).toBe('100px');
    expect(box()?.style.getPropertyValue('width')).toBe('300px');
    expect(box()?.style.getPropertyValue('visibility')).toBe('visible');
  });

  it("keeps clear of the form's next control: below the field when the next one is on its right", () => {
    const form = document.createElement('form');
    const next = document.createElement('button');
    next.textContent = 'Send code';
    form.append(anchor, next);
    document.body.append(form);
    vi.spyOn(next, 'getBoundingClientRect').mockReturnValue(rect(100, 260, 120, 30));
    vi.spyOn(next, 'getClientRects').mockReturnValue([rect(100, 260, 120, 30)] as unknown as DOMRectList);
    renderCallout(root, anchor, msg());
    expect(box()?.style.getPropertyValue('top')).toBe('138px'); // 100 + 30 + 8
    expect(box()?.style.getPropertyValue('left')).toBe('50px');
  });

  it("finds the form's next control however far on (past more disabled ones than it looks at around the field)", () => {
    const form = document.createElement('form');
    const other = document.createElement('form');
    document.body.append(form, other);
    form.append(anchor);
    for (let i = 0; i < 60; i++) {
      const off = document.createElement('input');
      off.disabled = true;
      form.append(off);
    }
    const next = document.createElement('button');
    form.append(next);
    other.append(document.createElement('button'));
    vi.spyOn(next, 'getBoundingClientRect').mockReturnValue(rect(100, 260, 120, 30));
    vi.spyOn(next, 'getClientRects').mockReturnValue([rect(100, 260, 120, 30)] as unknown as DOMRectList);
    renderCallout(root, anchor, msg());
    expect(box()?.style.getPropertyValue('top')).toBe('138px'); // below: the next control is on its right
    expect(box()?.style.getPropertyValue('left')).toBe('50px');
  });

  it('a field in the bottom right corner: on its left, bottom-aligned, inside the viewport', () => {
    const field = rect(window.innerHeight - 40, window.innerWidth - 20, 20);
    vi.spyOn(anchor, 'getBoundingClientRect').mockReturnValue(field);
    renderCallout(root, anchor, msg());
    const top = Number.parseFloat(box()?.style.getPropertyValue('top') ?? '');
    const left = Number.parseFloat(box()?.style.getPropertyValue('left') ?? '');
    const width = Number.parseFloat(box()?.style.getPropertyValue('width') ?? '');
    expect(left + width).toBeLessThanOrEqual(field.left);
    expect(top + 80).toBe(field.bottom);
    expect(top + 80).toBeLessThanOrEqual(window.innerHeight - 8);
    expect(left).toBeGreaterThanOrEqual(8);
  });

  it('a full-width field at the bottom: above it', () => {
    const field = rect(window.innerHeight - 40, 8, window.innerWidth - 16);
    vi.spyOn(anchor, 'getBoundingClientRect').mockReturnValue(field);
    renderCallout(root, anchor, msg());
    expect(box()?.style.getPropertyValue('top')).toBe(`${field.top - 8 - 80}px`);
  });

  it('follows the field on scroll while shown (once a frame), and hides while the field is off screen', async () => {
    renderCallout(root, anchor, msg());
    vi.spyOn(anchor, 'getBoundingClientRect').mockReturnValue(rect(300, 60));
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(r));
    expect(box()?.style.getPropertyValue('top')).toBe('300px');
    expect(box()?.style.getPropertyValue('left')).toBe('268px');
    vi.spyOn(anchor, 'getBoundingClientRect').mockReturnValue(rect(-200, 60));
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(r));
    expect(box()?.style.getPropertyValue('visibility')).toBe('hidden');
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
  it('has text of 14 px at least, buttons of 24 px at least and 44 px for touch', () => {
    for (const [, size] of CALLOUT_CSS.matchAll(/(\d+)px\/\d+px/g)) expect(Number(size)).toBeGreaterThanOrEqual(14);
    expect(CALLOUT_CSS).not.toMatch(/font-size: *(\d|1[0-3])px/);
    expect(CALLOUT_CSS).toMatch(/\.sxg-callout button \{[^}]*min-width: 24px;[^}]*min-height: 28px;/);
    expect(CALLOUT_CSS).toMatch(/@media \(pointer: coarse\) \{ \.sxg-callout button \{ min-width: 44px; min-height: 44px;/);
  });

  it('uses px only, has a dark mode and respects reduced motion', () => {
    expect(CALLOUT_CSS).not.toMatch(/\d(r?em|vh|vw|%)\b/);
    expect(CALLOUT_CSS).toContain('prefers-color-scheme: dark');
    expect(CALLOUT_CSS).toContain('prefers-reduced-motion: reduce');
    expect(CALLOUT_CSS).toContain('position: fixed');
  });
});
