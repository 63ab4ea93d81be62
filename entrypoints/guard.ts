// The field guard, in every frame of an official page (payment forms live in iframes).
// No Preact, no keyword lists, no texts: it must stay tiny (8 KiB gzip budget, issue 6). It reads
// the focused control's description (page text, never a value) and reports a category, never a
// value. The background classifies: a sub-frame asks it on focus for the kind and the warning's
// texts; the top frame sends it every control's description ahead of focus (in short slices) and
// borrows the panel's texts, severity and shadow root (utils/page/top-frame-seam.ts).
import { browser } from '../utils/page/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CALLOUT_CSS, renderCallout } from '../components/callout';
import { HOST_ATTRIBUTE } from '../components/mount-host';
import { startFocusGuard, type FieldGuard, type FieldGuardState, type Prescanner } from '../utils/page/fields/focus-guard';
import { MAX_FORM } from '../utils/fields/limits';
import { describeField, scopeControls, type FieldDescription } from '../utils/page/fields/read';
import type { ClassifyAnswer } from '../utils/fields/remote';
import { createSend } from '../utils/send';
import { awaitPanel, type FieldWarning, type GuardSide, type PanelSide } from '../utils/page/top-frame-seam';
import type { FieldKind } from '../utils/types';
import { benchMark } from '../utils/page/bench-mark';

function addCalloutCss(root: ShadowRoot): void {
  const style = document.createElement('style');
  style.textContent = CALLOUT_CSS;
  root.append(style);
}

/** A sub-frame's own host for its callout (the panel lives in the top frame only). */
function frameCalloutRoot(): ShadowRoot {
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, 'frame');
  host.style.cssText = 'all:initial!important;position:fixed!important;top:0!important;left:0!important;z-index:2147483647!important';
  const root = host.attachShadow({ mode: 'closed' });
  addCalloutCss(root);
  document.documentElement.append(host);
  return root;
}

/**
 * Shows the callout for the focused control, or removes it (nothing to say, or acknowledged). The
 * warning brings the user's personal mark (issue 16): the panel's in the top frame, the
 * background's answer in a frame. The guard touches no extension storage, so no frame pays for
 * the storage API on load.
 */
function drawCallout(root: ShadowRoot, state: FieldGuardState | null, warning: FieldWarning | null | undefined, acknowledged: WeakSet<Element>): void {
  if (!state || !warning || acknowledged.has(state.element)) {
    renderCallout(root, document.documentElement, null);
    return;
  }
  const element = state.element;
  renderCallout(root, element, {
    kind: state.kind,
    ...warning,
    onAck() {
      acknowledged.add(element);
      renderCallout(root, element, null);
    },
  });
  // For the benchmark (bench/run.mjs): focus → warning on screen. A mark carries no data.
  benchMark('sxg:callout-rendered');
}

type OpenShadow = { openOrClosedShadowRoot?(el: Element): ShadowRoot | null };
const dom = (globalThis as { chrome?: { dom?: OpenShadow } }).chrome?.dom;

