// The background's side of the guard (issue 6): it classifies a field from its description and
// its form's (classify-field), or whole forms ahead of focus (classify-fields), and refuses
// malformed or oversized input.
import { describe, expect, it } from 'vitest';
import { classifyElement, describeField, scopeControls } from '../../../utils/page/fields/describe';
import {
  classifyBatch,
  classifyRequest,
  MAX_BATCH_FIELDS,
  MAX_BATCH_FORMS,
  MAX_FORM,
  MAX_TEXT,
  parseClassifyBatch,
  parseClassifyRequest,
  parseDescription,
} from '../../../utils/fields/remote';

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
  it('answers what classifyElement answers', () => {
    for (const html of [CARD_FORM, LOGIN_FORM]) {
      page(html);
      for (const el of Array.from(document.querySelectorAll('input, select'))) {
        const req = parseClassifyRequest({ field: describeField(el), form: scopeControls(el).map(describeField), pageLang: 'en' });
        expect(req).not.toBeNull();
        if (!req) continue;
        expect(classifyRequest({ ...req, lang: 'en' }).kind).toBe(classifyElement(el));
      }
    }
  });

  it('sends the warning texts of both severities in the asked language, and none for an ordinary field', () => {
    page(CARD_FORM);
    const card = document.getElementById('c') as Element;
    const answer = classifyRequest({ field: describeField(card), form: scopeControls(card).map(describeField), lang: 'zh-Hant' });
    expect(answer.kind).toBe('card-number');
    expect(answer.texts?.warn.title).toBeTruthy();
    // The callout's headline only (issue 14): the full text is the panel's field message.
    expect(answer.texts?.info.title).toBe('銀行卡號：只用於在這裡付款。');
    expect(answer.texts?.info.ackLabel).toBeTruthy();
    expect(answer.texts?.info).not.toHaveProperty('body');
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

  it('refuses a missing or non-text page language, a long form or a bad form entry', () => {
    expect(parseClassifyRequest({ field: good, form: [good] })).toBeNull();
    expect(parseClassifyRequest({ field: good, form: [good], pageLang: 42 })).toBeNull();
    expect(parseClassifyRequest({ field: good, form: Array(MAX_FORM + 1).fill(good), pageLang: 'en' })).toBeNull();
    expect(parseClassifyRequest({ field: good, form: [good, { tag: 'input' }], pageLang: 'en' })).toBeNull();
    expect(parseClassifyRequest({ field: good, form: 'x', pageLang: 'en' })).toBeNull();
  });

  it('keeps a page language as the page wrote it, cut to a tag length (the background reads only its shape)', () => {
    expect(parseClassifyRequest({ field: good, form: [good], pageLang: 'fr' })?.pageLang).toBe('fr');
    expect(parseClassifyRequest({ field: good, form: [good], pageLang: '' })?.pageLang).toBe('');
    expect(parseClassifyRequest({ field: good, form: [good], pageLang: 'z'.repeat(10_000) })?.pageLang).toHaveLength(64);
  });

  it('keeps only the known keys', () => {
    const parsed = parseDescription({ ...good, value: '4111111111111111' });
    expect(parsed).not.toBeNull();
    expect(Object.keys(parsed ?? {})).not.toContain('value');
  });
});

describe('classify-fields batches', () => {
  it('answers each control of each form as classify-field does for it', () => {
    for (const html of [CARD_FORM, LOGIN_FORM]) {
      page(html);
      const controls = Array.from(document.querySelectorAll('input, select'));
      const batch = parseClassifyBatch(structuredClone({ forms: [controls.map(describeField)] }));
      expect(batch).not.toBeNull();
      if (!batch) continue;
      expect(classifyBatch(batch).kinds).toEqual([controls.map((el) => classifyElement(el))]);
    }
  });

  it('takes each form’s card context from its own fields only', () => {
    page(CARD_FORM);
    const expiry = describeField(document.getElementById('x') as Element);
    const card = describeField(document.getElementById('c') as Element);
    expect(classifyBatch({ forms: [[card, expiry], [expiry]] }).kinds).toEqual([['card-number', 'card-expiry'], [null]]);
  });

  it('refuses malformed or oversized batches', () => {
    page(CARD_FORM);
    const good = describeField(document.getElementById('c') as Element);
    expect(parseClassifyBatch({ forms: [[good]] })).not.toBeNull();
    expect(parseClassifyBatch({})).toBeNull();
    expect(parseClassifyBatch({ forms: 'x' })).toBeNull();
    expect(parseClassifyBatch({ forms: [] })).toBeNull();
    expect(parseClassifyBatch({ forms: [[]] })).toBeNull();
    expect(parseClassifyBatch({ forms: [good] })).toBeNull();
    expect(parseClassifyBatch({ forms: [[good, null]] })).toBeNull();
    expect(parseClassifyBatch({ forms: [[{ ...good, label: 'x'.repeat(MAX_TEXT + 1) }]] })).toBeNull();
    expect(parseClassifyBatch({ forms: [Array(MAX_FORM + 1).fill(good)] })).toBeNull();
    expect(parseClassifyBatch({ forms: Array(MAX_BATCH_FORMS + 1).fill([good]) })).toBeNull();
    const full = Math.ceil((MAX_BATCH_FIELDS + 1) / MAX_FORM);
    expect(parseClassifyBatch({ forms: Array(full).fill(Array(MAX_FORM).fill(good)) })).toBeNull();
    expect(parseClassifyBatch({ forms: Array(MAX_BATCH_FIELDS / MAX_FORM).fill(Array(MAX_FORM).fill(good)) })).not.toBeNull();
  });

  it('keeps only the known keys (a value sent by mistake goes no further)', () => {
    page(CARD_FORM);
    const good = describeField(document.getElementById('c') as Element);
    const batch = parseClassifyBatch({ forms: [[{ ...good, value: '4111111111111111' }]] });
    expect(Object.keys(batch?.forms[0]?.[0] ?? {})).not.toContain('value');
  });
});
