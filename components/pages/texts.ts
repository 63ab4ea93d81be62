// The welcome, settings and popup pages' own texts (assets/i18n/pages.json), with {name} placeholders.
import pagesTexts from '../../assets/i18n/pages.json';
import { fillTemplate } from '../../utils/template';
import type { Language, LocalText } from '../../utils/types';

export type PageTextKey = keyof typeof pagesTexts;

const TEXTS: Record<string, LocalText> = pagesTexts;

export function pg(key: PageTextKey, lang: Language, vars: Record<string, string | number> = {}): string {
  return fillTemplate(TEXTS[key]?.[lang] ?? TEXTS[key]?.en ?? key, vars);
}
