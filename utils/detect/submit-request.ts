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

/** Where the page says what its forms are for: the headings (3), the lines above the forms, without
 * checkbox labels (2), and the URL (2). Read once per page, and only when a form asks for something. */
function pageContext(snap: PageSnapshot): number {
  if (hasCancelWords([snap.title, ...snap.headings].join(' | '))) return 3;
  let score = 0;
  let top = snap.text.slice(0, STATUS_ZONE_CHARS);
  for (const f of snap.forms) for (const l of f.checkboxLabels) if (l) top = top.split(l).join(' | ');
  if (hasCancelWords(top)) score += 2;
  if (has(pathWords(snap.path), 'common.urlCancel')) score += 2;
  return score;
}

/** The form's own words (its buttons and field labels) say cancel. Checkbox labels are left out on
 * purpose: "I have read the cancellation policy" on a plan order form says nothing about the form. */
function formSaysCancel(form: SnapshotForm): boolean {
  return form.submitTexts.some(hasCancelWords) || form.fields.some((f) => f.type !== 'checkbox' && hasCancelWords(f.label));
}

export function scoreSubmitRequest(snap: PageSnapshot): Evidence | null {
  let best: Evidence | null = null;
  let page: number | null = null;
  for (const form of snap.forms) {
    const asks = formScore(form);
    if (asks === 0) continue;
    const about = formSaysCancel(form) ? 3 : (page ??= pageContext(snap));
    if (about < 2) continue;
    const score = asks + about;
    if (!best || score > best.score) best = { score };
  }
  return best;
}

export function detectSubmitRequest(snap: PageSnapshot): StepSignal | null {
  return signalOf('submit-request', scoreSubmitRequest(snap));
}
