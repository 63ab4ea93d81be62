// The field guard in every sub-frame of an official page (payment forms live in iframes).
// No Preact: it must stay tiny. It reports a category, never a value, through the background.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CALLOUT_CSS, renderCallout } from '../components/callout';
import { HOST_ATTRIBUTE } from '../components/mount-host';
import { fieldMessageText } from '../utils/field-texts';
import { startFieldGuard } from '../utils/fields/guard';
import { languageFromTag } from '../utils/language';
import { officialMatchPatterns } from '../utils/match-patterns';
import type { ToBackground } from '../utils/messages';
import type { Severity } from '../utils/types';

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
    let seq = 0;
    startFieldGuard(document, {
      signal: lifetime.signal,
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
        if (!state || !severity || acknowledged.has(state.element)) {
          if (root) renderCallout(root, document.documentElement, null);
          return;
        }
        root ??= calloutRoot();
        const element = state.element;
        const shadow = root;
        renderCallout(shadow, element, {
          kind: state.kind,
          severity,
          ...fieldMessageText(state.kind, severity, lang),
          onAck() {
            acknowledged.add(element);
            renderCallout(shadow, element, null);
          },
        });
      },
    });
  },
});
