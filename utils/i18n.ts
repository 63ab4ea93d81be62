// Interface texts with {name} placeholders, from the full data (extension pages, the background,
// tests). Field messages live in their own file. Content scripts get theirs from the background's
// one-language pack instead (utils/texts.ts).
import panelTexts from '../assets/i18n/panel.json';
import { fieldText } from './field-texts';
import { GUIDE } from './guide';
import type { Language, LocalText } from './types';
import { fillTemplate } from './template';
import type { Texts } from './texts';

const TEXTS: Record<string, LocalText> = panelTexts;

export function t(key: string, lang: Language, vars: Record<string, string | number> = {}): string {
  const entry = TEXTS[key];
  const text = entry ? (entry[lang] ?? entry.en) : fieldText(key, lang);
  return fillTemplate(text, vars);
}

/** The full data's texts in `lang`, as the components take them (extension pages). */
export function dataTexts(lang: Language): Texts {
  return { lang, guide: GUIDE, t: (key, vars = {}) => t(key, lang, vars) };
}
