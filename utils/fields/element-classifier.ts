// Classifies a form control as the guard sees it on focus: its description (read.ts) and whether
// its form holds card fields (formContext). No value is ever read here. In the page, descriptions
// are read lazily (live-description.ts): the classifier's answer is the same as on describeField's
// plain description, at a fraction of the reading.
//
// The classifier itself (classify.ts) is given, not imported: in the top frame the guard script
// reads the page and the panel script lends it the classifier (utils/top-frame-bridge.ts), so the
// DOM reading is in one bundle and the classifier in the other. describe.ts binds the two for
// everything else.
import type { FieldContext, FieldDescription } from './classify';
import { LiveDescription } from './live-description';
import { CONTROL_SELECTOR, contextScope } from './read';
import { FIELD_KINDS, type FieldKind } from '../types';

export type FieldClassifier = (d: FieldDescription, ctx: FieldContext) => FieldKind | null;

export interface ElementClassifier {
  /** describeField + formContext + classifyField: the kind of a control as the guard sees it on focus. */
  classify(el: Element): FieldKind | null;
  /** Whether `el`'s form (or nearest multi-control container) holds a card-number or card-code field. */
  formContext(el: Element): FieldContext;
}

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

/** "No card field here", noting whether the classifier asked (classifyField is pure: if it did not, the answer is the same either way). */
class NoCardContext implements FieldContext {
  asked = false;
  get cardContext(): boolean {
    this.asked = true;
    return false;
  }
}

// The kinds a context scan found, reused by classify within the same window: per control, its
// kind without and with card context, as one small number. No object per control: a page's
// worth of them, kept for the window, would weigh on every garbage collection meanwhile. A fresh
// map per window, let go once the window has passed.
const KINDS: readonly (FieldKind | null)[] = [null, ...FIELD_KINDS];
const encode = (plain: FieldKind | null, inCardForm: FieldKind | null): number => KINDS.indexOf(plain) * 8 + KINDS.indexOf(inCardForm);
const decode = (code: number, card: boolean): FieldKind | null => KINDS[card ? code % 8 : Math.floor(code / 8)] ?? null;

function strongCardKind(kind: FieldKind | null): boolean {
  return kind === 'card-number' || kind === 'card-cvc';
}

const CARD_AUTOCOMPLETE = /(^|\s)cc-(number|csc)(\s|$)/;

export function elementClassifier(classifyField: FieldClassifier): ElementClassifier {
  const contextCache = new WeakMap<Element, ContextEntry>();
  let scanned = new WeakMap<Element, number>();
  let scannedSince = 0;

  function scannedNow(now: number): WeakMap<Element, number> {
    if (now - scannedSince > CONTEXT_MS) {
      const generation = new WeakMap<Element, number>();
      scanned = generation;
      scannedSince = now;
      // Dropped when its window is over even if nothing asks again.
      setTimeout(() => {
        if (scanned === generation) scanned = new WeakMap();
      }, CONTEXT_MS + 100);
    }
    return scanned;
  }

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
      // The classifier asked for the context (rarely): its answer in a card form too, while the description is at hand.
      memo.set(c, encode(kind, ctx.asked ? classifyField(d, { cardContext: true }) : kind));
      if (strongCardKind(kind)) card = true;
    }
    return card;
  }

  function cardContextAt(el: Element, now: number): boolean {
    const scope = contextScope(el);
    const cached = contextCache.get(scope);
    if (cached && now - cached.at <= CONTEXT_MS) return cached.card;
    const card = scanForCard(scope, now);
    contextCache.set(scope, { at: now, card });
    return card;
  }

  return {
    formContext: (el) => ({ cardContext: cardContextAt(el, Date.now()) }),
    classify(el) {
      const now = Date.now();
      const card = cardContextAt(el, now);
      const code = scannedNow(now).get(el);
      if (code !== undefined) return decode(code, card);
      return classifyField(new LiveDescription(el), { cardContext: card });
    },
  };
}
