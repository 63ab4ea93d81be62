// utils/i18n.ts as the panel's content script sees it: texts from the one-language pack
// (utils/panel-texts/store.ts; swapped in by scripts/content-script-build.mjs). `lang` is the pack's.
import { UI } from './store';
import type { Language } from '../types';
import { fillTemplate } from '../template';

export function t(key: string, _lang: Language, vars: Record<string, string | number> = {}): string {
  const text = UI[key] ?? key;
  return fillTemplate(text, vars);
}
