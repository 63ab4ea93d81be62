// Limits of the field messages (classify-field, classify-fields), shared by the guard, which keeps
// to them, and the background, which refuses anything beyond them (utils/fields/remote.ts). No
// other import: the guard's bundle carries these numbers only.

/** Most controls of one form (one card context) in a message. */
export const MAX_FORM = 200;
/** Most forms in one classify-fields batch. */
export const MAX_BATCH_FORMS = 500;
/** Most descriptions in one classify-fields batch, all forms together. */
export const MAX_BATCH_FIELDS = 1000;
