// The texts a component shows, as one value: the guide and the interface texts in one language.
// Components receive it as a prop and import no text data. Content scripts build it from the
// background's one-language pack (textsFromPack: their bundles carry no guide text); extension
// pages from the full data (utils/i18n.ts, dataTexts). Either way the same components run.
import { fillTemplate } from './template';
import type { Carrier, Guide, Language } from './types';

type TextVars = Record<string, string | number>;

export interface Texts {
  readonly lang: Language;
  /** The guide; its LocalTexts hold at least `lang` (all languages on extension pages). */
  readonly guide: Guide;
  /** An interface or field-message text by key, its {name} placeholders filled; the key itself when unknown. */
  t(key: string, vars?: TextVars): string;
}

/** What the background sends a content script ('get-texts'; built by utils/text-pack.ts). */
export interface TextPack {
  lang: Language;
  /** The guide, every text reduced to `lang` (with the usual fallback to English). */
  guide: Guide;
  /** Interface and field-message texts by key, in `lang`. */
  ui: Record<string, string>;
  /** The page's carrier with its texts in `lang`, when asked for: only its sourced texts (utils/guide.ts, sourcedOnly). */
  carrier?: Carrier;
  /**
   * The panel's stylesheet (components/panel.css), which the background bundles and sends with the
   * texts: the panel's content script then carries none of it (about 3 KB gzip of the 24 KiB
   * budget). It still lands inside the closed shadow root as a <style>, never as a web-accessible
   * file (which sites the user enables would refuse).
   */
  css?: string;
  /**
   * The panel's keyboard shortcut as the browser has it now (utils/shortcut.ts): its keys, '' when
   * the user removed it, null when the browser has none (Firefox for Android). Sent to the panel only.
   */
  shortcut?: string | null;
}

export function textsFromPack(pack: TextPack): Texts {
  return { lang: pack.lang, guide: pack.guide, t: (key, vars = {}) => fillTemplate(pack.ui[key] ?? key, vars) };
}
