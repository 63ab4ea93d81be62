// Step `sign-in`: a sign-in form, or a public page whose only way on is a sign-in link (the user is
// not signed in yet; that link is the target to highlight).
import type { PageSnapshot, SnapshotForm, StepSignal } from '../types';
import { fieldText, hasCancelWords, hasPaymentForm, isPaymentForm, isRequestShaped, statusZone } from './page';
import { has } from './words';

/** A password field, or a phone/user field with a PIN or one-time-code field; not a create/change-password form. */
export function isSignInForm(form: SnapshotForm): boolean {
  if (isPaymentForm(form)) return false;
  if (form.fields.some((f) => has(fieldText(f), 'sign-in.negative'))) return false;
  // A cancellation request may ask for the customer password: it is still the request.
  if (isRequestShaped(form) && form.submitTexts.some(hasCancelWords)) return false;
  const typed = form.fields.filter((f) => f.type !== 'checkbox' && f.type !== 'radio');
  if (typed.some((f) => f.type === 'password' || f.autocomplete.split(/\s+/).includes('current-password'))) return true;
  const secret = typed.some((f) => f.autocomplete.includes('one-time-code') || has(fieldText(f), 'sign-in.secretField'));
  const user = typed.some((f) => has(fieldText(f), 'sign-in.phoneField'));
  return secret && user;
}

export function detectSignIn(snap: PageSnapshot): StepSignal | null {
  // Where sign-in wording counts: the page's own title and headings, a form's own buttons.
  const heading = [snap.title, ...snap.headings].join(' | ');
  const headingSaysSignIn = has(heading, 'sign-in.action');
  for (const form of snap.forms) {
    if (isSignInForm(form) && (headingSaysSignIn || form.submitTexts.some((t) => has(t, 'sign-in.action')))) {
      return { step: 'sign-in' };
    }
  }
  // A signed-in page (it offers to sign out) or a payment page is not waiting for a sign-in.
  if (snap.actions.some((a) => has(a.text, 'sign-in.signOut'))) return null;
  if (hasPaymentForm(snap)) return null;
  if (!has(statusZone(snap), 'sign-in.prompt')) return null;
  const links = snap.actions.filter((a) => has(a.text, 'sign-in.action'));
  const best = links.find((a) => !a.inNav) ?? links[0];
  return best ? { step: 'sign-in', target: best.ref } : null;
}
