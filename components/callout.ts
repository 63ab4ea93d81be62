// The callout beside a sensitive field: a small box in the extension's own (closed) shadow root,
// positioned next to the field, never inside the page's DOM. Vanilla DOM so it can run without
// Preact; text goes in as text only, never parsed as HTML. It does not take focus, and pressing the mouse
// on it does not blur the field.
import type { FieldKind, Severity } from '../utils/types';

export interface CalloutMessage {
  kind: FieldKind;
  severity: Severity;
  title: string;
  body: string;
  ackLabel: string;
  onAck(): void;
}

/** Gap between the field and the callout, and the least distance to the viewport's edges. */
const GAP = 8;
const MARGIN = 8;

interface Shown {
  box: HTMLElement;
  anchor: Element;
  msg: CalloutMessage;
  stop: AbortController;
}

const shown = new WeakMap<ShadowRoot, Shown>();

export const CALLOUT_CSS = `
.sxg-callout {
  all: initial;
  position: fixed;
  z-index: 2147483647;
  box-sizing: border-box;
  display: block;
  width: max-content;
  max-width: 320px;
  min-width: 200px;
  padding: 10px 12px;
  border-radius: 8px;
  border: 1px solid #d0d7de;
  border-left: 4px solid #0969da;
  background: #ffffff;
  color: #1f2328;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
  font: 400 14px/20px system-ui, -apple-system, "Segoe UI", "PingFang HK", "Microsoft JhengHei", "Noto Sans CJK TC", sans-serif;
  text-align: start;
  pointer-events: auto;
  animation: sxg-callout-in 120ms ease-out;
}
.sxg-callout[data-callout-severity="warn"] { border-left-color: #cf222e; background: #fff8f8; }
.sxg-callout-title { display: block; margin: 0 0 4px; font-weight: 600; font-size: 14px; line-height: 20px; }
.sxg-callout-body { display: block; margin: 0 0 8px; font-size: 13px; line-height: 18px; }
.sxg-callout-ack {
  all: initial;
  display: inline-block;
  box-sizing: border-box;
  padding: 4px 10px;
  border: 1px solid #8c959f;
  border-radius: 6px;
  background: #f6f8fa;
  color: #1f2328;
  font: 500 13px/18px system-ui, -apple-system, "Segoe UI", sans-serif;
  cursor: pointer;
}
.sxg-callout-ack:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .sxg-callout { background: #161b22; color: #e6edf3; border-color: #30363d; border-left-color: #4493f8; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.6); }
  .sxg-callout[data-callout-severity="warn"] { background: #2d1517; border-left-color: #f85149; }
  .sxg-callout-ack { background: #21262d; color: #e6edf3; border-color: #6e7681; }
}
@media (prefers-reduced-motion: reduce) {
  .sxg-callout { animation: none; }
}
@keyframes sxg-callout-in { from { opacity: 0; transform: translateY(-4px); } to { opacity: 1; transform: none; } }
`;

function sameMessage(a: CalloutMessage, b: CalloutMessage): boolean {
  return a.kind === b.kind && a.severity === b.severity && a.title === b.title && a.body === b.body && a.ackLabel === b.ackLabel;
}

function build(doc: Document, msg: CalloutMessage): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'sxg-callout';
  box.setAttribute('role', msg.severity === 'warn' ? 'alert' : 'status');
  box.setAttribute('data-callout-kind', msg.kind);
  box.setAttribute('data-callout-severity', msg.severity);
  const title = doc.createElement('strong');
  title.className = 'sxg-callout-title';
  title.textContent = msg.title;
  const body = doc.createElement('p');
  body.className = 'sxg-callout-body';
  body.textContent = msg.body;
  const ack = doc.createElement('button');
  ack.type = 'button';
  ack.className = 'sxg-callout-ack';
  ack.textContent = msg.ackLabel;
  box.append(title, body, ack);
  return box;
}

/** Places the box below the anchor if it fits, else above; clamped to the viewport. px only. */
function place(box: HTMLElement, anchor: Element): void {
  const view = box.ownerDocument.defaultView;
  const vw = view?.innerWidth ?? 1024;
  const vh = view?.innerHeight ?? 768;
  const a = anchor.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  const w = b.width || 280;
  const h = b.height || 100;
  let top = a.bottom + GAP;
  if (top + h > vh - MARGIN && a.top - GAP - h >= MARGIN) top = a.top - GAP - h;
  top = Math.min(Math.max(top, MARGIN), Math.max(MARGIN, vh - MARGIN - h));
  const left = Math.min(Math.max(a.left, MARGIN), Math.max(MARGIN, vw - MARGIN - w));
  box.style.setProperty('top', `${Math.round(top)}px`, 'important');
  box.style.setProperty('left', `${Math.round(left)}px`, 'important');
}

/**
 * Shows `msg` beside `anchor` in `root` (one callout per root), or removes it for null.
 * The callout follows the field on scroll and resize while shown.
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
  if (current && current.anchor === anchor && sameMessage(current.msg, msg)) {
    current.msg = msg; // keep the latest onAck
    place(current.box, anchor);
    return;
  }
  if (current) {
    current.stop.abort();
    current.box.remove();
  }
  const doc = root.ownerDocument ?? anchor.ownerDocument;
  const box = build(doc, msg);
  const stop = new AbortController();
  const entry: Shown = { box, anchor, msg, stop };
  // Pressing the mouse on the callout must not move focus away from the field.
  box.addEventListener('mousedown', (e) => e.preventDefault(), { signal: stop.signal });
  box.querySelector('button')?.addEventListener('click', () => entry.msg.onAck(), { signal: stop.signal });
  root.append(box);
  shown.set(root, entry);
  place(box, anchor);
  const view = doc.defaultView;
  if (view) {
    const follow = (): void => place(box, anchor);
    view.addEventListener('scroll', follow, { capture: true, passive: true, signal: stop.signal });
    view.addEventListener('resize', follow, { passive: true, signal: stop.signal });
  }
}
