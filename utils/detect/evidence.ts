// Step detection by evidence (issue 15): each detector scores what it sees (the form's fields and
// their labels, headings, buttons, the URL, the result wording) instead of firing on a first match.
// A step is found when its score reaches THRESHOLD; it is well supported from STRONG on. The page
// gets the furthest of its well-supported steps, else the furthest of the others (the
// furthest-step rule holds between steps of the same support: real ties).
import type { StepSignal } from '../types';

/** Least score for a step to be found at all. */
export const THRESHOLD = 4;
/** Score from which a step is well supported (beats any weaker step, whatever their order). */
export const STRONG = 6;

export interface Evidence {
  score: number;
  /** An element to highlight (a link or button), by snapshot ref. */
  target?: number;
}

/** The detector's answer from its evidence: the step when the score reaches the threshold. */
export function signalOf(step: StepSignal['step'], e: Evidence | null): StepSignal | null {
  if (!e || e.score < THRESHOLD) return null;
  return e.target === undefined ? { step } : { step, target: e.target };
}
