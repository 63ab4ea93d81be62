// The texts of field warnings (assets/i18n/fields.json), from the full data: the background sends
// them to the guard with its answers (utils/fields/remote.ts) and to the panel in its pack.
import fieldTexts from '../assets/i18n/fields.json';
import type { Language, LocalText } from './types';

const TEXTS: Record<string, LocalText> = fieldTexts;

export function fieldText(key: string, lang: Language): string {
  const entry = TEXTS[key];
  return entry ? (entry[lang] ?? entry.en) : key;
}
