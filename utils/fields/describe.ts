// Classifies a form control as the guard sees it on focus: its description (read.ts) and whether
// its form holds card fields (formContext). No value is ever read here.
import { classifyField, type FieldContext, type FieldDescription } from './classify';
import { CONTROL_SELECTOR, contextScope, describeField } from './read';
import type { FieldKind } from '../types';

export type { FieldDescription } from './classify';
export { CONTROL_SELECTOR, contextScope, describeField, editingHost, scopeControls } from './read';

// ---------------------------------------------------------------------------------------------
// Card context: does the control's form (or, without a <form>, the nearest container holding
// several controls) have a card-number or card-code field? Cached per form, so classifying every
// control of a page costs one scan per form, not one per control.

// Both caches live for a short window (like the label index): a burst of classifications shares
// one scan per form, and a form that changes is seen again a moment later. (Counting a form's
// controls on every call to detect changes would cost as much as the scan in some engines.)
const CONTEXT_MS = 1000;

interface ContextEntry {
  at: number;
  card: boolean;
}

const contextCache = new WeakMap<Element, ContextEntry>();
/** Descriptions made during a context scan, reused by classifyElement within the same window. */
// A fresh map per window: the descriptions of a large form (hundreds of bytes per control) are
// let go once the window has passed, not kept for as long as the controls live.
let scanned = new WeakMap<Element, { at: number; d: FieldDescription; kind: FieldKind | null }>();
let scannedSince = 0;

function scannedNow(now: number): WeakMap<Element, { at: number; d: FieldDescription; kind: FieldKind | null }> {
  if (now - scannedSince > CONTEXT_MS) {
    const generation = new WeakMap<Element, { at: number; d: FieldDescription; kind: FieldKind | null }>();
    scanned = generation;
    scannedSince = now;
    // Dropped when its window is over even if nothing asks again.
    setTimeout(() => {
      if (scanned === generation) scanned = new WeakMap();
    }, CONTEXT_MS + 100);
  }
  return scanned;
}

function strongCardKind(kind: FieldKind | null): boolean {
  return kind === 'card-number' || kind === 'card-cvc';
}

function scanForCard(scope: Element, now: number): boolean {
  const controls = scope.querySelectorAll(CONTROL_SELECTOR);
  let card = false;
  for (let i = 0; i < controls.length; i++) {
    const c = controls[i];
    if (!c) continue;
    const ac = (c.getAttribute('autocomplete') ?? '').toLowerCase();
    if (/(^|\s)cc-(number|csc)(\s|$)/.test(ac)) return true;
    const d = describeField(c);
    const kind = classifyField(d, { cardContext: false });
    scannedNow(now).set(c, { at: now, d, kind });
    if (strongCardKind(kind)) card = true;
  }
  return card;
}

/** Whether `el`'s form (or nearest multi-control container) holds a card-number or card-code field. */
export function formContext(el: Element): FieldContext {
  const scope = contextScope(el);
  const now = Date.now();
  const cached = contextCache.get(scope);
  if (cached && now - cached.at <= CONTEXT_MS) return { cardContext: cached.card };
  const card = scanForCard(scope, now);
  contextCache.set(scope, { at: now, card });
  return { cardContext: card };
}

/** describeField + formContext + classifyField: the kind of a control as the guard sees it on focus. */
export function classifyElement(el: Element): FieldKind | null {
  const ctx = formContext(el);
  const hit = scannedNow(Date.now()).get(el);
  const fresh = hit && Date.now() - hit.at <= CONTEXT_MS ? hit : null;
  // The scan already classified it without card context: that answer stands when the form has no card field.
  if (fresh && !ctx.cardContext) return fresh.kind;
  return classifyField(fresh ? fresh.d : describeField(el), ctx);
}
