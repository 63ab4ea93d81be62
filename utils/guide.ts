// The guide as data, typed: steps, checklist, cautions, and the sources every fact rests on.
// The JSON lives in assets/guide/ (validated by tests/unit/guide-data.test.ts); this module only
// reads it. A carrier-specific text is shown only when each of its sources exists, so a broken or
// missing citation falls back to the generic text and the carrier's hotline instead of an
// unsourced claim: sourcedOnly applies that rule once, for the background's pack and for extension
// pages alike, and the interface reads its result (utils/shown-carrier.ts).
import guideJson from '../assets/guide/guide.json';
import sourcesJson from '../assets/guide/sources.json';
import tiedJson from '../assets/guide/tied-accounts.json';
import { carrierById } from './carriers';
import { STEP_IDS, type Carrier, type CarrierId, type Guide, type Source, type TiedAccount } from './types';

/** guide.json, with the tied accounts from their own file (assets/guide/tied-accounts.json). */
export const GUIDE: Guide = { ...(guideJson as Omit<Guide, 'tied'>), tied: (tiedJson as { tied: TiedAccount[] }).tied };

export const SOURCES: readonly Source[] = (sourcesJson as { sources: Source[] }).sources;

const SOURCE_IDS: ReadonlySet<string> = new Set(SOURCES.map((s) => s.id));

/** True when the statement cites at least one source and every cited source exists. */
export function isSourced(sources: readonly string[] | undefined): boolean {
  return !!sources && sources.length > 0 && sources.every((id) => SOURCE_IDS.has(id));
}

/**
 * The carrier as the interface may show it: only the routes, step texts, notes and hotlines whose
 * sources all exist.
 */
export function sourcedOnly(carrier: Carrier): Carrier {
  const routes = carrier.routes
    .filter((r) => isSourced(r.sources))
    .map((r) => {
      const steps: typeof r.steps = {};
      for (const step of STEP_IDS) {
        const text = r.steps[step];
        if (text && isSourced(text.sources)) steps[step] = text;
      }
      return { ...r, steps };
    });
  return {
    ...carrier,
    routes,
    notes: carrier.notes.filter((n) => isSourced(n.sources)),
    hotlines: carrier.hotlines.filter((h) => isSourced(h.sources)),
  };
}

/** The carrier by id, as the interface may show it. */
export function shownCarrier(id: CarrierId): Carrier {
  return sourcedOnly(carrierById(id));
}
