// The look-alike probe: registered at run time (utils/background/site-registry.ts) on every site, in every
// frame (blob: and data: documents too), only while the user has the look-alike warning on. Tiny on
// purpose: no guide, no Preact, no word list, no value ever read. It reports what kinds of fields
// the page has and the page's own words (title, headings, labels, buttons, links; capped) to the
// background, which normalises them and judges the page with its host (utils/lookalike.ts) and,
// for an imitation, starts the panel with a warning.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from '../utils/page/browser';
import type { ProbeSignals } from '../utils/lookalike';
import type { ToBackground } from '../utils/messages';

const CARD_FIELD = /card.?num|cc.?num|cardnumber|cvv|cvc|security.?code|卡號|卡号|信用卡|銀行卡|银行卡/i;
const ID_FIELD = /hkid|id.?card|id.?(?:no|num)|identity|passport|身份證|身份证|證件|证件/i;
const OTP_FIELD = /otp|one.?time|sms.?code|verification.?code|驗證碼|验证码|短訊|短信/i;

/** What describes an input: its attributes and its label's text (never its value). */
function described(el: HTMLInputElement): string {
  const labels = Array.from(el.labels ?? [], (l) => l.textContent ?? '').join(' ');
  return `${el.name} ${el.id} ${el.getAttribute('aria-label') ?? ''} ${el.placeholder} ${labels}`.slice(0, 400);
}

/** The text of the first `max` elements matching `selector`, capped (no full-page text walk). */
function textOf(doc: Document, selector: string, max: number): string {
  return Array.from(doc.querySelectorAll(selector), (el) => (el.textContent ?? '').slice(0, 200))
    .slice(0, max)
    .join(' \n ')
    .slice(0, 8000);
}

function signals(doc: Document): ProbeSignals {
  const inputs = Array.from(doc.querySelectorAll('input')).slice(0, 200);
  const is = (re: RegExp, auto: RegExp) => inputs.some((i) => auto.test(i.autocomplete) || (i.type !== 'password' && re.test(described(i))));
  return {
    // The type and the attributes only: the value is never touched.
    passwordField: inputs.some((i) => i.type === 'password'),
    cardField: is(CARD_FIELD, /^cc-/),
    idField: is(ID_FIELD, /^$^/),
    otpField: is(OTP_FIELD, /one-time-code/),
    brands: [],
    signInWords: false,
    lureWords: false,
    // Whose page it says it is: the title and headings (a news article's links name carriers too).
    text: `${doc.title} \n ${textOf(doc, 'h1, h2, h3, h4, legend, label', 100)}`,
    words: textOf(doc, 'button, a, [role=button]', 200),
  };
}

// Registered at run time with its frames and timing (utils/background/site-registry.ts); built as a plain
// script (utils/content-scripts.ts).
export default defineUnlistedScript({
  main() {
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
    // A form drawn later (single-page sites): look again when a field gets focus.
    document.addEventListener('focusin', report, { capture: true, passive: true });
  },
});
