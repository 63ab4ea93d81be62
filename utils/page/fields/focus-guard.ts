// The field guard's DOM runtime: tells its caller which kind of sensitive control has focus, before
// anything is typed. No browser-extension API, no Preact and no classifier here (the caller gives
// `kindOf` and, in the top frame, a `prescan` that asks the background ahead of focus), so it runs in every frame.
//
// What it never does: keep, log or send a typed value. A value is read only inside the debounced
// shape check (valueShape), held in a local for that call, and only the shape's name survives.
import { MAX_BATCH_FIELDS, MAX_BATCH_FORMS, MAX_FORM } from '../../fields/limits';
import { CONTROL_SELECTOR, contextScope, editingHost } from './read';
import type { FieldKind } from '../../types';
import { valueShape, type ValueShape } from '../../values/value-shape';
import { benchMark } from '../bench-mark';

export interface FieldGuardState {
  element: Element;
  kind: FieldKind;
  /** 'description': the control's label/attributes say so; 'value': what was typed has that shape. */
  source: 'description' | 'value';
}

export interface FieldGuardOptions {
  /**
   * The control's kind by its description; undefined while not known yet (an answer on its way:
   * the caller then calls `refresh`). Kinds given are kept for the page view.
   */
  kindOf(el: Element): FieldKind | null | undefined;
  /** Called with the focused sensitive control, or null when focus is on an ordinary control or nowhere. */
  onChange(state: FieldGuardState | null): void;
  /** Tears the guard down: listeners and any pending check. */
  signal: AbortSignal;
  /** Delay after the last keystroke or paste before the shape check (default 250 ms). */
  debounceMs?: number;
  /**
   * Elements of the caller's own UI (the callout's shadow host): focus moving there keeps the
   * current state instead of clearing it.
   */
  isOwnUi?(element: Element): boolean;
  /**
   * The page's own closed shadow root of `host`, if any (the browser's extension API:
   * chrome.dom.openOrClosedShadowRoot, Firefox's element.openOrClosedShadowRoot): focus inside it
   * reaches the guard as the host only. Open roots need no help.
   */
  shadowRootOf?(host: Element): ShadowRoot | null;
  /**
   * Classify every control ahead of focus, in short slices when the page is idle, and then only
   * what mutations add; a focus then finds its answer ready. Off by default (sub-frames, unit tests).
   */
  prescan?: Prescanner;
}

/** Ahead-of-focus classification by someone else (the background): forms in, kinds back. */
export interface Prescanner {
  /** One form's controls (≤ MAX_FORM): read their descriptions now, for the next batch. */
  add(form: readonly Element[]): void;
  /**
   * Sends the batch of what was added since the last call (it must be serialised now: this runs in
   * the slice). `done` gets, later, each added control's kind in the order added, or null (no answer).
   */
  send(done: (kinds: readonly (FieldKind | null)[] | null) => void): void;
}

export interface FieldGuard {
  /** Re-adds the listeners, e.g. after `document.open()` dropped them. Safe to call any time. */
  reattach(): void;
  /** The state last reported. */
  current(): FieldGuardState | null;
  /** An answer for `el` arrived (see kindOf): report it if `el` has focus. */
  refresh(el: Element): void;
}

/** Input types whose value may be checked for a shape (never password boxes). */
const SHAPE_TYPES = new Set(['text', 'search', 'tel', 'number', 'email', 'url', '']);
const CARD_KINDS = new Set<FieldKind>(['card-number', 'card-cvc', 'card-expiry']);
/** Longest stretch of ahead-of-focus classification before yielding to the page. */
const SLICE_MS = 6;
/** Controls looked at or described between two looks at the clock (a slice may run over by one form). */
const CLOCK_EVERY = 8;
/** Wait after a mutation before classifying what it added (mutation bursts come together). */
const MUTATION_DELAY_MS = 100;
/** Attributes a classification reads: a change to one makes ahead-of-focus answers stale. */
const WATCHED_ATTRIBUTES = ['id', 'name', 'type', 'autocomplete', 'placeholder', 'title', 'aria-label', 'aria-labelledby', 'for', 'maxlength', 'contenteditable', 'alt'];

