// A step's state for the user (the test contract's data-step-state): `done` when they marked it or
// a later step of the same card has been reached (reaching `confirmed` makes every step done,
// `confirmed` included), else `current` on the page's step, else `todo`. One rule for the panel,
// the popup and the checklist page, so they never disagree. Pure.
import { STEP_IDS, type CardProgress, type StepId } from './types';

export type StepState = 'done' | 'current' | 'todo';

export function stepStates(card: CardProgress | null, current: StepId | null): Record<StepId, StepState> {
  const reached = [...(card?.stepsReached ?? []), current];
  const furthest = Math.max(...reached.map((s) => STEP_IDS.indexOf(s as StepId)));
  const all = reached.includes('confirmed');
  return Object.fromEntries(
    STEP_IDS.map((step, i) => [step, all || i < furthest || card?.stepsDone.includes(step) ? 'done' : step === current ? 'current' : 'todo']),
  ) as Record<StepId, StepState>;
}

/** How many of the five steps are done (the popup's and panel's "Steps done: n of 5"). */
export function stepsDoneCount(card: CardProgress | null, current: StepId | null): number {
  return Object.values(stepStates(card, current)).filter((s) => s === 'done').length;
}
