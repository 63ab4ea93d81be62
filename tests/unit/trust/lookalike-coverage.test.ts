// Issue 16, item 5: look-alike coverage. Brand words normalised like hosts (compatibility forms,
// confusable letters, invisible characters, spacing), the carrier's other names and numbers in
// hosts, one-edit typos of short brands, and pages that imitate a carrier by what they ask for.
import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../../utils/carriers';
import { analyseHost, BRANDS, judgeLookalike, oneEditAway, type ProbeSignals } from '../../../utils/lookalike';
import { brandsInText, skeleton } from '../../../utils/lookalike-fold';

describe('brand words, normalised', () => {
  it.each([
    ['中國 移動 · 取消服務', 'cmhk'],
    ['中\u200B國\u200D移\uFEFF動', 'cmhk'],
    ['ＣＭＨＫ 客戶服務', 'cmhk'],
    ['C M H K', 'cmhk'],
    ['c.m.h.k account', 'cmhk'],
    ['Chinа Mоbile Hong Kong', 'cmhk'], // Cyrillic а and о
    ['ⅭⅯⅤⅩ', null], // Roman numerals fold to letters but name no carrier
    ['中国移动香港', 'cmhk'],
    ['鴨聊佳 取消登記', 'cmhk'],
    ['中國移動CMHK', 'cmhk'],
    ['ｓｍａｒｔｏｎｅ', 'smartone'],
    ['Smar\u00ADTone', 'smartone'],
    ['數 碼 通', 'smartone'],
    ['中國聯通（香港）', 'cuniq'],
    ['1O1O Rewards', 'csl'],
    ['csl. members', 'csl'],
    ['physics lab', null],
    ['Buy three apples', null],
    ['Three HK', 'three'],
    ['Welcome to our shop', null],
  ])('%s → %s', (text, carrier) => {
    const found = brandsInText(text);
    if (carrier) expect(found).toContain(carrier);
    else expect(found).toEqual([]);
  });

  it('skeleton folds full-width, confusables, invisible characters and digits alike', () => {
    expect(skeleton('ＣＭＨＫ')).toBe(skeleton('cmhk'));
    expect(skeleton('chinamоbile')).toBe(skeleton('chinamobile'));
    expect(skeleton('smart0ne')).toBe(skeleton('smartone'));
    expect(skeleton('c\u200Bm\u2060h\u00ADk')).toBe(skeleton('cmhk'));
  });

  it('brand words and hosts come from the carrier data', () => {
    for (const c of CARRIERS.filter((x) => x.id !== 'other')) {
      expect(c.brand, c.id).toBeDefined();
      expect(BRANDS.some((b) => b.carrier === c.id)).toBe(true);
      // Every official host's brand is known: its registrable name is one of the host words.
      for (const word of c.brand!.pageWords) expect(brandsInText(`— ${word} —`), `${c.id}: ${word}`).toContain(c.id);
    }
  });
});

// host → carrier, strong (alone enough)
const HOSTS: [string, string | null, boolean][] = [
  ['cmcc-hk.com', 'cmhk', false],
  ['10086-hk.com', 'cmhk', false],
  ['csl-hk.com', 'csl', true],
  ['mycsl.com', 'csl', false],
  ['rnr-hk.com', 'cmhk', true],
  ['rnrhk.net', 'cmhk', true],
  ['simreg-hk.com', 'cmhk', true],
  ['chinaunicom-hk.com', 'cuniq', false],
  ['cmhq-hk.com', 'cmhk', true], // a short brand one letter off, beside hk
  ['cmkh.example', 'cmhk', false], // swapped letters: weak
  ['www.cnhk.example', 'cmhk', false],
  // Not look-alikes.
  ['csl.example', 'csl', false], // weak word alone: needs a page sign
  ['rnr.example', 'cmhk', false],
  ['www.cmc.example', null, false],
  ['www.physics-lab.example', null, false],
];

