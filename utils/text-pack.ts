// The guide's texts in ONE language, for the panel's content script. The background builds the
// pack from the full data (assets/guide/guide.json, assets/i18n/panel.json and fields.json) and
// sends it on request ('get-texts'); the panel keeps only the active language in memory and its
// bundle carries no guide text at all (issue 6: content scripts ≤ 24 KiB gzip). Extension pages and
// tests read the full data directly (utils/i18n.ts, dataTexts). Both become a Texts value (utils/texts.ts).
import fieldTexts from '../assets/i18n/fields.json';
import panelTexts from '../assets/i18n/panel.json';
import { CARRIERS } from './carriers';
import { GUIDE, shownCarrier } from './guide';
import { localize } from './language';
import type { TextPack } from './texts';
import { LANGUAGES, type CarrierId, type Language, type LocalText } from './types';

function isLocalText(value: object): value is LocalText {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (LANGUAGES as readonly string[]).includes(k)) && Object.values(value).every((v) => typeof v === 'string');
}

/** A deep copy of `value` with every LocalText reduced to its text in `lang`. */
export function sliceTexts<T>(value: T, lang: Language): T {
  if (Array.isArray(value)) return value.map((v) => sliceTexts(v, lang)) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (isLocalText(value)) return { [lang]: localize(value, lang) } as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = sliceTexts(v, lang);
  return out as T;
}

export function buildTextPack(lang: Language, carrier?: CarrierId): TextPack {
  const ui: Record<string, string> = {};
  for (const table of [fieldTexts as Record<string, LocalText>, panelTexts as Record<string, LocalText>]) {
    for (const [key, text] of Object.entries(table)) ui[key] = localize(text, lang);
  }
  const pack: TextPack = { lang, guide: sliceTexts(GUIDE, lang), ui };
  if (carrier) {
    pack.carrier = sliceTexts(shownCarrier(carrier), lang);
    pack.officialHosts = CARRIERS.map(({ id, hosts, excludedHosts }) => ({ id, hosts, excludedHosts }));
  }
  return pack;
}
