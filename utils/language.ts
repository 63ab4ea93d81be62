// Which language the guide speaks: the user's choice first, then the page's, then the browser's.
// Adding a language: LANGUAGES (utils/types.ts), its own name in assets/i18n/languages.json, and its
// texts in the data files (assets/guide/*.json, assets/i18n/*.json, public/_locales/): no other code.
import languageNames from '../assets/i18n/languages.json';
import { LANGUAGES, type Language, type LocalText } from './types';

/** Maps a BCP 47 tag to one of the guide's languages, or null when it is none of them. */
export function languageFromTag(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  // A language of the list by its own tag, or its primary subtag with a region (`en-GB`).
  const listed = LANGUAGES.find((l) => t === l.toLowerCase() || t.startsWith(`${l.toLowerCase()}-`));
  if (listed && !listed.startsWith('zh')) return listed;
  if (!(t === 'zh' || t.startsWith('zh-'))) return null;
  // Hong Kong, Macau and Taiwan read Traditional script; a script subtag wins over the region.
  if (/(^|-)hant(-|$)/.test(t)) return 'zh-Hant';
  if (/(^|-)hans(-|$)/.test(t)) return 'zh-Hans';
  if (/(^|-)(hk|mo|tw)(-|$)/.test(t)) return 'zh-Hant';
  return 'zh-Hans';
}

/** Each language named in itself, so a reader finds their own whatever the current one is. */
export const LANGUAGE_NAMES: Record<Language, string> = languageNames;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function pickLanguage(choice: Language | null, pageLang: string | null, browserLang: string | null): Language {
  return choice ?? languageFromTag(pageLang) ?? languageFromTag(browserLang) ?? 'en';
}

/** The text in `lang`, falling back to English, then to any language that has one. */
export function localize(text: LocalText, lang: Language): string {
  return text[lang] || text.en || Object.values(text).find(Boolean) || '';
}
