// The messages between the extension's parts. Values typed by the user never appear here:
// field messages carry a category, never what was typed.
import type { ProbeSignals } from './lookalike';
import type { PersonalMark } from './mark';
import type { FieldDescription } from './fields/classify';
import type { CarrierId, FieldKind, Language, PageSnapshot, ProgressV1, RequestRecord, RouteId, Settings, Severity, SiteTrust, StepId } from './types';

/** A change to progress; only the background applies it (utils/progress.ts, applyAction). */
export type ProgressAction =
  | { kind: 'toggle-check'; carrier: CarrierId; item: string }
  | { kind: 'mark-step'; carrier: CarrierId; step: StepId; done: boolean }
  | { kind: 'reach-step'; carrier: CarrierId; step: StepId }
  // Issue 13: the route this card ends by, tied accounts moved or dismissed, the user's record of the request.
  | { kind: 'set-route'; carrier: CarrierId; route: RouteId }
  | { kind: 'tied'; carrier: CarrierId; item: string; state: 'done' | 'skipped' | 'todo' }
  | { kind: 'record'; carrier: CarrierId; record: RequestRecord | null }
  | { kind: 'reset'; carrier: CarrierId }
  | { kind: 'add-card'; carrier: CarrierId; label: string }
  | { kind: 'select-card'; carrier: CarrierId; card: string }
  | { kind: 'remove-card'; carrier: CarrierId; card: string }
  | { kind: 'settings'; patch: Partial<Settings> };

/** Why stored progress could not be used as it was (shown to the user as a notice). */
export type StorageNotice = 'reset-corrupt' | 'reset-unknown-version' | 'reset-oversized' | 'storage-unavailable' | 'dropped-unknown';

export interface ProgressState {
  progress: ProgressV1;
  notice: StorageNotice | null;
}

/** What the panel reports about its tab, so the background can set the toolbar icon and judge frames' fields. */
export interface PageState {
  carrier: CarrierId;
  trust: SiteTrust;
  step: StepId | null;
}

export type ToBackground =
  // tabId: only from the popup, acting for a tab (a private window's progress stays in memory).
  | { type: 'get-progress'; tabId?: number }
  | { type: 'update-progress'; action: ProgressAction; tabId?: number }
  | { type: 'page-state'; state: PageState }
  | { type: 'field-focus'; kind: FieldKind | null }
  // The guard: classify this control (descriptions are page text, never a typed value; see
  // utils/fields/remote.ts). Answered with the kind and the warning texts in the user's language
  // (their choice, else the frame's page language `pageLang`, a raw lang attribute, else the browser's).
  | { type: 'classify-field'; field: FieldDescription; form: FieldDescription[]; pageLang: string }
  // The top frame's guard, ahead of focus: whole forms (each its own card context), answered with
  // each control's kind ({ kinds }, in the same order). Limits: utils/fields/limits.ts.
  | { type: 'classify-fields'; forms: FieldDescription[][] }
  | { type: 'detect-step'; snapshot: PageSnapshot; carrier: CarrierId }
  // The panel: the guide's texts in one language (utils/text-pack.ts); its bundle carries none.
  // Without `lang` (the panel's first pack), the background picks it from the page's and the browser's
  // language tags (utils/language.ts), so the content script carries no language matching.
  | { type: 'get-texts'; lang?: Language; pageLang?: string; browserLang?: string; carrier?: CarrierId }
  | { type: 'panel-command'; tabId: number; command: 'open' | 'collapse' }
  | { type: 'get-tab-state'; tabId: number }
  | { type: 'open-checklist'; carrier: CarrierId; lang: Language }
  // The panel's content script in a top frame that is not official: may it run here, and as what?
  // The background answers from the sender's URL (enabled sites) and its own look-alike verdict.
  | { type: 'get-site' }
  // The look-alike probe's report (booleans only), from a tab's top frame.
  | { type: 'probe'; signals: ProbeSignals }
  // The popup: sites the user enables or removes, and the look-alike warning (each after its permission request).
  | { type: 'enable-site'; origin: string; carrier: CarrierId }
  | { type: 'disable-site'; origin: string }
  | { type: 'set-lookalike'; on: boolean }
  // The panel: this page keeps hiding or covering it (issue 16); the toolbar icon and popup say so.
  | { type: 'page-fight' }
  // The user's personal mark (utils/mark.ts): the panel and the popup read it, only the popup sets it.
  | { type: 'get-mark' }
  | { type: 'set-mark'; mark: PersonalMark | null }
  // The panel's "Settings" and the popup's "Read the full guide" (issue 14): the background opens our page.
  | { type: 'open-page'; page: 'options' | 'welcome' };

/**
 * The background's answer to a ToBackground message, as it crosses the wire: the value (its type
 * per message: ReplyOf in utils/background/protocol.ts), or why there is none. `unreachable` is
 * the sender's own: no background answered (utils/send.ts).
 */
export type Reply<T> = { ok: true; value: T } | Failure;
export interface Failure {
  ok: false;
  error: 'rejected' | 'invalid' | 'unreachable';
}

export type ToContent =
  | { type: 'progress'; state: ProgressState }
  | { type: 'frame-field'; kind: FieldKind | null; severity: Severity | null }
  | { type: 'panel-command'; command: 'open' | 'collapse' | 'focus' }
  | { type: 'third-party-frame' };
