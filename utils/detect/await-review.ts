// Step `await-review`: the request is in: "submitted / processing / pending review / 審核中".
// Only at the top of the page (title, headings, first lines), only near cancellation wording, and
// never "processing fee".
import type { PageSnapshot, StepSignal } from '../types';
import { signalOf, STRONG, type Evidence } from './evidence';
import { isRequestShaped, NEAR_CHARS, statusZone } from './page';
import { has, mask, near } from './words';

export function scoreAwaitReview(snap: PageSnapshot): Evidence | null {
  // A page still asking for the request is not waiting for its review, unless the page announces
  // in its title or a heading that a request is in ("你的申請已提交，審核中" above a form for another
  // card). Prose around a request form ("your request will be processed within a day") is no status.
  if (snap.forms.some(isRequestShaped)) {
    const announced = mask([snap.title, ...snap.headings].join(' | '), 'await-review.negative');
    if (!has(announced, 'await-review.status')) return null;
  }
  const zone = mask(statusZone(snap), 'await-review.negative');
  if (near(zone, ['await-review.status'], ['common.deregistration', 'common.termination'], NEAR_CHARS)) {
    // Announced in the title or a heading: strong; in the first lines only: enough.
    const announced = has(mask([snap.title, ...snap.headings].join(' | '), 'await-review.negative'), 'await-review.status');
    return { score: announced ? STRONG + 1 : STRONG };
  }
  return null;
}

export function detectAwaitReview(snap: PageSnapshot): StepSignal | null {
  return signalOf('await-review', scoreAwaitReview(snap));
}