/** The element an event happened on; composedPath()[0] reaches into open shadow roots (closed ones stay retargeted to their host). */
function rawTarget(event: Event): Element | null {
  const first = event.composedPath()[0] ?? event.target;
  return first && (first as Node).nodeType === 1 ? (first as Element) : null;
}

function shapeCheckable(el: Element): boolean {
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName === 'INPUT') return SHAPE_TYPES.has((el as HTMLInputElement).type.toLowerCase());
  return el.tagName !== 'SELECT'; // an editing host
}

/** Reads the control's current text and returns only its shape. The text is not kept. */
function shapeOf(el: Element): ValueShape | null {
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return valueShape((el as HTMLInputElement).value);
  return valueShape(el.textContent ?? '');
}

export function startFocusGuard(doc: Document, opts: FieldGuardOptions): FieldGuard {
  const { onChange, signal } = opts;
  const debounceMs = opts.debounceMs ?? 250;
  /** Kind by description, per control, computed on first focus. */
  const described = new WeakMap<Element, FieldKind | null>();
  /** Kind set by a value's shape (the shape's name only, never the value); null: a SIM's number in a card field. */
  const byValue = new WeakMap<Element, FieldKind | null>();
  let state: FieldGuardState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Element | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;

  /** Ahead-of-focus answers, valid while no page mutation happened since (`epoch`). */
  const warm = new WeakMap<Element, { epoch: number; kind: FieldKind | null }>();
  let epoch = 0;

  const classifySafely = (el: Element): FieldKind | null | undefined => {
    try {
      return opts.kindOf(el);
    } catch {
      return null; // an odd page must not break the guard
    }
  };

  const descriptionKind = (el: Element): FieldKind | null => {
    if (described.has(el)) return described.get(el) ?? null;
    const ready = warm.get(el);
    const kind = ready && ready.epoch === epoch ? ready.kind : classifySafely(el);
    if (kind === undefined) return null; // not known yet: refresh() brings it
    described.set(el, kind);
    return kind;
  };

  const stateFor = (el: Element): FieldGuardState | null => {
    const valueKind = byValue.get(el);
    if (valueKind) return { element: el, kind: valueKind, source: 'value' };
    if (valueKind === null) return null;
    const kind = descriptionKind(el);
    return kind ? { element: el, kind, source: 'description' } : null;
  };

  const report = (next: FieldGuardState | null): void => {
    if (signal.aborted) return;
    const same =
      next === state ||
      (next !== null && state !== null && next.element === state.element && next.kind === state.kind && next.source === state.source);
    if (same) return;
    state = next;
    onChange(next);
  };

  const isOwn = (el: Element | null): boolean => el !== null && opts.isOwnUi !== undefined && opts.isOwnUi(el);

  /** Down through shadow roots (closed ones too, when the caller can open them) to the focused element. */
  const inner = (el: Element | null): Element | null => {
    for (let i = 0; el && i < 32 && !isOwn(el); i++) {
      const root = el.shadowRoot ?? opts.shadowRootOf?.(el) ?? null;
      const next = root?.activeElement ?? null;
      if (!next) break;
      el = next;
    }
    return el;
  };
  const targetOf = (event: Event): Element | null => {
    const raw = inner(rawTarget(event));
    return raw ? editingHost(raw) : null;
  };
  const deepActive = (d: Document): Element | null => inner(d.activeElement);

  const onFocusIn = (event: Event): void => {
    if (isOwn(rawTarget(event))) return;
    const el = targetOf(event);
    report(el ? stateFor(el) : null);
  };

  const settle = (): void => {
    settleTimer = null;
    if (signal.aborted) return;
    const active = deepActive(doc);
    if (isOwn(active)) return;
    const el = active && active !== doc.body && active !== doc.documentElement ? editingHost(active) : null;
    report(el ? stateFor(el) : null);
  };

  const onFocusOut = (event: Event): void => {
    // Focus moving to another element: its focusin decides. Otherwise (relatedTarget is null when
    // focus goes nowhere, into another frame, or in engines that leave it out) look once the
    // focus change is over.
    if ((event as FocusEvent).relatedTarget) return;
    if (settleTimer === null) settleTimer = setTimeout(settle, 0);
  };

  const runShapeCheck = (): void => {
    timer = null;
    const el = pending;
    pending = null;
    if (!el || signal.aborted || !el.isConnected) return;
    const shape = shapeOf(el);
    const baseKind = descriptionKind(el);
    if (shape === 'sim-number') {
      // A SIM's ICCID is never a bank card, whatever the field says (a carrier's "card number").
      if (baseKind === 'card-number') byValue.set(el, null);
      else byValue.delete(el);
    } else if (shape && shape !== baseKind && !(shape === 'id-number' && baseKind !== null)) {
      byValue.set(el, shape);
    } else {
      byValue.delete(el);
    }
    if (state?.element === el || deepActive(doc) === el) report(stateFor(el));
  };

  const onEdit = (event: Event): void => {
    const el = targetOf(event);
    if (!el || !shapeCheckable(el)) return;
    const kind = descriptionKind(el);
    // Card fields are already warned about (a card number's is checked only for a SIM's number);
    // passwords are never looked at.
    if (kind && kind !== 'card-number' && (CARD_KINDS.has(kind) || kind === 'password')) return;
    if (timer !== null && pending !== el) runShapeCheck();
    if (timer !== null) clearTimeout(timer);
    pending = el;
    timer = setTimeout(runShapeCheck, debounceMs);
  };

  // Ahead-of-focus classification. Roots to scan queue up (the document first, then what mutations
  // add); each slice runs at most SLICE_MS and yields. A control's whole form (its context scope,
  // in chunks of MAX_FORM) is described at once (the caller's `add`), and at the end of each slice
  // the batch is sent (the caller's `send`), so the description and the sending count in the
  // slice. Answers are trusted only if no mutation happened since the batch was read (`epoch`).
  // Marks (no data) time the first full pass for the benchmark (bench/run.mjs): start/end per
  // slice, done once its last answer is in; later passes are not marked.
  const startPrescan = (prescan: Prescanner): void => {
    const queue: Element[] = [doc.documentElement];
    let list: ArrayLike<Element> = [];
    let size = 0; // list.length, read once (a DOM call on a NodeList)
    let at = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let firstPass = true;
    let firstInFlight = 0;
    let firstSent = false;
    /** The epoch in which a control was sent (its answer on its way, or in `warm`). */
    const sentAt = new WeakMap<Element, number>();
    /** A context scope's controls, read once per epoch. */
    const scopes = new WeakMap<Element, { epoch: number; controls: Element[] }>();
    let batch: Element[] = [];
    let forms = 0;

    const formOf = (el: Element): Element[] => {
      const scope = contextScope(el);
      let entry = scopes.get(scope);
      if (!entry || entry.epoch !== epoch) {
        entry = { epoch, controls: Array.from(scope.querySelectorAll(CONTROL_SELECTOR)) };
        scopes.set(scope, entry);
      }
      const all = entry.controls;
      if (all.length <= MAX_FORM) return all.includes(el) ? all : [el];
      const i = all.indexOf(el);
      if (i < 0) return [el];
      const from = i - (i % MAX_FORM);
      return all.slice(from, from + MAX_FORM);
    };

    const flush = (): void => {
      if (batch.length === 0) return;
      const els = batch;
      const sent = epoch;
      const first = firstPass;
      batch = [];
      forms = 0;
      if (first) firstInFlight++;
      let answered = false;
      prescan.send((kinds) => {
        if (answered) return;
        answered = true;
        if (kinds && kinds.length === els.length && sent === epoch && !signal.aborted) {
          for (let i = 0; i < els.length; i++) warm.set(els[i]!, { epoch: sent, kind: kinds[i] ?? null });
          // A control that got focus before its answer: say it now.
          const active = deepActive(doc);
          const el = active ? editingHost(active) : null;
          if (el && !described.has(el) && els.includes(el) && !isOwn(active)) report(stateFor(el));
        }
        if (first && --firstInFlight === 0 && firstSent) benchMark('sxg:classify-done');
      });
    };

    const slice = (): void => {
      timer = null;
      if (signal.aborted) return;
      if (firstPass) benchMark('sxg:classify-start');
      const end = performance.now() + SLICE_MS;
      let work = 0;
      for (;;) {
        // The clock is read every few controls: a read costs about as much as describing one.
        if (work >= CLOCK_EVERY) {
          work = 0;
          if (performance.now() >= end) break;
        }
        if (at < size) {
          const el = list[at++];
          work++;
          if (!el || described.has(el) || sentAt.get(el) === epoch || warm.get(el)?.epoch === epoch) continue;
          const form = formOf(el);
          if (batch.length + form.length > MAX_BATCH_FIELDS || forms >= MAX_BATCH_FORMS) flush();
          for (const c of form) sentAt.set(c, epoch);
          prescan.add(form);
          for (const c of form) batch.push(c);
          forms++;
          work += form.length;
          continue;
        }
        const root = queue.shift();
        if (!root) break;
        if (!root.isConnected) continue;
        list = root.matches(CONTROL_SELECTOR) ? [root] : root.querySelectorAll(CONTROL_SELECTOR);
        size = list.length;
        at = 0;
      }
      if (at >= size) {
        list = []; // do not hold on to a page's worth of controls
        size = 0;
      }
      const more = at < size || queue.length > 0;
      if (firstPass && !more) firstSent = true;
      flush();
      if (firstPass) {
        benchMark('sxg:classify-end');
        if (!more && firstInFlight === 0) benchMark('sxg:classify-done');
      }
      if (more) timer = setTimeout(slice, 0);
      else firstPass = false;
    };
    const observer = new MutationObserver((records) => {
      let added = false;
      for (const r of records) {
        if (r.target.nodeType === 1 && isOwn(r.target as Element)) continue;
        epoch++;
        for (let i = 0; i < r.addedNodes.length; i++) {
          const n = r.addedNodes[i];
          if (n?.nodeType === 1) {
            queue.push(n as Element);
            added = true;
          }
        }
      }
      if (added && timer === null) timer = setTimeout(slice, MUTATION_DELAY_MS);
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    });
    timer = setTimeout(slice, 0);
  };

  const attach = (): void => {
    if (signal.aborted) return;
    const options: AddEventListenerOptions = { capture: true, signal };
    // Re-adding the same listener is a no-op, so reattach() is safe to call at any time.
    doc.addEventListener('focusin', onFocusIn, options);
    doc.addEventListener('focusout', onFocusOut, options);
    doc.addEventListener('input', onEdit, options);
    doc.addEventListener('paste', onEdit, options);
  };

  signal.addEventListener(
    'abort',
    () => {
      if (timer !== null) clearTimeout(timer);
      if (settleTimer !== null) clearTimeout(settleTimer);
      timer = null;
      settleTimer = null;
      pending = null;
      state = null;
    },
    { once: true },
  );

  attach();
  if (opts.prescan) startPrescan(opts.prescan);
  // A control may already have focus when the guard starts.
  const active = deepActive(doc);
  if (active && active !== doc.body) {
    const el = editingHost(active);
    if (el) report(stateFor(el));
  }

  return {
    reattach: attach,
    current: () => state,
    refresh(el) {
      if (signal.aborted) return;
      described.delete(el);
      if (state?.element === el || deepActive(doc) === el) report(stateFor(el));
    },
  };
}

