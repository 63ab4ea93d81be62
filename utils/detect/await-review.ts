// Step `await-review`: the request is in: "submitted / processing / pending review / 審核中".
// Only at the top of the page (title, headings, first lines), only near cancellation wording, and
// never "processing fee".
import type { PageSnapshot, StepSignal } from '../types';
import { isRequestShaped, NEAR_CHARS, statusZone } from './page';
import { mask, near } from './words';

export function detectAwaitReview(snap: PageSnapshot): StepSignal | null {
  // A page still asking for the request is not waiting for its review.
  if (snap.forms.some(isRequestShaped)) return null;
  const zone = mask(statusZone(snap), 'await-review.negative');
  if (near(zone, ['await-review.status'], ['common.deregistration', 'common.termination'], NEAR_CHARS)) {
    return { step: 'await-review' };
  }
  return null;
}
