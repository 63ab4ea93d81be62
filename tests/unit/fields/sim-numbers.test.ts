// Issue 15 item 2: a SIM's own numbers (ICCID, IMEI, SIM serial) are never a card-* kind, by label
// or by value shape, whatever their check digit (the design's test contract); nor are
// gift, loyalty, points, prepaid and Octopus card numbers and PINs. A refund bank card number on a
// deregistration form still is a card number.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyElement } from '../../../utils/page/fields/describe';
import { startFocusGuard, type FieldGuardState } from '../../../utils/page/fields/focus-guard';

const ICCID = '8985200012345678905'; // 19 digits, starts 89, Luhn-valid
const ICCID_20 = '89852000123456789067';
const IMEI = '353456789012348'; // 15 digits, Luhn-valid
const CARD = '4111 1111 1111 1111';

/** A deregistration-style form: the field under test, a bank card field beside it (card context). */
function form(label: string, attrs: Record<string, string> = {}): HTMLInputElement {
  document.body.innerHTML = `<form>
    <label for="f">${label}</label><input id="f">
    <label for="refund">Refund bank card number</label><input id="refund" name="refundCardNo">
    <label for="cvv">CVV</label><input id="cvv" maxlength="3">
  </form>`;
  const el = document.getElementById('f') as HTMLInputElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

describe('SIM and store numbers are not bank cards, by label', () => {
  it.each([
    ['SIM card number (ICCID)', {}],
    ['ICCID', { name: 'iccid', maxlength: '20' }],
    ['SIM卡號碼 (ICCID)', {}],
    ['SIM卡号（ICCID）', {}],
    ['SIM 卡序號', {}],
    ['SIM serial number', { name: 'simSerial' }],
    ['Serial number on your SIM card', {}],
    ['IMEI', { name: 'imei', maxlength: '15' }],
    ['Device IMEI number', {}],
    ['手機IMEI號碼', {}],
    ['Prepaid card number', {}],
    ['Prepaid SIM card number', {}],
    ['儲值卡號碼', {}],
    ['Gift card number', {}],
    ['Gift card PIN', {}],
    ['Gift card security code', {}],
    ['Loyalty card number', {}],
    ['Rewards card number', {}],
    ['Points card number', {}],
    ['積分卡號碼', {}],
    ['八達通卡號碼', {}],
    ['Octopus card number', {}],
    ['Top-up card PIN', {}],
    ['充值卡密码', {}],
  ])('%s is no card-* kind', (label, attrs) => {
    const kind = classifyElement(form(label, attrs));
    expect(kind === 'card-number' || kind === 'card-cvc' || kind === 'card-expiry', String(kind)).toBe(false);
  });

  it.each([['Refund bank card number'], ['退款銀行卡號碼'], ['退款银行卡号'], ['Bank card number for the refund of the remaining balance']])(
    '%s on a deregistration form is still a card number',
    (label) => {
      document.body.innerHTML = `<form><label for="id">ID document number</label><input id="id"><label for="r">${label}</label><input id="r"><label><input type="checkbox"> I agree</label></form>`;
      expect(classifyElement(document.getElementById('r')!)).toBe('card-number');
    },
  );
});

describe('SIM numbers are not bank cards, by value', () => {
  let abort: AbortController;
  let last: FieldGuardState | null | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    abort = new AbortController();
    last = undefined;
  });
  afterEach(() => {
    abort.abort();
    vi.useRealTimers();
  });

  function typeInto(el: HTMLInputElement, value: string): void {
    startFocusGuard(document, { kindOf: classifyElement, signal: abort.signal, onChange: (s) => (last = s) });
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(300);
  }

  it.each([ICCID, ICCID_20, IMEI, `8985 2000 1234 5678 905`])('%s in a plain box is no card', (value) => {
    document.body.innerHTML = '<form><label for="n">Number</label><input id="n"><label for="r">Reason</label><textarea id="r"></textarea></form>';
    typeInto(document.getElementById('n') as HTMLInputElement, value);
    expect(last?.kind).toBeUndefined();
  });

  it('a Luhn-valid ICCID in a "SIM card number (ICCID)" field gets no card warning', () => {
    const el = form('SIM card number (ICCID)');
    typeInto(el, ICCID);
    expect(last?.kind).toBeUndefined();
  });

  it('a Luhn-valid IMEI in an IMEI field gets no card warning', () => {
    const el = form('IMEI', { name: 'imei' });
    typeInto(el, IMEI);
    expect(last?.kind).toBeUndefined();
  });

  it('an ICCID typed into a carrier\'s bare "card number" field drops the card warning; a bank card keeps it', () => {
    document.body.innerHTML = '<form><label for="c">Card number</label><input id="c"></form>';
    const el = document.getElementById('c') as HTMLInputElement;
    typeInto(el, ICCID);
    expect(last).toBeNull();
    el.value = CARD;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(300);
    expect(last?.kind).toBe('card-number');
  });

  it('a bank card typed into the ICCID field still warns', () => {
    const el = form('SIM card number (ICCID)');
    typeInto(el, CARD);
    expect(last).toMatchObject({ kind: 'card-number', source: 'value' });
  });
});
