// The element classifier (element-classifier.ts) bound to the classifier (classify.ts): what the
// background's tests, the unit tests and any single-bundle user call. In the top frame the guard
// and the panel bind the same two across their scripts instead (utils/top-frame-bridge.ts).
import { classifyField } from './classify';
import { elementClassifier } from './element-classifier';

export type { FieldDescription } from './classify';
export { CONTROL_SELECTOR, contextScope, describeField, editingHost, scopeControls } from './read';

const bound = elementClassifier(classifyField);

/** describeField + formContext + classifyField: the kind of a control as the guard sees it on focus. */
export const classifyElement = bound.classify;
/** Whether `el`'s form (or nearest multi-control container) holds a card-number or card-code field. */
export const formContext = bound.formContext;
