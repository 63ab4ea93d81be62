// The guard in happy-dom: focus classification, value shapes after the debounce, shadow roots,
// contenteditable, teardown. The typed value must never come back out of the guard.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyElement } from '../../../utils/page/fields/describe';
import { startFocusGuard, type FieldGuardOptions, type FieldGuardState } from '../../../utils/page/fields/focus-guard';

/** The focus guard with kinds as the background answers them (here in place, at once). */
const startFieldGuard = (doc: Document, opts: Omit<FieldGuardOptions, 'kindOf'>) => startFocusGuard(doc, { kindOf: classifyElement, ...opts });

const TEST_CARD = '4111 1111 1111 1111';

function page(): Document {
  document.body.replaceChildren();
  const form = document.createElement('form');
  const add = (html: { tag: string; attrs: Record<string, string>; label?: string }): HTMLElement => {
    const wrap = document.createElement('div');
    if (html.label) {
      const label = document.createElement('label');
      label.textContent = html.label;
      label.htmlFor = html.attrs['id'] ?? '';
      wrap.append(label);
    }
    const el = document.createElement(html.tag);
    for (const [k, v] of Object.entries(html.attrs)) el.setAttribute(k, v);
    wrap.append(el);
    form.append(wrap);
    return el;
  };
  add({ tag: 'input', attrs: { id: 'name', name: 'name' }, label: 'Full name' });
  add({ tag: 'input', attrs: { id: 'card', name: 'cardNumber', type: 'tel' }, label: 'Card number' });
  add({ tag: 'input', attrs: { id: 'cvc', name: 'cvc', maxlength: '3' }, label: 'CVC' });
  add({ tag: 'input', attrs: { id: 'pw', name: 'pw', type: 'password' }, label: 'Password' });
  add({ tag: 'textarea', attrs: { id: 'reason', name: 'reason' }, label: 'Reason for termination' });
  document.body.append(form);
  return document;
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string, eventType: 'input' | 'paste' = 'input'): void {
  el.value = value;
  el.dispatchEvent(new Event(eventType, { bubbles: true, composed: true }));
}

describe('startFieldGuard', () => {
  let abort: AbortController;
  let calls: (FieldGuardState | null)[];
  let onChange: (s: FieldGuardState | null) => void;

  beforeEach(() => {
    vi.useFakeTimers();
    abort = new AbortController();
    calls = [];
    onChange = (s) => calls.push(s);
    page();
  });
  afterEach(() => {
    abort.abort();
    vi.useRealTimers();
  });

  const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
  const last = () => calls[calls.length - 1];

  it('reports a card field on focus, before anything is typed', () => {
    startFieldGuard(document, { onChange, signal: abort.signal });
    $('card').focus();
    expect(last()).toEqual({ element: $('card'), kind: 'card-number', source: 'description' });
    $('cvc').focus();
    expect(last()?.kind).toBe('card-cvc');
  });

  it('reports null when focus moves to an ordinary field, and when it goes nowhere', () => {
    startFieldGuard(document, { onChange, signal: abort.signal });
    $('card').focus();
    $('name').focus();
    expect(last()).toBeNull();
    $('pw').focus();
    expect(last()?.kind).toBe('password');
    $('pw').blur();
    vi.advanceTimersByTime(0);
    expect(last()).toBeNull();
  });

  it('does not report the same state twice', () => {
    startFieldGuard(document, { onChange, signal: abort.signal });
    $('name').focus();
    $('name').blur();
    vi.advanceTimersByTime(0);
    expect(calls).toEqual([]);
  });

  it('upgrades a reason box to card-number after the debounce when a Luhn-valid number is typed', () => {
    startFieldGuard(document, { onChange, signal: abort.signal });
    const reason = $<HTMLTextAreaElement>('reason');
    reason.focus();
    expect(calls).toEqual([]);
    type(reason, `please cancel, my card is ${TEST_CARD}`);
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(last()).toEqual({ element: reason, kind: 'card-number', source: 'value' });
    // Deleting it takes the warning away again.
    type(reason, 'please cancel');
    vi.advanceTimersByTime(300);
    expect(last()).toBeNull();
  });

  it('recognises a pasted HKID in a name field as id-number', () => {
    startFieldGuard(document, { onChange, signal: abort.signal });
    const name = $<HTMLInputElement>('name');
    name.focus();
    type(name, 'A123456(3)', 'paste');
    vi.advanceTimersByTime(300);
    expect(last()).toEqual({ element: name, kind: 'id-number', source: 'value' });
  });

  it('never looks into password fields and never hands the value back', () => {
    const seen: string[] = [];
    startFieldGuard(document, { onChange: (s) => seen.push(JSON.stringify(s && { kind: s.kind, source: s.source })), signal: abort.signal });
    const pw = $<HTMLInputElement>('pw');
    pw.focus();
    type(pw, TEST_CARD);
    vi.advanceTimersByTime(300);
    const reason = $<HTMLTextAreaElement>('reason');
    reason.focus();
    type(reason, TEST_CARD);
    vi.advanceTimersByTime(300);
    expect(seen).toEqual(['{"kind":"password","source":"description"}', 'null', '{"kind":"card-number","source":"value"}']);
    for (const s of seen) expect(s).not.toMatch(/\d{4}/);
  });

  it('keeps no copy of the value: the state holds only element, kind and source', () => {
    const guard = startFieldGuard(document, { onChange, signal: abort.signal });
    const reason = $<HTMLTextAreaElement>('reason');
    reason.focus();
    type(reason, TEST_CARD);
    vi.advanceTimersByTime(300);
    const state = guard.current();
    expect(Object.keys(state ?? {}).sort()).toEqual(['element', 'kind', 'source']);
    // Once the box is emptied, nothing anywhere in the state refers to the number.
    reason.value = '';
    expect(JSON.stringify({ kind: state?.kind, source: state?.source })).not.toContain('4111');
  });

  it('finds controls inside open shadow roots', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const form = document.createElement('form');
    const input = document.createElement('input');
    input.setAttribute('aria-label', '信用卡號碼');
    form.append(input);
    shadow.append(form);
    startFieldGuard(document, { onChange, signal: abort.signal });
    input.focus();
    expect(last()).toEqual({ element: input, kind: 'card-number', source: 'description' });
  });

  it('counts contenteditable boxes', () => {
    const box = document.createElement('div');
    box.setAttribute('contenteditable', 'true');
    box.setAttribute('aria-label', 'Message to us');
    box.tabIndex = 0;
    document.body.append(box);
    startFieldGuard(document, { onChange, signal: abort.signal });
    box.focus();
    expect(calls).toEqual([]);
    box.textContent = `身份证 11010519491231002X`;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    vi.advanceTimersByTime(300);
    expect(last()).toEqual({ element: box, kind: 'id-number', source: 'value' });
  });

  it('keeps the state when focus moves into the caller’s own UI', () => {
    const own = document.createElement('button');
    document.body.append(own);
    startFieldGuard(document, { onChange, signal: abort.signal, isOwnUi: (el) => el === own });
    $('card').focus();
    own.focus();
    vi.advanceTimersByTime(0);
    expect(calls.map((c) => c?.kind ?? null)).toEqual(['card-number']);
  });

  it('is torn down by the AbortSignal, pending checks included', () => {
    startFieldGuard(document, { onChange, signal: abort.signal });
    const reason = $<HTMLTextAreaElement>('reason');
    reason.focus();
    type(reason, TEST_CARD);
    abort.abort();
    vi.advanceTimersByTime(300);
    $('card').focus();
    expect(calls).toEqual([]);
  });

  it('can re-add its listeners (after document.open()) without doubling them', () => {
    const guard = startFieldGuard(document, { onChange, signal: abort.signal });
    guard.reattach();
    guard.reattach();
    $('card').focus();
    expect(calls.length).toBe(1);
  });

  it('reports a control that already has focus when it starts', () => {
    $('cvc').focus();
    startFieldGuard(document, { onChange, signal: abort.signal });
    expect(last()?.kind).toBe('card-cvc');
  });
});

