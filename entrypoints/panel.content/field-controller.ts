// The panel's side of the field guard. The guard script (entrypoints/guard.content.ts, in every
// frame) watches focus; in the top frame it borrows from the panel, through the scripts' shared
// isolated world (utils/top-frame-bridge.ts), the step-aware severity with the warning's texts,
// and the shadow root the callout is drawn in (the background classifies). The panel shows the one field
// message (data-field-kind); frames report their fields through the background.
import type { PanelState } from '../../components/panel-state';
import type { Store } from '../../components/store';
import { fieldSeverity } from '../../utils/fields/severity';
import { calloutText } from '../../utils/field-texts';
import { guardSide, offerPanel } from '../../utils/top-frame-bridge';
import type { FieldKind, Severity } from '../../utils/types';

interface Options {
  host: Element;
  root: ShadowRoot;
  store: Store<PanelState>;
  signal: AbortSignal;
}

export function startFieldController({ host, root, store, signal }: Options) {
  let focused: FieldKind | null = null;
  let fromFrame: { kind: FieldKind; severity: Severity } | null = null;

  const severityOf = (kind: FieldKind): Severity => {
    const s = store.get();
    return fieldSeverity(kind, { trust: s.trust, step: s.step, verificationPage: s.step === 'sign-in' });
  };

  offerPanel({
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
      return { severity, ...calloutText(kind, severity, store.get().lang) };
    },
    calloutRoot: root,
    // Focus moving into our own panel or callout is not the user leaving the field.
    isOwnUi: (el) => el === host,
    signal,
  });

  // The language or the step may change while a field has focus: keep the message in step.
  let last = { lang: store.get().lang, step: store.get().step };
  store.subscribe((s) => {
    if (s.lang === last.lang && s.step === last.step) return;
    last = { lang: s.lang, step: s.step };
    if (focused) guardSide()?.refresh();
  });

  return {
    /** document.open() dropped the guard's listeners: the guard starts afresh. */
    reattach: () => guardSide()?.reattach(),
    fromFrame(kind: FieldKind | null, severity: Severity | null) {
      fromFrame = kind && severity ? { kind, severity } : null;
      if (!focused) store.set({ field: fromFrame });
    },
  };
}
