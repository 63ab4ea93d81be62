// The top frame's guard classifies ahead of focus through the background (issue 6): every control
// is described in short slices, whole forms at a time, and sent in batches; the answers fill the
// guard's cache, so a focus warns with no round trip. A focus before the answer asks for that
// control alone; answers read before a mutation are not trusted after it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyElement, CONTROL_SELECTOR } from '../../../utils/page/fields/describe';
import { startFocusGuard, type FieldGuardState } from '../../../utils/page/fields/focus-guard';
import { MAX_BATCH_FIELDS, MAX_BATCH_FORMS, MAX_FORM } from '../../../utils/fields/limits';
import { parseClassifyBatch } from '../../../utils/fields/remote';
import { fakeBackground, prescanSettled, type FakeBackground } from './prescan-harness';

const MONTHS = Array.from({ length: 12 }, (_, i) => `<option>${i + 1}</option>`).join('');
const CARD_FORM = `<form id="pay">
  <label for="holder">Name on card</label><input id="holder" name="holder">
  <label for="pan">Card number</label><input id="pan" name="pan" type="tel">
  <label for="exp">Expiry</label><select id="exp" name="m">${MONTHS}</select>
  <label for="cvc">CVC</label><input id="cvc" name="cvc" maxlength="3">
</form>
<form id="contact"><label for="mail">E-mail</label><input id="mail" name="email" type="email">
  <label for="exp2">Expiry</label><select id="exp2" name="m2">${MONTHS}</select></form>
<form id="login"><label for="pw">Customer password</label><input id="pw" type="password"></form>`;

function forms(n: number, perForm = 20): string {
  const labels = ['Full name', 'Email', 'Phone', 'Address', 'City', '卡号', '有效期', '安全码', '邮编', '备注'];
  let html = '';
  for (let f = 0; f < n; f++) {
    html += `<form id="f${f}">`;
    for (let i = 0; i < perForm; i++) {
      const id = `c${f}-${i}`;
      const label = labels[i % labels.length] ?? '';
      html += `<div class="row"><label for="${id}">${label}</label><input id="${id}" name="field${i}" placeholder="${label}"></div>`;
    }
    html += '</form>';
  }
  return html;
}

