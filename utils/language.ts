// Which language the guide speaks: the user's choice first, then the page's, then the browser's.
import { LANGUAGES, type Language } from './types';

/** Maps a BCP 47 tag to one of the guide's languages, or null when it is none of them. */
export function languageFromTag(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (!(t === 'zh' || t.startsWith('zh-'))) return null;
  // Hong Kong, Macau and Taiwan read Traditional script; a script subtag wins over the region.
  if (/(^|-)hant(-|$)/.test(t)) return 'zh-Hant';
  if (/(^|-)hans(-|$)/.test(t)) return 'zh-Hans';
  if (/(^|-)(hk|mo|tw)(-|$)/.test(t)) return 'zh-Hant';
  return 'zh-Hans';
}

/** Each language named in itself, so a reader finds their own whatever the current one is. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function pickLanguage(choice: Language | null, pageLang: string | null, browserLang: string | null): Language {
  return choice ?? languageFromTag(pageLang) ?? languageFromTag(browserLang) ?? 'en';
}
