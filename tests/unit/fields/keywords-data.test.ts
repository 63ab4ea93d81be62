// assets/keywords/fields.json is data under test: sorted, round-trip stable, well formed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FILE = join(__dirname, '../../../assets/keywords/fields.json');
// Issue 15 added the other languages of Chromium's autofill keyword lists.
const LANGS = ['attr', 'de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'sv', 'tr', 'zh-Hans', 'zh-Hant'];

describe('assets/keywords/fields.json', () => {
  const text = readFileSync(FILE, 'utf8');
  const data = JSON.parse(text) as { groups: Record<string, Record<string, string[]>> };

  it('is round-trip stable', () => {
    expect(JSON.stringify(JSON.parse(text), null, 2) + '\n').toBe(text);
  });

  it('has sorted groups, languages and lists without duplicates or empty entries', () => {
    const groups = Object.keys(data.groups);
    expect(groups).toEqual([...groups].sort());
    for (const [group, lists] of Object.entries(data.groups)) {
      expect(Object.keys(lists), group).toEqual(LANGS);
      for (const [lang, list] of Object.entries(lists)) {
        expect(list, `${group}.${lang}`).toEqual([...new Set(list)].sort());
        for (const entry of list) {
          expect(entry.trim(), `${group}.${lang}`).toBe(entry);
          expect(entry.length).toBeGreaterThan(0);
          expect(entry, 'lower case').toBe(entry.toLowerCase());
        }
      }
    }
  });

  it('names the captcha, date-of-birth, gift-card, quantity, postcode, search, coupon and referral negatives', () => {
    const all = (g: string) => Object.values(data.groups[g] ?? {}).flat();
    expect(all('captcha')).toEqual(expect.arrayContaining(['图形验证码', '圖形驗證碼', '驗證碼圖片', 'captcha*']));
    expect(all('date-of-birth')).toEqual(expect.arrayContaining(['date of birth', '出生', '生年月日', '생년월일']));
    expect(all('not-sensitive')).toEqual(expect.arrayContaining(['gift card*', 'quantity', 'postcode', 'search', 'coupon*', 'promo*', 'referral*', '礼品卡', '禮品卡']));
  });
});
