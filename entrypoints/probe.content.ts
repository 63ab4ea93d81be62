// The look-alike probe: registered at run time (utils/site-registry.ts) on every site only while
// the user has the look-alike warning on. Tiny on purpose: no guide, no Preact, no value ever read.
// It reports a few booleans about the page to the background, which judges the host itself
// (utils/lookalike.ts) and, for an imitation, starts the panel with a warning.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ProbeSignals } from '../utils/lookalike';
import { LURE_WORDS, SIGN_IN_WORDS, brandsIn } from '../utils/lookalike-words';
import type { ToBackground } from '../utils/messages';

const CARD_FIELD = /card.?num|cc.?num|cardnumber|cvv|cvc|security.?code|卡號|卡号|信用卡|銀行卡|银行卡/i;

function isCardField(el: Element): boolean {
  if (!(el instanceof HTMLInputElement)) return false;
  if (/^cc-/.test(el.autocomplete)) return true;
  const described = `${el.name} ${el.id} ${el.getAttribute('aria-label') ?? ''} ${el.placeholder}`;
  return CARD_FIELD.test(described);
}

/** Words near sign-in and lures: title, headings, labels, buttons and links, capped (no full-page text walk). */
function pageWords(doc: Document): string {
  const parts = [doc.title];
  for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, label, button, a, legend')).slice(0, 300)) {
    parts.push((el.textContent ?? '').slice(0, 200));
  }
  return parts.join(' \n ');
}

function signals(doc: Document): ProbeSignals {
  const headings = [doc.title, ...Array.from(doc.querySelectorAll('h1, h2, h3')).slice(0, 50).map((h) => (h.textContent ?? '').slice(0, 200))].join(' \n ');
  const words = pageWords(doc);
  const inputs = Array.from(doc.querySelectorAll('input')).slice(0, 200);
  return {
    // The type and the attributes only: the value is never touched.
    passwordField: inputs.some((i) => i.type === 'password'),
    cardField: inputs.some(isCardField),
    brands: brandsIn(headings),
    signInWords: SIGN_IN_WORDS.test(words),
    lureWords: LURE_WORDS.test(words),
  };
}

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  cssInjectionMode: 'manual',
  main() {
    if (window.top !== window) return;
    let last = '';
    const report = () => {
      const s = signals(document);
      const key = JSON.stringify(s);
      if (key === last) return;
      last = key;
      const msg: ToBackground = { type: 'probe', signals: s };
      browser.runtime.sendMessage(msg).catch(() => undefined);
    };
    report();
    // A sign-in form drawn later (single-page sites): look again when a field gets focus.
    document.addEventListener('focusin', report, { capture: true, passive: true });
  },
});
