// Step `submit-request`: a form asking for an ID number, a reason or an agreement, on a page (or
// with a button) about deregistration / cancellation. Payment forms never count.
import type { PageSnapshot, StepSignal } from '../types';
import { hasCancelWords, requestFields } from './page';

export function detectSubmitRequest(snap: PageSnapshot): StepSignal | null {
  // Checkbox labels are left out of the context on purpose: "I have read the cancellation
  // policy" on a plan order form says nothing about what the form does.
  const pageContext = hasCancelWords([snap.title, ...snap.headings].join(' | '));
  for (const form of snap.forms) {
    const r = requestFields(form);
    if (!r.id && !r.reason && !r.agreement) continue;
    const formText = [...form.submitTexts, ...form.fields.filter((f) => f.type !== 'checkbox').map((f) => f.label)];
    if (pageContext || formText.some(hasCancelWords)) return { step: 'submit-request' };
  }
  return null;
}
