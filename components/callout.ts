// The callout beside a sensitive field: a small box in the extension's own (closed) shadow root,
// positioned next to the field, never inside the page's DOM. Vanilla DOM so it can run without
// Preact; text goes in as text only, never parsed as HTML. It does not take focus, and pressing the mouse
// on it does not blur the field.
// It says the warning once (issue 14): a short headline, the user's mark and the acknowledge
// button; the full explanation is the panel's field message, the one live region (role alert or
// status), so the callout carries no role of its own and a screen reader hears the warning once.
// It covers neither its field nor the form's next control (utils/callout-place.ts decides where).
import { placeCallout, type Rect } from '../utils/callout-place';
import type { PersonalMark } from '../utils/mark';
import type { FieldKind, Severity } from '../utils/types';

export interface CalloutMessage {
  kind: FieldKind;
  severity: Severity;
  /** The short headline (the panel's field message has the full text). */
  title: string;
  ackLabel: string;
  /** The user's personal mark (issue 16): a page can copy the callout's look, not this. */
  mark?: PersonalMark | null;
  onAck(): void;
}

interface Shown {
  box: HTMLElement;
  anchor: Element;
  msg: CalloutMessage;
  stop: AbortController;
  /** The form's next control and the controls and labels near the field (found once per callout). */
  next: Element | null;
  near: Element[];
  /** Measured heights by width (the text does not change while shown). */
  heights: Map<number, number>;
}

const shown = new WeakMap<ShadowRoot, Shown>();

export const CALLOUT_CSS = `
.sxg-callout { all: initial; position: fixed; z-index: 2147483647; box-sizing: border-box; display: block; padding: 8px 12px; border: 1px solid #d0d7de; border-left: 4px solid #0969da; border-radius: 8px; background: #fff; color: #1f2328; box-shadow: 0 4px 16px #0004; font: 14px/20px system-ui, sans-serif; pointer-events: auto; animation: sxg-in 120ms ease-out; }
.sxg-callout[data-callout-severity=warn] { border-left-color: #cf222e; background: #fff8f8; }
.sxg-callout p { margin: 0 0 6px; font-weight: 600; }
.sxg-callout span { display: inline-block; margin-inline-end: 6px; padding: 0 6px; border-radius: 4px; color: #fff; font-weight: 700; }
.sxg-callout button { all: initial; box-sizing: border-box; min-width: 24px; min-height: 28px; padding: 3px 12px; border: 1px solid #57606a; border-radius: 6px; background: #f6f8fa; color: inherit; font: inherit; font-weight: 500; cursor: pointer; }
.sxg-callout button:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
@media (pointer: coarse) { .sxg-callout button { min-width: 44px; min-height: 44px; padding: 11px 16px; } }
@media (prefers-color-scheme: dark) {
  .sxg-callout { background: #161b22; color: #e6edf3; border-color: #30363d; border-left-color: #4493f8; }
  .sxg-callout[data-callout-severity=warn] { background: #2d1517; border-left-color: #f85149; }
  .sxg-callout button { background: #21262d; border-color: #8b949e; }
}
@media (prefers-reduced-motion: reduce) { .sxg-callout { animation: none; } }
@keyframes sxg-in { from { opacity: 0; } }
`;

/** What the callout shows: a new kind, headline (one per severity and language) or mark means a new box. */
const shows = (m: CalloutMessage): string => `${m.kind} ${m.title} ${m.mark?.word} ${m.mark?.color}`;

function build(doc: Document, msg: CalloutMessage): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'sxg-callout';
  box.setAttribute('data-callout-kind', msg.kind);
  box.setAttribute('data-callout-severity', msg.severity);
  const title = doc.createElement('p');
  if (msg.mark) {
    const mark = doc.createElement('span');
    mark.setAttribute('data-callout-mark', '');
    mark.style.setProperty('background', msg.mark.color);
    mark.textContent = msg.mark.word;
    title.append(mark);
  }
  title.append(msg.title);
  const ack = doc.createElement('button');
  ack.type = 'button';
  ack.setAttribute('data-callout-ack', '');
  ack.textContent = msg.ackLabel;
  box.append(title, ack);
  return box;
}

/** Controls a person can reach, and labels: what the callout should leave in sight. */
const NEAR = 'input:not([type=hidden]),select,textarea,button,a[href],[tabindex],[contenteditable],label';
/** How many controls and labels on each side of the field (in document order) the callout avoids. */
const NEAR_COUNT = 40;

const formOf = (el: Element): Element | null => (el as HTMLInputElement).form ?? el.closest('form');

/** The form's next control: what a person reaches with Tab after the field. */
function isNextControl(el: Element, form: Element | null): boolean {
  return (
    el.localName !== 'label' &&
    (el as HTMLElement).tabIndex >= 0 &&
    !(el as HTMLInputElement).disabled &&
    formOf(el) === form &&
    el.checkVisibility?.({ visibilityProperty: true }) !== false
  );
}

