// The guard in happy-dom: focus classification, value shapes after the debounce, shadow roots,
// contenteditable, teardown. The typed value must never come back out of the guard.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyElement } from '../../../utils/fields/describe';
import { startFocusGuard, type FieldGuardOptions, type FieldGuardState } from '../../../utils/fields/focus-guard';

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
