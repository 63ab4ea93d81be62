// Step `submit-request`: a form asking for an ID document, a reason or an agreement (a real-name
// deregistration request: 證件類別 / 證件號碼, the SIM's ICCID, a reason, "I agree", "Next"), on a
// page about deregistration / cancellation. Scored by evidence (evidence.ts): what the form asks
// for, and where the page says it is about cancelling (headings, the form's own words, the top of
// the page, the URL). Payment forms never count; a refund bank card does not make one.
import type { PageSnapshot, SnapshotForm, StepSignal } from '../types';
import { signalOf, type Evidence } from './evidence';
import { fieldText, hasCancelWords, pathWords, requestFields, STATUS_ZONE_CHARS } from './page';
import { has } from './words';

/** What the form asks for: an ID document counts most (a reason or an agreement alone asks little). */
function formScore(form: SnapshotForm): number {
  const r = requestFields(form);
  if (!r.id && !r.reason && !r.agreement) return 0;
  const typed = form.fields.filter((f) => f.type !== 'checkbox');
  const sim = typed.some((f) => has(fieldText(f), 'submit-request.simField'));
  return (r.id ? 2 : 0) + (r.reason ? 1 : 0) + (r.agreement ? 1 : 0) + (sim ? 1 : 0);
}

/** Where the page says what the form is for. */
function contextScore(snap: PageSnapshot, form: SnapshotForm): number {
  // Checkbox labels are left out on purpose: "I have read the cancellation policy" on a plan
  // order form says nothing about what the form does.
  const formText = [...form.submitTexts, ...form.fields.filter((f) => f.type !== 'checkbox').map((f) => f.label)];
  if (hasCancelWords([snap.title, ...snap.headings].join(' | ')) || formText.some(hasCancelWords)) return 3;
  let score = 0;
  // The lines above the form ("to cancel the registration of your SIM, fill in…"), without the
  // checkbox labels, and the URL.
  let top = snap.text.slice(0, STATUS_ZONE_CHARS);
  for (const f of snap.forms) for (const l of f.checkboxLabels) top = top.split(l).join(' | ');
  if (hasCancelWords(top)) score += 2;
  if (has(pathWords(snap.path), 'common.urlCancel')) score += 2;
  return score;
}

export function scoreSubmitRequest(snap: PageSnapshot): Evidence | null {
  let best: Evidence | null = null;
  for (const form of snap.forms) {
    const asks = formScore(form);
    if (asks === 0) continue;
    const about = contextScore(snap, form);
    if (about < 2) continue;
    const score = asks + about;
    if (!best || score > best.score) best = { score };
  }
  return best;
}

export function detectSubmitRequest(snap: PageSnapshot): StepSignal | null {
  return signalOf('submit-request', scoreSubmitRequest(snap));
}
