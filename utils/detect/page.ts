// Page-level helpers shared by the step detectors: where statuses are read, and what a field or
// a form is about. Pure functions over a PageSnapshot.
import type { PageSnapshot, SnapshotField, SnapshotForm } from '../types';
import { has } from './words';

/** How much of the main text counts as the page's "status area" (the top, where a result is announced). */
export const STATUS_ZONE_CHARS = 800;
/** How close (in characters) a status must be to the words saying what it is about. */
export const NEAR_CHARS = 120;

/**
 * Title, main headings and the top of the main text: where a page announces what it is.
 * Prose further down (FAQs, terms) does not decide a status.
 */
export function statusZone(snap: PageSnapshot): string {
  return [snap.title, ...snap.headings, snap.text.slice(0, STATUS_ZONE_CHARS)].join(' | ');
}

/** Splits `idNumber`, `id_no`, `cc-number` into words so attribute names match like labels. */
function attrWords(s: string): string {
  return s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.[\]]+/g, ' ');
}

const fieldTexts = new WeakMap<SnapshotField, string>();

/** Everything that describes a field: label, name, id, autocomplete and type. (Kept per snapshot field: every detector asks.) */
export function fieldText(f: SnapshotField): string {
  let text = fieldTexts.get(f);
  if (text === undefined) {
    text = [f.label, attrWords(f.name), attrWords(f.id), attrWords(f.autocomplete), f.type].join(' | ');
    fieldTexts.set(f, text);
  }
  return text;
}

function isIdField(f: SnapshotField): boolean {
  return f.type !== 'checkbox' && has(fieldText(f), 'submit-request.idField');
}

function isPaymentField(f: SnapshotField): boolean {
  // A bank card for a refund ("refund bank card number" on a deregistration request) pays nothing.
  if (has(f.label, 'common.refund') || has(attrWords(f.name), 'common.refund')) return false;
  // Nor does a SIM's own number ("SIM卡號碼 (ICCID)" holds 卡號碼).
  if (has(fieldText(f), 'submit-request.simField')) return false;
  if (f.autocomplete.startsWith('cc-')) return true;
  // An identity document is never a payment card: "Hong Kong Identity Card number" and "HKID card
  // number" hold "card number" but ask for an ID.
  return !isIdField(f) && has(fieldText(f), 'common.paymentField');
}

/** A top-up, bill or shop form: it pays for something, it never cancels anything. */
export function isPaymentForm(form: SnapshotForm): boolean {
  return form.fields.some(isPaymentField) || form.submitTexts.some((t) => has(t, 'common.paymentSubmit'));
}

export function hasPaymentForm(snap: PageSnapshot): boolean {
  return snap.forms.some(isPaymentForm);
}

/** Deregistration or termination wording. */
export function hasCancelWords(text: string): boolean {
  return has(text, 'common.deregistration', 'common.termination');
}

/** What a cancellation request form asks for, if anything (ID number, reason, agreement). */
export function requestFields(form: SnapshotForm): { id: boolean; reason: boolean; agreement: boolean } {
  if (isPaymentForm(form)) return { id: false, reason: false, agreement: false };
  const typed = form.fields.filter((f) => f.type !== 'checkbox');
  return {
    id: typed.some((f) => isIdField(f) || has(fieldText(f), 'submit-request.docTypeField')),
    reason: typed.some((f) => has(fieldText(f), 'submit-request.reasonField')),
    agreement: form.checkboxLabels.some((l) => has(l, 'submit-request.agreement')),
  };
}

/** The path's words ("/prepaid/cancel-rnr" → "prepaid cancel rnr"), for URL evidence. */
export function pathWords(path: string): string {
  return attrWords(path.replace(/[/#]+/g, ' '));
}

export function isRequestShaped(form: SnapshotForm): boolean {
  const r = requestFields(form);
  return r.id || r.reason || r.agreement;
}
