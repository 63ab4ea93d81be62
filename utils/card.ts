// A card's progress as the interface reads it. Apart from utils/progress.ts (which reads, checks
// and changes stored progress in the background) so the panel's content script carries only this.
import type { CardProgress, CarrierId, CarrierProgress, ProgressV1 } from './types';

export const DEFAULT_CARD = 'main';

export function defaultCard(label = ''): CardProgress {
  return { label, checklist: [], stepsDone: [], stepsReached: [], route: null, tiedDone: [], tiedSkipped: [], record: null };
}

export function defaultCarrier(): CarrierProgress {
  return { activeCard: DEFAULT_CARD, cards: { [DEFAULT_CARD]: defaultCard() } };
}

export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** The carrier's active card, or an empty default view when the carrier has no progress yet. */
export function cardOf(p: ProgressV1, carrier: CarrierId): CardProgress {
  const cp = p.carriers[carrier];
  if (cp && hasOwn(cp.cards, cp.activeCard)) return cp.cards[cp.activeCard] as CardProgress;
  return defaultCard();
}
