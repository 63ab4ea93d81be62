// The panel's first text pack is asked for without a language: the background picks it from the
// page's and the browser's language tags (utils/language.ts), as the panel itself used to.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../utils/background/protocol';

describe('get-texts', () => {
  it('keeps a language the user chose', () => {
    expect(parseMessage({ type: 'get-texts', lang: 'zh-Hant', carrier: 'cmhk' })).toEqual({ type: 'get-texts', lang: 'zh-Hant', carrier: 'cmhk' });
  });
  it('picks the page language first, then the browser language, then English', () => {
    expect(parseMessage({ type: 'get-texts', pageLang: 'zh-HK', browserLang: 'en-GB', carrier: 'cmhk' })).toEqual({ type: 'get-texts', lang: 'zh-Hant', carrier: 'cmhk' });
    expect(parseMessage({ type: 'get-texts', pageLang: '', browserLang: 'zh-CN' })).toEqual({ type: 'get-texts', lang: 'zh-Hans' });
    expect(parseMessage({ type: 'get-texts', pageLang: 'fr', browserLang: 'de' })).toEqual({ type: 'get-texts', lang: 'en' });
    expect(parseMessage({ type: 'get-texts', pageLang: 42 })).toEqual({ type: 'get-texts', lang: 'en' });
  });
  it('refuses a language or carrier it does not know', () => {
    expect(parseMessage({ type: 'get-texts', lang: 'fr' })).toBeNull();
    expect(parseMessage({ type: 'get-texts', pageLang: 'en', carrier: 'nope' })).toBeNull();
  });
});
