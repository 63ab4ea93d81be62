// The texts of field warnings (assets/i18n/fields.json), for the panel and the frame guard alike.
import fieldTexts from '../assets/i18n/fields.json';
import type { FieldKind, Language, LocalText, Severity } from './types';

const TEXTS: Record<string, LocalText> = fieldTexts;

export function fieldText(key: string, lang: Language): string {
  const entry = TEXTS[key];
  return entry ? (entry[lang] ?? entry.en) : key;
}

/**
 * What the callout beside the field says: a short headline and the acknowledge button (issue 14).
 * The full explanation (`field-<kind>-<severity>`) is the panel's field message alone, so the same
 * warning is never on the page twice.
 */
export function calloutText(kind: FieldKind, severity: Severity, lang: Language) {
  return {
    title: fieldText(`callout-${kind}-${severity}`, lang),
    ackLabel: fieldText('acknowledge', lang),
  };
}
