// The texts of field warnings (assets/i18n/fields.json), for the panel and the frame guard alike.
import fieldTexts from '../assets/i18n/fields.json';
import type { FieldKind, Language, LocalText, Severity } from './types';

const TEXTS: Record<string, LocalText> = fieldTexts;

export function fieldText(key: string, lang: Language): string {
  const entry = TEXTS[key];
  return entry ? (entry[lang] ?? entry.en) : key;
}

export function fieldMessageText(kind: FieldKind, severity: Severity, lang: Language) {
  return {
    title: fieldText(severity === 'warn' ? 'warningTitle' : 'noteTitle', lang),
    body: fieldText(`field-${kind}-${severity}`, lang),
    ackLabel: fieldText('acknowledge', lang),
  };
}
