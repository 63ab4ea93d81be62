// Interface texts with {name} placeholders. Field messages live in their own file so the small
// guard script that runs in every frame carries only those.
import panelTexts from '../assets/i18n/panel.json';
import { fieldText } from './field-texts';
import type { Language, LocalText } from './types';
import { fillTemplate } from './template';

const TEXTS: Record<string, LocalText> = panelTexts;

export function t(key: string, lang: Language, vars: Record<string, string | number> = {}): string {
  const entry = TEXTS[key];
  const text = entry ? (entry[lang] ?? entry.en) : fieldText(key, lang);
  return fillTemplate(text, vars);
}
