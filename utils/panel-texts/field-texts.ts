// utils/field-texts.ts as the panel's content script sees it: texts from the one-language pack
// (utils/panel-texts/store.ts; swapped in by scripts/content-script-build.mjs). `lang` is the pack's.
import { UI } from './store';
import type { FieldKind, Language, Severity } from '../types';

export function fieldText(key: string, _lang: Language): string {
  return UI[key] ?? key;
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
