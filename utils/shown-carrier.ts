// What the interface shows of a carrier, read from a carrier as utils/guide.ts's sourcedOnly returns
// it (every route, step text, note and hotline there rests on existing sources). The panel gets its
// carrier that way in the background's pack; extension pages call sourcedOnly themselves. So these
// helpers check nothing, and one source rule serves both.
import type { Carrier, LocalText, RouteId, StepId } from './types';

/** The carrier's routes, in the order the data offers them. */
export function carrierRoutes(carrier: Carrier): RouteId[] {
  return carrier.routes.map((r) => r.id);
}

/**
 * The carrier's own text for a step on a route, or null: null means "show the route's generic
 * text and the carrier's contact line".
 */
export function carrierStepText(carrier: Carrier, step: StepId, route: RouteId): LocalText | null {
  return carrier.routes.find((r) => r.id === route)?.steps[step]?.do ?? null;
}

export type PrimaryContact =
  | { kind: 'phone'; number: string; label: LocalText }
  | { kind: 'website'; url: string };

/**
 * How to reach a person at the carrier: its first hotline, else its official website. Null when
 * neither is known (the `other` carrier): the UI then points to the number on the card's
 * packaging or the carrier's own website.
 */
export function primaryContact(carrier: Carrier): PrimaryContact | null {
  const hotline = carrier.hotlines[0];
  if (hotline) return { kind: 'phone', number: hotline.number, label: hotline.label };
  if (carrier.website) return { kind: 'website', url: carrier.website };
  return null;
}
