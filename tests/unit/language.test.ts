import { describe, expect, it } from 'vitest';
import { languageFromTag, pickLanguage } from '../../utils/language';

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
