// The guide's texts in ONE language, for the panel's content script. The background builds the
// pack from the full data (assets/guide/guide.json, assets/i18n/panel.json and fields.json) and
// sends it on request ('get-texts'); the panel keeps only the active language in memory and its
// bundle carries no guide text at all (issue 6: content scripts ≤ 24 KiB gzip). Extension pages and
// tests read the full data directly (utils/guide.ts, utils/i18n.ts, utils/field-texts.ts).
import fieldTexts from '../assets/i18n/fields.json';
import panelTexts from '../assets/i18n/panel.json';
import { carrierById } from './carriers';
import { carrierNotes, carrierRoutes, carrierStepText, GUIDE, isSourced, localize } from './guide';
import { LANGUAGES, STEP_IDS, type Carrier, type CarrierId, type Guide, type Language, type LocalText } from './types';

export interface TextPack {
  lang: Language;
  /** The guide, every text reduced to `lang` (with the usual fallback to English). */
  guide: Guide;
  /** Interface and field-message texts by key, in `lang`. */
  ui: Record<string, string>;
  /** The page's carrier with its texts in `lang`, when asked for: only its sourced texts (see sourcedOnly). */
  carrier?: Carrier;
  /**
   * The panel's stylesheet (components/panel.css), which the background bundles and sends with the
   * texts: the panel's content script then carries none of it (about 3 KB gzip of the 24 KiB
   * budget). It still lands inside the closed shadow root as a <style>, never as a web-accessible
   * file (which sites the user enables would refuse).
   */
  css?: string;
}

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

/**
 * The carrier with only its step texts, notes and hotlines whose sources all exist (utils/guide.ts
 * decides, as it does for extension pages): the panel shows the pack's carrier as it comes and
 * needs neither the source ids nor the check.
 */
export function sourcedOnly(carrier: Carrier): Carrier {
  const routes = carrier.routes
    .filter((r) => carrierRoutes(carrier).includes(r.id))
    .map((r) => {
      const steps: typeof r.steps = {};
      for (const step of STEP_IDS) if (carrierStepText(carrier, step, r.id)) steps[step] = r.steps[step];
      return { ...r, steps };
    });
  return { ...carrier, routes, notes: carrierNotes(carrier), hotlines: carrier.hotlines.filter((h) => isSourced(h.sources)) };
}

export function buildTextPack(lang: Language, carrier?: CarrierId): TextPack {
  const ui: Record<string, string> = {};
  for (const table of [fieldTexts as Record<string, LocalText>, panelTexts as Record<string, LocalText>]) {
    for (const [key, text] of Object.entries(table)) ui[key] = localize(text, lang);
  }
  const pack: TextPack = { lang, guide: sliceTexts(GUIDE, lang), ui };
  if (carrier) pack.carrier = sliceTexts(sourcedOnly(carrierById(carrier)), lang);
  return pack;
}
