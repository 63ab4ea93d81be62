// The panel's side of the seam with the field guard (utils/page/top-frame-seam.ts). The guard
// script (entrypoints/guard.ts, in every frame) watches focus; in the top frame it borrows
// from the panel the step-aware severity with the warning's texts, and the shadow root the callout
// is drawn in (the background classifies). The panel shows the one field message
// (data-field-kind); frames report their fields through the background.
import { calloutText } from '../../utils/fields/callout-text';
import { fieldSeverity } from '../../utils/fields/severity';
import { offerPanel } from '../../utils/page/top-frame-seam';
import type { FieldKind, Severity } from '../../utils/types';
import type { PanelRun } from './panel-run';

export function startFieldController({ store, mounted, lifetime }: PanelRun) {
  let focused: FieldKind | null = null;
  let fromFrame: { kind: FieldKind; severity: Severity } | null = null;

  const severityOf = (kind: FieldKind): Severity => {
    const s = store.get();
    return fieldSeverity(kind, { trust: s.trust, step: s.step, verificationPage: s.step === 'sign-in' });
  };

  const seam = offerPanel({
    fieldChanged(kind) {
      focused = kind;
      if (!kind) {
        store.set({ field: fromFrame });
        return null;
      }
      // Field warnings turned off in settings (issue 14): no message, no callout.
      if (store.get().progress?.settings.fieldWarnings === false) {
        store.set({ field: null });
        return null;
      }
      const severity = severityOf(kind);
      store.set({ field: { kind, severity } });
      const { texts, mark } = store.get();
      return { severity, ...calloutText(kind, severity, texts.t), mark };
    },
    calloutRoot: mounted.root,
    // Focus moving into our own panel or callout is not the user leaving the field.
    isOwnUi: (el) => el === mounted.host,
    signal: lifetime.signal,
  });

  // The language or the step may change while a field has focus: keep the message in step.
  let last = { texts: store.get().texts, step: store.get().step };
  store.subscribe((s) => {
    if (s.texts === last.texts && s.step === last.step) return;
    last = { texts: s.texts, step: s.step };
    if (focused) seam.guard()?.refresh();
  });

  return {
    /** document.open() dropped the guard's listeners: the guard starts afresh. */
    reattach: () => seam.guard()?.reattach(),
    fromFrame(kind: FieldKind | null, severity: Severity | null) {
      fromFrame = kind && severity ? { kind, severity } : null;
      if (!focused) store.set({ field: fromFrame });
    },
  };
}