/**
 * The next focusable control after the field in document order, within its form (the page without
 * one), and the controls and labels near the field (NEAR_COUNT on each side). It walks out from the
 * field instead of listing every control of the page: on a page of 10,000 controls the list took
 * tens of milliseconds at every warning (issue 12's focus → warning benchmark).
 */
function neighbours(anchor: Element): { next: Element | null; near: Element[] } {
  const walker = anchor.ownerDocument.createTreeWalker(anchor.getRootNode(), 1 /* NodeFilter.SHOW_ELEMENT */);
  const step = (forward: boolean) => (forward ? walker.nextNode() : walker.previousNode()) as Element | null;
  const form = formOf(anchor);
  const near: Element[] = [];
  let next: Element | null = null;
  // After the field (not inside it): its neighbours, and on until the next control is found.
  walker.currentNode = anchor;
  for (let el = step(true), after = 0; el && (after < NEAR_COUNT || !next); el = step(true)) {
    if (anchor.contains(el) || !el.matches(NEAR)) continue;
    if (!next && isNextControl(el, form)) next = el;
    else if (after < NEAR_COUNT) near.push(el);
    after++;
  }
  // Before it (its ancestors too: a label around the field).
  walker.currentNode = anchor;
  for (let el = step(false), before = 0; el && before < NEAR_COUNT; el = step(false)) {
    if (!el.matches(NEAR)) continue;
    near.push(el);
    before++;
  }
  return { next, near };
}

function rectOf(el: Element): Rect {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, w: r.width, h: r.height };
}

/** Places the box by utils/callout-place.ts, in px; hides it while the field is off screen. */
function place(s: Shown, root: ShadowRoot): void {
  const { box, heights } = s;
  const doc = box.ownerDocument;
  const set = (prop: string, value: string): void => box.style.setProperty(prop, value, 'important');
  // The layout viewport without scrollbars (in quirks mode <body> has its size, <html> the page's).
  const { clientWidth: vw, clientHeight: vh } = doc.scrollingElement ?? doc.documentElement;
  const avoid = s.near.map(rectOf);
  // Our own panel and its field message stay in sight too.
  for (const el of root.querySelectorAll('[data-guide-panel],[data-field-kind]')) avoid.push(rectOf(el));
  const r = placeCallout({
    field: rectOf(s.anchor),
    next: s.next && rectOf(s.next),
    avoid,
    vw,
    vh,
    heightAt(w) {
      let h = heights.get(w);
      if (h === undefined) {
        set('width', `${w}px`);
        h = box.offsetHeight;
        heights.set(w, h);
      }
      return h;
    },
  });
  set('visibility', r ? 'visible' : 'hidden');
  if (!r) return;
  set('left', `${Math.round(r.x)}px`);
  set('top', `${Math.round(r.y)}px`);
  set('width', `${r.w}px`);
}

/**
 * Shows `msg` beside `anchor` in `root` (one callout per root), or removes it for null.
 * The callout follows the field on scroll, resize and layout changes while shown (once a frame).
 */
export function renderCallout(root: ShadowRoot, anchor: Element, msg: CalloutMessage | null): void {
  const current = shown.get(root);
  if (!msg) {
    if (current) {
      current.stop.abort();
      current.box.remove();
      shown.delete(root);
    }
    return;
  }
  if (current && current.anchor === anchor && shows(current.msg) === shows(msg)) {
    current.msg = msg; // keep the latest onAck
    place(current, root);
    return;
  }
  if (current) {
    current.stop.abort();
    current.box.remove();
  }
  const doc = root.ownerDocument ?? anchor.ownerDocument;
  const box = build(doc, msg);
  const stop = new AbortController();
  const entry: Shown = { box, anchor, msg, stop, heights: new Map(), ...neighbours(anchor) };
  // Pressing the mouse on the callout must not move focus away from the field.
  box.addEventListener('mousedown', (e) => e.preventDefault(), { signal: stop.signal });
  box.querySelector('button')?.addEventListener('click', () => entry.msg.onAck(), { signal: stop.signal });
  root.append(box);
  shown.set(root, entry);
  place(entry, root);
  const view = doc.defaultView;
  if (view) {
    let frame = 0;
    const follow = (): void => {
      frame ||= view.requestAnimationFrame(() => {
        frame = 0;
        if (!stop.signal.aborted) place(entry, root);
      });
    };
    view.addEventListener('scroll', follow, { capture: true, passive: true, signal: stop.signal });
    view.addEventListener('resize', follow, { passive: true, signal: stop.signal });
    // The page's layout moving the field (a docked panel, content loading above it) fires no scroll.
    const watch = new view.ResizeObserver(follow);
    watch.observe(anchor);
    watch.observe(doc.documentElement);
    stop.signal.addEventListener('abort', () => watch.disconnect());
  }
}