/** The page's own closed shadow root of `host` (Chrome: chrome.dom; Firefox: the element's own property). */
function shadowRootOf(host: Element): ShadowRoot | null {
  try {
    return dom?.openOrClosedShadowRoot ? dom.openOrClosedShadowRoot(host) : ((host as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null);
  } catch {
    return null;
  }
}

const send = createSend(browser.runtime);

/** The extension was reloaded or removed: this script's messages go nowhere any more. */
const orphaned = (): boolean => !browser.runtime?.id;

/**
 * Asks the background to classify one control (its form's controls give the card context). The
 * background picks the texts' language; the page's lang attribute is one of its hints.
 */
async function askOne(el: Element): Promise<ClassifyAnswer | null> {
  const form = scopeControls(el).slice(0, MAX_FORM);
  const pageLang = document.documentElement.getAttribute('lang') ?? '';
  const reply = await send({ type: 'classify-field', field: describeField(el), form: form.map(describeField), pageLang });
  return reply.ok ? reply.value : null;
}

/**
 * The guard's kindOf when a control's kind is asked for on focus, one control at a time (the top
 * frame's fallback before its batch answers; sub-frames' only way): undefined until the answer is
 * in, then `refresh` tells the guard. No answer (the background unreachable) counts as ordinary.
 */
function askOnFocus(lifetime: AbortController, refresh: (el: Element) => void) {
  const answers = new WeakMap<Element, ClassifyAnswer>();
  const asked = new WeakSet<Element>();
  return {
    answers,
    kindOf(el: Element): FieldKind | null | undefined {
      const answer = answers.get(el);
      if (answer) return answer.kind;
      if (!asked.has(el)) {
        asked.add(el);
        void askOne(el).then((reply) => {
          if (!reply && orphaned()) lifetime.abort(); // the extension was reloaded: stop quietly
          answers.set(el, reply ?? { kind: null, texts: null });
          refresh(el);
        });
      }
      return undefined;
    },
  };
}

/**
 * Ahead-of-focus classification by the background, for the top frame: each slice's forms go in
 * one classify-fields message (serialised in the slice), and the kinds come back in order.
 */
function backgroundPrescan(stop: AbortController): Prescanner {
  let forms: FieldDescription[][] = [];
  return {
    add(form) {
      forms.push(form.map(describeField));
    },
    send(done) {
      const batch = forms;
      forms = [];
      void send({ type: 'classify-fields', forms: batch }).then((reply) => {
        if (!reply.ok && orphaned()) stop.abort();
        done(reply.ok ? reply.value.kinds.flat() : null);
      });
    },
  };
}

/** The top frame: the background classifies (ahead of focus), the panel gives texts and its shadow root. */
function guardTopFrame(panel: PanelSide): GuardSide {
  // Acknowledged fields, for this page view only: never stored.
  const acknowledged = new WeakSet<Element>();
  const root = panel.calloutRoot;
  // The callout's styles go into the panel's root when it first has something to say, not on load
  // (issue 12: appending them showed as 1 to 3 ms of the page's main thread in the load profile).
  let styled = false;
  const show = (state: FieldGuardState | null): void => {
    const warning = panel.fieldChanged(state?.kind ?? null);
    if (warning && !styled) {
      styled = true;
      addCalloutCss(root);
    }
    drawCallout(root, state, warning, acknowledged);
  };
  let run: AbortController | null = null;
  let guard: FieldGuard | null = null;
  const start = (): void => {
    // A fresh guard after document.open(): the rewritten page's controls are scanned again.
    run?.abort();
    const stop = new AbortController();
    run = stop;
    panel.signal.addEventListener('abort', () => stop.abort(), { once: true });
    // A focus before the batch's answer: this control alone (the panel says the texts).
    const { kindOf } = askOnFocus(stop, (el) => guard?.refresh(el));
    guard = startFocusGuard(document, { signal: stop.signal, kindOf, isOwnUi: panel.isOwnUi, shadowRootOf, prescan: backgroundPrescan(stop), onChange: show });
  };
  start();
  return { reattach: start, refresh: () => show(guard?.current() ?? null) };
}

/** A sub-frame: the background classifies the focused control and knows the page's step. */
function guardFrame(): void {
  let root: ShadowRoot | null = null;
  const lifetime = new AbortController();
  const acknowledged = new WeakSet<Element>();
  let seq = 0;
  let guard: FieldGuard | null = null;
  // The background's answers, per control, for this page view.
  const { answers, kindOf } = askOnFocus(lifetime, (el) => guard?.refresh(el));

  guard = startFocusGuard(document, {
    signal: lifetime.signal,
    kindOf,
    shadowRootOf,
    async onChange(state) {
      const mine = ++seq;
      const reply = await send({ type: 'field-focus', kind: state?.kind ?? null });
      if (!reply.ok) {
        if (orphaned()) lifetime.abort(); // the extension was reloaded: stop quietly
        if (reply.error === 'unreachable') return;
      }
      const severity = reply.ok ? reply.value.severity : null;
      const mark = reply.ok ? reply.value.mark : null;
      if (mine !== seq) return; // focus moved on meanwhile
      const texts = state && severity ? answers.get(state.element)?.texts?.[severity] : undefined;
      if (!state || !texts || !severity) {
        if (root) drawCallout(root, null, null, acknowledged);
        return;
      }
      root ??= frameCalloutRoot();
      drawCallout(root, state, { severity, ...texts, mark }, acknowledged);
    },
  });
}

// Where it runs (every frame of the official pages; sites the user enabled) is in the manifest and
// the background's registrations: utils/content-scripts.ts.
export default defineUnlistedScript({
  main() {
    // Once per frame, even if the script is injected again after an install.
    const flag = Symbol.for('sim-exit-guide.guard');
    const world = globalThis as { [flag]?: boolean };
    if (world[flag]) return;
    world[flag] = true;
    // The top frame's guard starts with the panel (it borrows the panel's texts and shadow root).
    // A popup the official page opened on about:blank has no panel: it guards like a frame.
    if (window.top === window && location.protocol !== 'about:') awaitPanel(guardTopFrame);
    else guardFrame();
  },
});
