// The panel's texts in memory: one language's pack (utils/text-pack.ts), set by the panel's
// controller from the background's answer. Read through the other files of this folder, which
// stand in for utils/guide.ts, i18n.ts, field-texts.ts and carriers.ts (same exports) in the
// content scripts' build (scripts/content-script-build.mjs), so the components stay as they are.
// (A folder of its own, so WXT's auto-import scan of utils/ does not see the same names twice.)
import type { TextPack } from '../text-pack';
import type { Carrier, Guide } from '../types';

const EMPTY_GUIDE: Guide = { lastChecked: '', checklist: [], steps: [], cautions: [], ifItFails: [], cardNotes: [], routes: [], tied: [] };

/** The guide in the pack's language (empty until the first pack arrives). */
export let GUIDE: Guide = EMPTY_GUIDE;
export let UI: Record<string, string> = {};
/** The page's carrier, texts in the pack's language, only the sourced ones (utils/text-pack.ts). */
export let CARRIER: Carrier | null = null;

export function setTextPack(pack: TextPack): void {
  GUIDE = pack.guide;
  UI = pack.ui;
  if (pack.carrier) CARRIER = pack.carrier;
}

/** Checks the shape of a pack that came in a message (the background is ours, but a reply may be missing or cut short). */
export function isTextPack(value: unknown): value is TextPack {
  const p = value as Partial<TextPack> | null;
  return (
    !!p &&
    typeof p.lang === 'string' &&
    typeof p.ui === 'object' &&
    p.ui !== null &&
    !!p.guide &&
    Array.isArray(p.guide.steps) &&
    Array.isArray(p.guide.checklist)
  );
}
