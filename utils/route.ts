// Which route a card is on, and what a step says on it. Pure, and the same for the panel (the
// one-language pack's guide) and extension pages (the full guide): both pass theirs in.
import { carrierStepText } from './shown-carrier';
import type { CardProgress, Carrier, Guide, GuideStep, LocalText, RouteId, StepId } from './types';

/** The card's route: the one the user chose, if this carrier has it, else the carrier's default. */
export function routeOf(carrier: Carrier, card: CardProgress | null): RouteId {
  const chosen = card?.route;
  return chosen && carrier.routes.some((r) => r.id === chosen) ? chosen : carrier.defaultRoute;
}

export interface StepText {
  title: LocalText;
  do: LocalText;
  /** The text is the carrier's own (else the UI adds the carrier's contact line). */
  specific: boolean;
}

/**
 * What `step` means on `route` at `carrier` (a shown carrier: utils/shown-carrier.ts): the
 * carrier's text, else the route's, else the step's own (the online route).
 */
export function stepText(guide: Guide, carrier: Carrier, step: GuideStep, route: RouteId): StepText {
  const generic = guide.routes.find((r) => r.id === route)?.steps[step.id as StepId];
  const specific = carrierStepText(carrier, step.id, route);
  return { title: generic?.title ?? step.title, do: specific ?? generic?.do ?? step.do, specific: !!specific };
}
