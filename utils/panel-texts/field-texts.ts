// utils/field-texts.ts as the panel's content script sees it: texts from the one-language pack
// (utils/panel-texts/store.ts; swapped in by scripts/content-script-build.mjs). `lang` is the pack's.
import { UI } from './store';
import type { FieldKind, Language, Severity } from '../types';

export function fieldText(key: string, _lang: Language): string {
  return UI[key] ?? key;
}

export function fieldMessageText(kind: FieldKind, severity: Severity, lang: Language) {
  return {
    title: fieldText(severity === 'warn' ? 'warningTitle' : 'noteTitle', lang),
    body: fieldText(`field-${kind}-${severity}`, lang),
    ackLabel: fieldText('acknowledge', lang),
  };
}