describe('ahead-of-focus classification through the background', () => {
  let abort: AbortController;
  let bg: FakeBackground;
  let calls: (FieldGuardState | null)[];
  let kindOf: ReturnType<typeof vi.fn<(el: Element) => ReturnType<typeof classifyElement> | undefined>>;

  const start = (html: string) => {
    document.body.innerHTML = html;
    return startFocusGuard(document, { signal: abort.signal, kindOf, prescan: bg.prescan, onChange: (s) => calls.push(s) });
  };
  const $ = (id: string) => document.getElementById(id) as HTMLInputElement;

  beforeEach(() => {
    abort = new AbortController();
    bg = fakeBackground();
    calls = [];
    kindOf = vi.fn(() => undefined);
  });
  afterEach(() => {
    abort.abort();
    document.body.replaceChildren();
  });

  it('answers every control as the single ask does, each form with its own card context', async () => {
    start(CARD_FORM);
    await prescanSettled(bg);
    const controls = Array.from(document.querySelectorAll(CONTROL_SELECTOR));
    for (const el of controls) expect(bg.kinds.get(el), el.id).toBe(classifyElement(el));
    expect(bg.kinds.get($('exp'))).toBe('card-expiry');
    expect(bg.kinds.get($('exp2'))).toBeNull(); // no card field in its form
    // Each form went whole, as its own list of descriptions.
    expect(bg.batches.flat().map((f) => f.map((d) => d.id))).toEqual([['holder', 'pan', 'exp', 'cvc'], ['mail', 'exp2'], ['pw']]);
  });

  it('warns on a focus with the answer ready, with no single ask', async () => {
    start(CARD_FORM);
    await prescanSettled(bg);
    $('pan').focus();
    $('pw').focus();
    $('mail').focus();
    expect(calls.map((s) => s?.kind ?? null)).toEqual(['card-number', 'password', null]);
    expect(kindOf).not.toHaveBeenCalled();
  });

  it('asks for the control alone on a focus before the answer, and says the answer when it comes', async () => {
    bg.hold();
    start(CARD_FORM);
    await vi.waitFor(() => expect(bg.batches.length).toBeGreaterThan(0));
    $('cvc').focus();
    expect(kindOf).toHaveBeenCalledWith($('cvc'));
    expect(calls).toEqual([]);
    bg.release();
    await vi.waitFor(() => expect(calls.map((s) => s?.kind)).toEqual(['card-cvc']));
  });

  it('does not trust an answer read before a mutation', async () => {
    bg.hold();
    start(CARD_FORM);
    await vi.waitFor(() => expect(bg.batches.length).toBeGreaterThan(0));
    $('mail').setAttribute('autocomplete', 'cc-number'); // the page changes while the batch is out
    await new Promise((r) => setTimeout(r, 0)); // the observer's records
    bg.release();
    await new Promise((r) => setTimeout(r, 0));
    $('pan').focus();
    expect(kindOf).toHaveBeenCalledWith($('pan')); // asked again: the batch's answer is stale
  });

  it('sends only what a mutation added, after the page settles', async () => {
    start(CARD_FORM);
    await prescanSettled(bg);
    const sent = bg.batches.length;
    const form = document.createElement('form');
    form.innerHTML = '<label for="otp">SMS one-time code</label><input id="otp" name="otp">';
    document.body.append(form);
    await vi.waitFor(() => expect(bg.kinds.get($('otp'))).toBe('otp'), { timeout: 2000 });
    expect(bg.batches.slice(sent).flat().flat().map((d) => d.id)).toEqual(['otp']);
    $('otp').focus();
    expect(calls.at(-1)?.kind).toBe('otp');
    expect(kindOf).not.toHaveBeenCalled();
  });

  it('reads each form once, splits forms over MAX_FORM and keeps every batch within the limits', async () => {
    start(forms(30) + forms(1, MAX_FORM + 50).replace('id="f0"', 'id="big"'));
    const form = $('f3') as unknown as HTMLFormElement;
    const formScan = vi.spyOn(form, 'querySelectorAll');
    await prescanSettled(bg);
    expect(formScan).toHaveBeenCalledTimes(1);
    const sizes = bg.batches.flat().map((f) => f.length);
    expect(sizes.filter((n) => n === 20)).toHaveLength(30);
    expect(sizes.slice(-2)).toEqual([MAX_FORM, 50]);
    for (const batch of bg.batches) {
      expect(batch.length).toBeLessThanOrEqual(MAX_BATCH_FORMS);
      expect(batch.flat().length).toBeLessThanOrEqual(MAX_BATCH_FIELDS);
      expect(parseClassifyBatch({ forms: structuredClone(batch) })).not.toBeNull();
    }
    expect(bg.kinds.size).toBe(30 * 20 + MAX_FORM + 50);
  });

  it('classifies every control of a 10,000-control page correctly', async () => {
    start(forms(500));
    await prescanSettled(bg);
    const all = Array.from(document.querySelectorAll('input'));
    expect(all).toHaveLength(10_000);
    expect(all.filter((el) => bg.kinds.get(el)).length).toBe(3000);
  }, 120_000);

  it('ignores an answer that does not match what was sent', async () => {
    document.body.innerHTML = CARD_FORM;
    let sent = 0;
    startFocusGuard(document, {
      signal: abort.signal,
      kindOf,
      prescan: { add: () => {}, send: (done) => void Promise.resolve().then(() => done(Array(++sent).fill('password'))) },
      onChange: (s) => calls.push(s),
    });
    await vi.waitFor(() => expect(sent).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 0));
    $('mail').focus();
    expect(kindOf).toHaveBeenCalledWith($('mail'));
    expect(calls).toEqual([]);
  });

  it('sends descriptions, never values', async () => {
    document.body.innerHTML = CARD_FORM;
    $('pan').value = '4111 1111 1111 1111';
    $('holder').value = 'CHAN TAI MAN';
    startFocusGuard(document, { signal: abort.signal, kindOf, prescan: bg.prescan, onChange: () => {} });
    await prescanSettled(bg);
    const wire = JSON.stringify(bg.batches);
    expect(wire).not.toContain('4111');
    expect(wire).not.toContain('CHAN TAI MAN');
  });
});
