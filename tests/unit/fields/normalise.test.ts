// normaliseText's one pass must give exactly what the rules give (normaliseByRules is the
// definition): on the keyword lists, on real-shaped names and labels, and on random text mixing
// the characters each rule looks at.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fieldKeywords from '../../../assets/keywords/fields.json';
import { normaliseByRules, normaliseText } from '../../../utils/fields/normalise';

const KEYWORDS = Object.values(fieldKeywords.groups).flatMap((lists) => Object.values(lists).flat());
/** One of each kind of character a rule (or the one pass) treats apart. */
const PIECES = [
  'a', 'z', 'A', 'Z', 'Q', '0', '9', ' ', '  ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u001f',
  '_', '[', ']', '.', ':', ';', ',', '(', ')', '*', '|', '/', '-', '#', '（', '）', '【', '】', '「', '」', '：', '、', '。',
  'ＣＶＶ', '２', 'ｶ', 'İ', 'ß', 'Σ', 'K', '卡号', '카드', 'カード', '㍿', '①', '🙂', '\ud800', 'cardNo', 'HTMLParser', 'cvv2', '2fa',
];

describe('normaliseText', () => {
  it('matches the rules on every keyword and on real-shaped names and labels', () => {
    const samples = [
      ...KEYWORDS,
      'creditCardNumber2', 'checkout[card_no]', 'MM / YY', 'ＣＶＶ２', 'name12 f12', '信用卡號碼 Card number',
      'CVVCode', 'a / / b', ' / a / ', 'x_/_y', 'ABCdef', 'aBCd', 'CARD no.', '【卡号】', '「カード」番号', '',
    ];
    for (const s of samples) expect(normaliseText(s), JSON.stringify(s)).toBe(normaliseByRules(s));
  });

  it('matches the rules on random text', () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((p) => p.join('')),
      fc.string({ unit: 'grapheme', maxLength: 16 }),
      fc.string({ unit: 'binary', maxLength: 16 }),
    );
    fc.assert(fc.property(text, (s) => normaliseText(s) === normaliseByRules(s)), { numRuns: 20_000 });
  });
});
