// Step `sign-in`: a sign-in form, or a public page whose only way on is a sign-in link (a page
// asking to sign in, or a carrier's home page: the user is not signed in yet; that link is the
// target to highlight). Scored by evidence (evidence.ts): a sign-in form is strong evidence.
import type { PageSnapshot, SnapshotForm, StepSignal } from '../types';
import { signalOf, STRONG, THRESHOLD, type Evidence } from './evidence';
import { fieldText, hasCancelWords, hasPaymentForm, isPaymentForm, isRequestShaped, statusZone } from './page';
import { has } from './words';

/** A password field, or a phone/user field with a PIN or one-time-code field; not a create/change-password form. */
function isSignInForm(form: SnapshotForm): boolean {
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

/**
 * A site's home page: the root, a language root (/tc/, /en), or home / index. There, a public
 * visitor's only way on to their account is the sign-in link.
 */
const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2,4})?\/?)?(?:(?:home|index)(?:\.html?|\.aspx|\.jsp)?)?$/i;

export function scoreSignIn(snap: PageSnapshot): Evidence | null {
  // Where sign-in wording counts: the page's own title and headings, a form's own buttons.
  const heading = [snap.title, ...snap.headings].join(' | ');
  const headingSaysSignIn = has(heading, 'sign-in.action');
  for (const form of snap.forms) {
    if (isSignInForm(form) && (headingSaysSignIn || form.submitTexts.some((t) => has(t, 'sign-in.action')))) {
      return { score: STRONG };
    }
  }
  // A signed-in page (it offers to sign out) or a payment page is not waiting for a sign-in.
  if (snap.actions.some((a) => has(a.text, 'sign-in.signOut'))) return null;
  if (hasPaymentForm(snap)) return null;
  // A prompt to sign in at the top of the page, or a home page: either is evidence enough.
  const prompt = has(statusZone(snap), 'sign-in.prompt');
  const home = HOME_PATH.test(snap.path.split('#')[0] ?? '');
  if (!prompt && !home) return null;
  const links = snap.actions.filter((a) => has(a.text, 'sign-in.action'));
  const best = links.find((a) => !a.inNav) ?? links[0];
  return best ? { score: THRESHOLD + (prompt ? 1 : 0), target: best.ref } : null;
}

export function detectSignIn(snap: PageSnapshot): StepSignal | null {
  return signalOf('sign-in', scoreSignIn(snap));
}
