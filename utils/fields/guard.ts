// The field guard as the top frame runs it: the focus guard (focus-guard.ts) with the classifier
// in place (describe.ts + classify.ts). Sub-frames use the focus guard with the background's answers.
import { classifyElement } from './describe';
import { startFocusGuard, type FieldGuard, type FieldGuardOptions } from './focus-guard';

export type { FieldGuard, FieldGuardState } from './focus-guard';
export type FieldGuardStartOptions = Omit<FieldGuardOptions, 'kindOf'> & Partial<Pick<FieldGuardOptions, 'kindOf'>>;

export function startFieldGuard(doc: Document, opts: FieldGuardStartOptions): FieldGuard {
  return startFocusGuard(doc, { kindOf: classifyElement, ...opts });
}
