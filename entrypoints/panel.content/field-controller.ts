// The top frame's side of the field guard: classify on focus, show the callout beside the field
// and the one field message in the panel. Frames report their fields through the background.
import { renderCallout } from '../../components/callout';
import type { PanelState } from '../../components/panel-state';
import type { Store } from '../../components/store';
import { startFieldGuard } from '../../utils/fields/guard';
import { fieldSeverity } from '../../utils/fields/severity';
import { fieldMessageText } from '../../utils/field-texts';
import type { FieldKind, Severity } from '../../utils/types';

interface Options {
  doc: Document;
  host: Element;
  root: ShadowRoot;
  store: Store<PanelState>;
  signal: AbortSignal;
}

export function startFieldController({ doc, host, root, store, signal }: Options) {
  // Acknowledged fields, for this page view only: never stored.
  const acknowledged = new WeakSet<Element>();
  let focused: { element: Element; kind: FieldKind } | null = null;
  let fromFrame: { kind: FieldKind; severity: Severity } | null = null;

  const severityOf = (kind: FieldKind): Severity => {
    const s = store.get();
    return fieldSeverity(kind, { trust: s.trust, step: s.step, verificationPage: s.step === 'sign-in' });
  };

  const show = () => {
    if (focused) {
      const severity = severityOf(focused.kind);
      store.set({ field: { kind: focused.kind, severity } });
      const element = focused.element;
      if (acknowledged.has(element)) {
        renderCallout(root, element, null);
        return;
      }
      renderCallout(root, element, {
        kind: focused.kind,
        severity,
        ...fieldMessageText(focused.kind, severity, store.get().lang),
        onAck() {
          acknowledged.add(element);
          renderCallout(root, element, null);
        },
      });
      // For the benchmark (bench/run.mjs): focus → warning on screen. A mark carries no data.
      performance.mark('sxg:callout-rendered');
    } else {
      renderCallout(root, doc.documentElement, null);
      store.set({ field: fromFrame });
    }
  };

  let guardLifetime: AbortController | null = null;
  const attach = () => {
    guardLifetime?.abort();
    guardLifetime = new AbortController();
    const stop = guardLifetime;
    signal.addEventListener('abort', () => stop.abort(), { once: true });
    startFieldGuard(doc, {
      signal: stop.signal,
      // Focus moving into our own panel or callout is not the user leaving the field.
      isOwnUi: (el) => el === host,
      prescan: true,
      onChange(state) {
        focused = state ? { element: state.element, kind: state.kind } : null;
        show();
      },
    });
  };
  attach();

  // The language or the step may change while a field has focus: keep the message in step.
  let last = { lang: store.get().lang, step: store.get().step };
  store.subscribe((s) => {
    if (s.lang === last.lang && s.step === last.step) return;
    last = { lang: s.lang, step: s.step };
    if (focused) show();
  });

  return {
    reattach: attach,
    fromFrame(kind: FieldKind | null, severity: Severity | null) {
      fromFrame = kind && severity ? { kind, severity } : null;
      if (!focused) show();
    },
  };
}
