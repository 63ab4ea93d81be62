// The guide as data, typed: steps, checklist, cautions, and the sources every fact rests on.
// The JSON lives in assets/guide/ (validated by tests/unit/guide-data.test.ts); this module only
// reads it. A carrier-specific text is shown only when each of its sources exists, so a broken or
// missing citation falls back to the generic text and the carrier's hotline instead of an
// unsourced claim.
import guideJson from '../assets/guide/guide.json';
import sourcesJson from '../assets/guide/sources.json';
import tiedJson from '../assets/guide/tied-accounts.json';
import type { Carrier, Caution, Guide, Language, LocalText, RouteId, Source, StepId, TiedAccount } from './types';

/** guide.json, with the tied accounts from their own file (assets/guide/tied-accounts.json). */
export const GUIDE: Guide = { ...(guideJson as Omit<Guide, 'tied'>), tied: (tiedJson as { tied: TiedAccount[] }).tied };

export const SOURCES: readonly Source[] = (sourcesJson as { sources: Source[] }).sources;

const SOURCE_IDS: ReadonlySet<string> = new Set(SOURCES.map((s) => s.id));

/** The text in `lang`, falling back to English, then to any language that has one. */
export function localize(text: LocalText, lang: Language): string {
  return text[lang] || text.en || Object.values(text).find(Boolean) || '';
}

/** True when the statement cites at least one source and every cited source exists. */
export function isSourced(sources: readonly string[] | undefined): boolean {
  return !!sources && sources.length > 0 && sources.every((id) => SOURCE_IDS.has(id));
}

/** The routes that exist at this carrier (each sourced), in the order the data offers them. */
export function carrierRoutes(carrier: Carrier): RouteId[] {
  return carrier.routes.filter((r) => isSourced(r.sources)).map((r) => r.id);
}

/**
 * The carrier's own text for a step on a route, or null: null means "show the route's generic
 * text and the carrier's contact line".
 */
export function carrierStepText(carrier: Carrier, step: StepId, route: RouteId): LocalText | null {
  const specific = carrier.routes.find((r) => r.id === route)?.steps[step];
  return specific && isSourced(specific.sources) ? specific.do : null;
}

/** The carrier's notes that rest on existing sources. */
export function carrierNotes(carrier: Carrier): Caution[] {
  return carrier.notes.filter((n) => isSourced(n.sources));
}

export type PrimaryContact =
  | { kind: 'phone'; number: string; label: LocalText }
  | { kind: 'website'; url: string };

/**
 * How to reach a person at the carrier: its first sourced hotline, else its official website.
 * Null when neither is known (the `other` carrier): the UI then points to the number on the card's
 * packaging or the carrier's own website.
 */
export function primaryContact(carrier: Carrier): PrimaryContact | null {
  const hotline = carrier.hotlines.find((h) => isSourced(h.sources));
  if (hotline) return { kind: 'phone', number: hotline.number, label: hotline.label };
  if (carrier.website) return { kind: 'website', url: carrier.website };
  return null;
}

