// The field guard, in every frame of an official page (payment forms live in iframes).
// No Preact, no keyword lists, no texts: it must stay tiny (8 KiB gzip budget, issue 6). It reads
// the focused control's description (page text, never a value) and reports a category, never a
// value. In a sub-frame it asks the background for the kind and the warning's texts; in the top
// frame it borrows the panel's classifier, texts and shadow root (utils/top-frame-bridge.ts).
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CALLOUT_CSS, renderCallout } from '../components/callout';
import { HOST_ATTRIBUTE } from '../components/mount-host';
import { startFocusGuard, type FieldGuard, type FieldGuardState } from '../utils/fields/focus-guard';
import { elementClassifier } from '../utils/fields/element-classifier';
import { describeField, scopeControls } from '../utils/fields/read';
import type { ClassifyAnswer } from '../utils/fields/remote';
import { languageFromTag } from '../utils/language';
import { officialMatchPatterns } from '../utils/match-patterns';
import type { ToBackground } from '../utils/messages';
import { awaitPanel, type FieldWarning, type GuardSide, type PanelSide } from '../utils/top-frame-bridge';
import type { Severity } from '../utils/types';

/** Most controls of one form sent for the card context (the background refuses more than 200). */
const FORM_CONTROLS = 200;

function addCalloutCss(root: ShadowRoot): void {
  const style = document.createElement('style');
  style.textContent = CALLOUT_CSS;
  root.append(style);
}

/** A sub-frame's own host for its callout (the panel lives in the top frame only). */
function frameCalloutRoot(): ShadowRoot {
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, 'frame');
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('top', '0px', 'important');
  host.style.setProperty('left', '0px', 'important');
  host.style.setProperty('z-index', '2147483647', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  addCalloutCss(root);
  document.documentElement.append(host);
  return root;
}

/** Shows the callout for the focused control, or removes it (nothing to say, or acknowledged). */
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
  performance.mark('sxg:callout-rendered');
}

/** The top frame: the panel's classifier (ahead of focus), its texts and its shadow root. */
function guardTopFrame(panel: PanelSide): GuardSide {
  // Acknowledged fields, for this page view only: never stored.
  const acknowledged = new WeakSet<Element>();
  const root = panel.calloutRoot;
  addCalloutCss(root);
  const show = (state: FieldGuardState | null): void => drawCallout(root, state, panel.fieldChanged(state?.kind ?? null), acknowledged);
  const classifier = panel.classifyField ? elementClassifier(panel.classifyField) : null;
  const kindOf = (el: Element) => (classifier ? classifier.classify(el) : undefined);
  let run: AbortController | null = null;
  let guard: FieldGuard | null = null;
  const start = (): void => {
    // A fresh guard after document.open(): the rewritten page's controls are scanned again.
    run?.abort();
    const stop = new AbortController();
    run = stop;
    panel.signal.addEventListener('abort', () => stop.abort(), { once: true });
    guard = startFocusGuard(document, { signal: stop.signal, kindOf, isOwnUi: panel.isOwnUi, prescan: true, onChange: show });
  };
  start();
  return { reattach: start, refresh: () => show(guard?.current() ?? null) };
}

/** A sub-frame: the background classifies the focused control and knows the page's step. */
function guardFrame(): void {
  let root: ShadowRoot | null = null;
  const lifetime = new AbortController();
  const lang = languageFromTag(document.documentElement.lang) ?? languageFromTag(navigator.language) ?? 'en';
  const acknowledged = new WeakSet<Element>();
  /** The background's answers, per control, for this page view. */
  const answers = new WeakMap<Element, ClassifyAnswer>();
  const asked = new WeakSet<Element>();
  let seq = 0;
  let guard: FieldGuard | null = null;

  const ask = async (el: Element): Promise<void> => {
    let answer: ClassifyAnswer = { kind: null, texts: null };
    try {
      const form = scopeControls(el).slice(0, FORM_CONTROLS);
      const msg: ToBackground = { type: 'classify-field', field: describeField(el), form: form.map(describeField), lang };
      const reply = (await browser.runtime.sendMessage(msg)) as Partial<ClassifyAnswer> | null;
      if (reply && 'kind' in reply) answer = { kind: reply.kind ?? null, texts: reply.texts ?? null };
    } catch {
      if (!browser.runtime?.id) lifetime.abort(); // the extension was reloaded: stop quietly
    }
    answers.set(el, answer);
    guard?.refresh(el);
  };

  guard = startFocusGuard(document, {
    signal: lifetime.signal,
    kindOf(el) {
      const answer = answers.get(el);
      if (answer) return answer.kind;
      if (!asked.has(el)) {
        asked.add(el);
        void ask(el);
      }
      return undefined;
    },
    async onChange(state) {
      const mine = ++seq;
      const msg: ToBackground = { type: 'field-focus', kind: state?.kind ?? null };
      let severity: Severity | null = null;
      try {
        const reply = (await browser.runtime.sendMessage(msg)) as { severity?: Severity } | null;
        severity = reply?.severity ?? null;
      } catch {
        if (!browser.runtime?.id) lifetime.abort(); // the extension was reloaded: stop quietly
        return;
      }
      if (mine !== seq) return; // focus moved on meanwhile
      const texts = state && severity ? answers.get(state.element)?.texts?.[severity] : undefined;
      if (!state || !texts || !severity) {
        if (root) drawCallout(root, null, null, acknowledged);
        return;
      }
      root ??= frameCalloutRoot();
      drawCallout(root, state, { severity, ...texts }, acknowledged);
    },
  });
}

export default defineContentScript({
  matches: officialMatchPatterns(),
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_end',
  noScriptStartedPostMessage: true,
  cssInjectionMode: 'manual',
  main() {
    // Once per frame, even if the script is injected again after an install.
    const flag = Symbol.for('sim-exit-guide.guard');
    const world = globalThis as { [flag]?: boolean };
    if (world[flag]) return;
    world[flag] = true;
    // The top frame's guard starts with the panel (it borrows the panel's classifier and texts).
    if (window.top === window) awaitPanel(guardTopFrame);
    else guardFrame();
  },
});