describe('look-alike hosts: other names, numbers and short typos', () => {
  it.each(HOSTS)('%s → %s (strong %s)', (host, carrier, strong) => {
    const a = analyseHost(host);
    expect(a.carrier).toBe(carrier);
    if (carrier) expect(a.strong).toBe(strong);
  });

  it.each([
    ['https://cmcc-hk.com/cancel', 'cmhk'],
    ['https://10086-hk.com/', 'cmhk'],
    ['https://csl-hk.com/', 'csl'],
    ['https://mycsl.com/', 'csl'],
    ['https://rnr-hk.com/', 'cmhk'],
    ['https://simreg-hk.com/', 'cmhk'],
    ['https://chinaunicom-hk.com/', 'cuniq'],
    ['https://cmhq-hk.com/', 'cmhk'],
  ])('%s is judged a look-alike from its host alone', (url, carrier) => {
    expect(judgeLookalike(url, null)?.carrier).toBe(carrier);
  });

  it('a short typo alone needs the page to name the carrier', () => {
    const none: ProbeSignals = { passwordField: true, cardField: false, brands: [], signInWords: true, lureWords: false };
    expect(judgeLookalike('https://cmkh.example/', none)).toBeNull();
    expect(judgeLookalike('https://cmkh.example/', { ...none, brands: ['cmhk'] })?.carrier).toBe('cmhk');
  });

  it('one edit away', () => {
    expect(oneEditAway('cmhq', 'cmhk')).toBe(true);
    expect(oneEditAway('cmkh', 'cmhk')).toBe(true);
    expect(oneEditAway('cmhkk', 'cmhk')).toBe(true);
    expect(oneEditAway('cmhk', 'cmhk')).toBe(false);
    expect(oneEditAway('abcd', 'cmhk')).toBe(false);
  });
});

describe('pages that imitate a carrier by what they ask for', () => {
  const blank: ProbeSignals = { passwordField: false, cardField: false, brands: [], signInWords: false, lureWords: false };
  it.each([
    ['brand + card field, no sign-in words', { ...blank, cardField: true, text: '中國移動 取消服務 確認' }, 'cmhk'],
    ['brand + ID field', { ...blank, idField: true, text: 'ＣＭＨＫ 取消登記' }, 'cmhk'],
    ['brand + one-time code', { ...blank, otpField: true, text: 'Smar\u200BTone verification' }, 'smartone'],
    ['brand in look-alike letters + card', { ...blank, cardField: true, text: 'Chinа Mоbile' }, 'cmhk'],
    ['card field without a brand', { ...blank, cardField: true, text: 'Checkout' }, null],
    ['brand without asking', { ...blank, text: '中國移動 新聞' }, null],
    ['sign-in words in the text + password', { ...blank, passwordField: true, text: '中國移動 登入' }, 'cmhk'],
  ])('%s', (_, signals, carrier) => {
    expect(judgeLookalike('https://cancel-service.example/', signals as ProbeSignals)?.carrier ?? null).toBe(carrier);
  });

  it('blob: and data: documents are judged by the page (and a blob: by its creator host)', () => {
    const blank2: ProbeSignals = { ...blank, cardField: true, text: '中國移動' };
    expect(judgeLookalike('blob:https://news.example/4f1c', blank2)?.carrier).toBe('cmhk');
    expect(judgeLookalike('blob:https://www.hk-chinamobile.com/4f1c', null)?.carrier).toBe('cmhk');
    expect(judgeLookalike('data:text/html,<h1>x</h1>', blank2)?.carrier).toBe('cmhk');
    expect(judgeLookalike('data:text/html,<h1>x</h1>', { ...blank, text: 'hello' })).toBeNull();
    // An official host's own blob: is not ours to judge.
    expect(judgeLookalike('blob:https://www.hk.chinamobile.com/4f1c', blank2)).toBeNull();
  });
});
