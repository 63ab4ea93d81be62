// The background's side of the sub-frame guard (issue 6): it classifies a frame's field from its
// description and its form's, exactly as the top frame does in place, and refuses malformed input.
import { describe, expect, it } from 'vitest';
import { classifyElement, describeField, scopeControls } from '../../../utils/fields/describe';
import { classifyRequest, MAX_FORM, MAX_TEXT, parseClassifyRequest, parseDescription } from '../../../utils/fields/remote';

function page(html: string): void {
  document.body.innerHTML = html;
}

const CARD_FORM = `<form>
  <label for="n">Name on card</label><input id="n" name="holder">
  <label for="c">Card number</label><input id="c" name="pan" type="tel">
  <label for="x">Expiry</label><select id="x" name="m">${Array.from({ length: 12 }, (_, i) => `<option>${i + 1}</option>`).join('')}</select>
  <label for="v">驗證碼</label><input id="v" name="code" maxlength="3">
  <label for="e">E-mail</label><input id="e" name="email" type="email">
</form>`;

const LOGIN_FORM = `<form><label for="u">Mobile number</label><input id="u" name="msisdn" type="tel">
  <label for="p">Customer password</label><input id="p" type="password"><label for="o">SMS code</label><input id="o" name="otp"></form>`;

describe('classifyRequest', () => {
  it('answers what classifyElement answers in place', () => {
    for (const html of [CARD_FORM, LOGIN_FORM]) {
      page(html);
      for (const el of Array.from(document.querySelectorAll('input, select'))) {
        const req = parseClassifyRequest({ field: describeField(el), form: scopeControls(el).map(describeField), lang: 'en' });
        expect(req).not.toBeNull();
        if (!req) continue;
        expect(classifyRequest(req).kind).toBe(classifyElement(el));
      }
    }
  });

  it('sends the warning texts of both severities in the asked language, and none for an ordinary field', () => {
    page(CARD_FORM);
    const card = document.getElementById('c') as Element;
    const answer = classifyRequest({ field: describeField(card), form: scopeControls(card).map(describeField), lang: 'zh-Hant' });
    expect(answer.kind).toBe('card-number');
    expect(answer.texts?.warn.title).toBeTruthy();
    expect(answer.texts?.info.body).toBeTruthy();
    const email = document.getElementById('e') as Element;
    expect(classifyRequest({ field: describeField(email), form: [], lang: 'en' })).toEqual({ kind: null, texts: null });
  });
});

describe('parseClassifyRequest', () => {
  page(CARD_FORM);
  const good = describeField(document.getElementById('c') as Element);

  it('refuses what is not a description', () => {
    expect(parseDescription(null)).toBeNull();
    expect(parseDescription([])).toBeNull();
    expect(parseDescription({ ...good, label: 42 })).toBeNull();
    expect(parseDescription({ ...good, label: 'x'.repeat(MAX_TEXT + 1) })).toBeNull();
    expect(parseDescription({ ...good, options: Array(17).fill('1') })).toBeNull();
    expect(parseDescription({ ...good, maxLength: -1 })).toBeNull();
    expect(parseDescription({ ...good, imageNearby: 'yes' })).toBeNull();
  });

  it('refuses an unknown language, a long form or a bad form entry', () => {
    expect(parseClassifyRequest({ field: good, form: [good], lang: 'fr' })).toBeNull();
    expect(parseClassifyRequest({ field: good, form: Array(MAX_FORM + 1).fill(good), lang: 'en' })).toBeNull();
    expect(parseClassifyRequest({ field: good, form: [good, { tag: 'input' }], lang: 'en' })).toBeNull();
    expect(parseClassifyRequest({ field: good, form: 'x', lang: 'en' })).toBeNull();
  });

  it('keeps only the known keys', () => {
    const parsed = parseDescription({ ...good, value: '4111111111111111' });
    expect(parsed).not.toBeNull();
    expect(Object.keys(parsed ?? {})).not.toContain('value');
  });
});
