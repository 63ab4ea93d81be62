import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES, languageFromTag, pickLanguage } from '../../utils/language';
import { LANGUAGES } from '../../utils/types';

describe('languageFromTag', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh-HK', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['ZH-hk', 'zh-Hant'],
    ['fr', null],
    ['', null],
    [null, null],
  ])('%s → %s', (tag, lang) => {
    expect(languageFromTag(tag)).toBe(lang);
  });
});

describe('pickLanguage', () => {
  it('prefers the user choice, then the page, then the browser, then English', () => {
    expect(pickLanguage('en', 'zh-HK', 'zh-CN')).toBe('en');
    expect(pickLanguage(null, 'zh-HK', 'en')).toBe('zh-Hant');
    expect(pickLanguage(null, 'fr', 'zh-CN')).toBe('zh-Hans');
    expect(pickLanguage(null, '', 'de')).toBe('en');
  });
});

describe('the language list', () => {
  it('names every language in itself, from the data (assets/i18n/languages.json)', () => {
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.values(LANGUAGE_NAMES).every((name) => name.trim().length > 0)).toBe(true);
  });
});
