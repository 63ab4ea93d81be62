// utils/guide.ts as the panel's content script sees it: the same functions over the one-language
// pack in utils/panel-texts/store.ts instead of the full data (swapped in by scripts/content-script-build.mjs).
import type { Carrier, Caution, Language, LocalText, RouteId, Source, StepId } from '../types';

export { GUIDE } from './store';
export type { PrimaryContact } from '../guide';
import type { PrimaryContact } from '../guide';

/** Source records are not shipped to the panel. */
export const SOURCES: readonly Source[] = [];

/** The text in `lang`; a pack holds one language, and carrier texts all three. */
export function localize(text: LocalText, lang: Language): string {
  return text[lang] || text.en || Object.values(text).find(Boolean) || '';
}

// The pack's carrier holds only its sourced texts (the background checked them: utils/text-pack.ts),
// and the carriers without a pack hold no texts: what is there is shown.

export function isSourced(sources: readonly string[] | undefined): boolean {
  return !!sources && sources.length > 0;
}

export function carrierRoutes(carrier: Carrier): RouteId[] {
  return carrier.routes.map((r) => r.id);
}

export function carrierStepText(carrier: Carrier, step: StepId, route: RouteId): LocalText | null {
  return carrier.routes.find((r) => r.id === route)?.steps[step]?.do ?? null;
}

export function carrierNotes(carrier: Carrier): Caution[] {
  return carrier.notes;
}

export function primaryContact(carrier: Carrier): PrimaryContact | null {
  const hotline = carrier.hotlines[0];
  if (hotline) return { kind: 'phone', number: hotline.number, label: hotline.label };
  if (carrier.website) return { kind: 'website', url: carrier.website };
  return null;
}