// Issue 15 item 4: fields the guard did not see.
describe('fields in closed shadow roots and boxes made to look like inputs', () => {
  let abort: AbortController;
  let last: FieldGuardState | null | undefined;
  beforeEach(() => {
    abort = new AbortController();
    last = undefined;
    document.body.replaceChildren();
  });
  afterEach(() => abort.abort());

  it('reaches a card field inside the page\'s own closed shadow root through shadowRootOf', () => {
    const host = document.createElement('pay-form');
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<form><label for="cc">Card number</label><input id="cc"></form>';
    document.body.append(host);
    const roots = new WeakMap<Element, ShadowRoot>([[host, root]]);
    startFieldGuard(document, { signal: abort.signal, shadowRootOf: (el) => roots.get(el) ?? null, onChange: (s) => (last = s) });
    const input = root.getElementById('cc') as HTMLInputElement;
    input.focus();
    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(last?.kind).toBe('card-number');
    expect(last?.element).toBe(input);
  });

  it('never opens the caller\'s own UI', () => {
    const host = document.createElement('our-ui');
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<label for="x">Card number</label><input id="x">';
    document.body.append(host);
    const opened: Element[] = [];
    // A browser retargets focus from a closed root to its host (happy-dom hands the inner node over too).
    startFieldGuard(document, { signal: abort.signal, isOwnUi: (el) => el === host || el.getRootNode() === root, shadowRootOf: (el) => (opened.push(el), el === host ? root : null), onChange: (s) => (last = s) });
    (root.getElementById('x') as HTMLInputElement).focus();
    expect(opened.map((e) => e.tagName)).not.toContain("OUR-UI");
    expect(last).toBeUndefined();
  });

  it('treats a role=textbox box as a field: by its label, and by what is typed into it', () => {
    vi.useFakeTimers();
    try {
      document.body.innerHTML = '<form><span id="l">信用卡號碼</span><div id="box" role="textbox" tabindex="0" aria-labelledby="l"></div><div id="note" role="textbox" tabindex="0" aria-label="Note"></div></form>';
      startFieldGuard(document, { signal: abort.signal, onChange: (s) => (last = s) });
      const box = document.getElementById('box')!;
      box.focus();
      expect(last?.kind).toBe('card-number');
      const note = document.getElementById('note')!;
      note.focus();
      expect(last).toBeNull();
      note.textContent = TEST_CARD;
      note.dispatchEvent(new Event('input', { bubbles: true }));
      vi.advanceTimersByTime(300);
      expect(last).toEqual({ element: note, kind: 'card-number', source: 'value' });
    } finally {
      vi.useRealTimers();
    }
  });
});
