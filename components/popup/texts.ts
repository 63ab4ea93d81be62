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
