// Step `find-entry`: a link, button or menu item that leads to deregistration / cancellation.
// The target is the most specific one: 取消登記 (deregistration) over 終止服務 (termination) over a
// generic "cancel" in an account menu; never a bare "Cancel" that closes a dialog or a form.
import type { PageSnapshot, SnapshotAction, StepSignal } from '../types';
import { signalOf, THRESHOLD, type Evidence } from './evidence';
import { isRequestShaped } from './page';
import { has, normalise, wordsOf } from './words';

function tierOf(a: SnapshotAction): number {
  if (has(a.text, 'common.deregistration')) return 3;
  if (has(a.text, 'common.termination')) return 2;
  // Generic "cancel" counts only as an account-menu link that says more than the word itself.
  if (a.kind === 'link' && a.inNav && has(a.text, 'find-entry.generic')) {
    const bare = normalise(a.text).replace(/[^\p{L}\p{N}]+/gu, '');
    if (!wordsOf('find-entry.generic').includes(bare)) return 1;
  }
  return 0;
}

export function scoreFindEntry(snap: PageSnapshot): Evidence | null {
  // The button that submits a cancellation request is the request itself, not the way to it.
  const requestSubmits = new Set(snap.forms.filter(isRequestShaped).flatMap((f) => f.submitTexts));
  let best: { ref: number; score: number } | null = null;
  for (const a of snap.actions) {
    if (!a.text || requestSubmits.has(a.text) || has(a.text, 'find-entry.negative')) continue;
    const tier = tierOf(a);
    if (tier === 0) continue;
    // Same wording: an entry in the page body beats the same entry in a menu.
    const score = tier * 2 + (a.inNav ? 0 : 1);
    if (!best || score > best.score) best = { ref: a.ref, score };
  }
  // A way on is never strong evidence by itself: any later step the page shows wins over it.
  return best ? { score: THRESHOLD + (best.score >= 6 ? 1 : 0), target: best.ref } : null;
}

export function detectFindEntry(snap: PageSnapshot): StepSignal | null {
  return signalOf('find-entry', scoreFindEntry(snap));
}
