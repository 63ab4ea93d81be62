// The field guard in every sub-frame of an official page (payment forms live in iframes).
// No Preact, no keyword lists, no texts: it must stay tiny (8 KiB gzip budget, issue 6). It reads
// the focused control's description (page text, never a value) and asks the background for its
// kind and the warning texts; it reports a category, never a value, through the background.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CALLOUT_CSS, renderCallout } from '../components/callout';
import { HOST_ATTRIBUTE } from '../components/mount-host';
import { startFocusGuard, type FieldGuard } from '../utils/fields/focus-guard';
import { describeField, scopeControls } from '../utils/fields/read';
import type { ClassifyAnswer } from '../utils/fields/remote';
import { languageFromTag } from '../utils/language';
import { officialMatchPatterns } from '../utils/match-patterns';
import type { ToBackground } from '../utils/messages';
import type { Severity } from '../utils/types';

/** Most controls of one form sent for the card context (the background refuses more than 200). */
const FORM_CONTROLS = 200;

function calloutRoot(): ShadowRoot {
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, 'frame');
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('top', '0px', 'important');
  host.style.setProperty('left', '0px', 'important');
  host.style.setProperty('z-index', '2147483647', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CALLOUT_CSS;
  root.append(style);
  document.documentElement.append(host);
  return root;
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
    // The top frame's panel script guards the top frame itself.
    if (window.top === window) return;
    // Once per frame, even if the script is injected again after an install.
    const flag = Symbol.for('sim-exit-guide.guard');
    const world = globalThis as { [flag]?: boolean };
    if (world[flag]) return;
    world[flag] = true;
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
        const texts = state ? answers.get(state.element)?.texts?.[severity ?? 'warn'] : undefined;
        if (!state || !severity || !texts || acknowledged.has(state.element)) {
          if (root) renderCallout(root, document.documentElement, null);
          return;
        }
        root ??= calloutRoot();
        const element = state.element;
        const shadow = root;
        renderCallout(shadow, element, {
          kind: state.kind,
          severity,
          ...texts,
          onAck() {
            acknowledged.add(element);
            renderCallout(shadow, element, null);
          },
        });
        performance.mark('sxg:callout-rendered');
      },
    });
  },
});
