// The content scripts' twin of utils/fields/field-keywords.ts (same exports, swapped in by
// scripts/content-script-build.mjs): the classifier's keyword lists come from the background in
// one message when the panel starts ('get-field-keywords'), not in the bundle that loads on every
// carrier page. The panel sets them before it lends its classifier to the guard.
import type { FieldKeywordGroups } from '../fields/field-keywords';

export type { FieldKeywordGroups } from '../fields/field-keywords';

let groups: FieldKeywordGroups | null = null;

export function setFieldKeywordGroups(value: FieldKeywordGroups): void {
  groups = value;
}

/** Whether the lists have arrived: the classifier is not used before they have. */
export function hasFieldKeywordGroups(): boolean {
  return groups !== null;
}

export function fieldKeywordGroups(): FieldKeywordGroups {
  return groups ?? {};
}

/** Checks the shape of the lists that came in a message: group → language → strings. */
export function isFieldKeywordGroups(value: unknown): value is FieldKeywordGroups {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (langs) =>
      typeof langs === 'object' &&
      langs !== null &&
      !Array.isArray(langs) &&
      Object.values(langs).every((list) => Array.isArray(list) && list.every((w) => typeof w === 'string')),
  );
}
