// The popup's own interface texts (assets/i18n/popup.json), with {name} placeholders.
import popupTexts from '../../assets/i18n/popup.json';
import type { Language, LocalText } from '../../utils/types';
import { fillTemplate } from '../../utils/template';

export type PopupTextKey = keyof typeof popupTexts;

const TEXTS: Record<string, LocalText> = popupTexts;

export function pt(key: PopupTextKey, lang: Language, vars: Record<string, string | number> = {}): string {
  const text = TEXTS[key]?.[lang] ?? TEXTS[key]?.en ?? key;
  return fillTemplate(text, vars);
}

/** Each language named in itself, so a reader finds their own whatever the current one is. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };
