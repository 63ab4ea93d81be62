// A control's kind as the guard gets it on focus, bound in one place for the unit tests and any
// single-bundle user: its description (read.ts) and its form's (the card context, MAX_FORM at
// most), classified as the background answers the guard's classify-field (remote.ts). The content
// scripts carry no classifier: they send the descriptions to the background.
import { classifyField, type FieldContext } from '../../fields/classify';
import { MAX_FORM } from '../../fields/limits';
import { describeField, scopeControls } from './read';
import { cardContextOf } from '../../fields/remote';
import type { FieldKind } from '../../types';

;
export { CONTROL_SELECTOR,  describeField,  scopeControls } from './read';

/** Whether `el`'s form (or nearest multi-control container) holds a card-number or card-code field. */
export function formContext(el: Element): FieldContext {
  return { cardContext: cardContextOf(scopeControls(el).slice(0, MAX_FORM).map(describeField)) };
}

/** describeField + formContext + classifyField: the kind of a control as the guard gets it on focus. */
export function classifyElement(el: Element): FieldKind | null {
  return classifyField(describeField(el), formContext(el));
}
