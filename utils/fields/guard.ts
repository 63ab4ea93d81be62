// The field guard's DOM runtime: tells its caller which kind of sensitive control has focus, before
// anything is typed. No browser-extension API and no Preact here, so it runs in every frame.
//
// What it never does: keep, log or send a typed value. A value is read only inside the debounced
// shape check (valueShape), held in a local for that call, and only the shape's name survives.
import { classifyElement, editingHost } from './describe';
import type { FieldKind } from '../types';
import { valueShape } from '../values/value-shape';

export interface FieldGuardState {
  element: Element;
  kind: FieldKind;
  /** 'description': the control's label/attributes say so; 'value': what was typed has that shape. */
  source: 'description' | 'value';
}

export interface FieldGuardOptions {
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
}

export interface FieldGuard {
  /** Re-adds the listeners, e.g. after `document.open()` dropped them. Safe to call any time. */
  reattach(): void;
  /** The state last reported. */
  current(): FieldGuardState | null;
}

/** Input types whose value may be checked for a shape (never password boxes). */
const SHAPE_TYPES = new Set(['text', 'search', 'tel', 'number', 'email', 'url', '']);
const CARD_KINDS = new Set<FieldKind>(['card-number', 'card-cvc', 'card-expiry']);

/** The element an event happened on; composedPath()[0] reaches into open shadow roots (closed ones stay retargeted to their host). */
function rawTarget(event: Event): Element | null {
  const first = event.composedPath()[0] ?? event.target;
  return first && (first as Node).nodeType === 1 ? (first as Element) : null;
}

function targetOf(event: Event): Element | null {
  const raw = rawTarget(event);
  return raw ? editingHost(raw) : null;
}

function shapeCheckable(el: Element): boolean {
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName === 'INPUT') return SHAPE_TYPES.has((el as HTMLInputElement).type.toLowerCase());
  return el.tagName !== 'SELECT'; // an editing host
}

/** Reads the control's current text and returns only its shape. The text is not kept. */
function shapeOf(el: Element): 'card-number' | 'id-number' | null {
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return valueShape((el as HTMLInputElement).value);
  return valueShape(el.textContent ?? '');
}

export function startFieldGuard(doc: Document, opts: FieldGuardOptions): FieldGuard {
  const { onChange, signal } = opts;
  const debounceMs = opts.debounceMs ?? 250;
  /** Kind by description, per control, computed on first focus. */
  const described = new WeakMap<Element, FieldKind | null>();
  /** Kind upgraded by a value's shape (the shape's name only, never the value). */
  const byValue = new WeakMap<Element, FieldKind>();
  let state: FieldGuardState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Element | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;

  const descriptionKind = (el: Element): FieldKind | null => {
    if (described.has(el)) return described.get(el) ?? null;
    let kind: FieldKind | null = null;
    try {
      kind = classifyElement(el);
    } catch {
      kind = null; // an odd page must not break the guard
    }
    described.set(el, kind);
    return kind;
  };

  const stateFor = (el: Element): FieldGuardState | null => {
    const valueKind = byValue.get(el);
    if (valueKind) return { element: el, kind: valueKind, source: 'value' };
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

  const onFocusIn = (event: Event): void => {
    const raw = rawTarget(event);
    if (isOwn(raw)) return;
    const el = raw ? editingHost(raw) : null;
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
    if (shape && shape !== baseKind && !(shape === 'id-number' && baseKind !== null)) {
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
    // Card fields are already warned about; passwords are never looked at.
    if (kind && (CARD_KINDS.has(kind) || kind === 'password')) return;
    if (timer !== null && pending !== el) runShapeCheck();
    if (timer !== null) clearTimeout(timer);
    pending = el;
    timer = setTimeout(runShapeCheck, debounceMs);
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
  // A control may already have focus when the guard starts.
  const active = deepActive(doc);
  if (active && active !== doc.body) {
    const el = editingHost(active);
    if (el) report(stateFor(el));
  }

  return { reattach: attach, current: () => state };
}

/** The focused element, looking through open shadow roots. */
function deepActive(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
