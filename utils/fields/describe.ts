// Classifies a form control as the guard sees it on focus: its description (read.ts) and whether
// its form holds card fields (formContext). No value is ever read here. In the page, descriptions
// are read lazily (live-description.ts): the classifier's answer is the same as on describeField's
// plain description, at a fraction of the reading.
import { classifyField, type FieldContext } from './classify';
import { LiveDescription } from './live-description';
import { CONTROL_SELECTOR, contextScope } from './read';
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
interface Scanned {
  at: number;
  d: LiveDescription;
  /** The kind without card context. */
  kind: FieldKind | null;
  /** Whether the classifier looked at the card context: if not, the kind stands in a card form too. */
  askedCard: boolean;
}

/** "No card field here", noting whether the classifier asked (classifyField is pure: if it did not, the answer is the same either way). */
class NoCardContext implements FieldContext {
  asked = false;
  get cardContext(): boolean {
    this.asked = true;
    return false;
  }
}
let scanned = new WeakMap<Element, Scanned>();
let scannedSince = 0;

function scannedNow(now: number): WeakMap<Element, Scanned> {
  if (now - scannedSince > CONTEXT_MS) {
    const generation = new WeakMap<Element, Scanned>();
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

const CARD_AUTOCOMPLETE = /(^|\s)cc-(number|csc)(\s|$)/;

function scanForCard(scope: Element, now: number): boolean {
  const controls = scope.querySelectorAll(CONTROL_SELECTOR);
  const memo = scannedNow(now);
  let card = false;
  for (let i = 0; i < controls.length; i++) {
    const c = controls[i];
    if (!c) continue;
    const d = new LiveDescription(c);
    if (CARD_AUTOCOMPLETE.test(d.autocomplete.toLowerCase())) return true;
    const ctx = new NoCardContext();
    const kind = classifyField(d, ctx);
    memo.set(c, { at: now, d, kind, askedCard: ctx.asked });
    if (strongCardKind(kind)) card = true;
  }
  return card;
}

/** Whether `el`'s form (or nearest multi-control container) holds a card-number or card-code field. */
export function formContext(el: Element): FieldContext {
  return { cardContext: cardContextAt(el, Date.now()) };
}

function cardContextAt(el: Element, now: number): boolean {
  const scope = contextScope(el);
  const cached = contextCache.get(scope);
  if (cached && now - cached.at <= CONTEXT_MS) return cached.card;
  const card = scanForCard(scope, now);
  contextCache.set(scope, { at: now, card });
  return card;
}

/** describeField + formContext + classifyField: the kind of a control as the guard sees it on focus. */
export function classifyElement(el: Element): FieldKind | null {
  const now = Date.now();
  const card = cardContextAt(el, now);
  const hit = scannedNow(now).get(el);
  const fresh = hit && now - hit.at <= CONTEXT_MS ? hit : null;
  // The scan already classified it without card context: that answer stands when the form has
  // no card field, or when the classifier did not ask.
  if (fresh && (!card || !fresh.askedCard)) return fresh.kind;
  return classifyField(fresh ? fresh.d : new LiveDescription(el), { cardContext: card });
}
