// The field guard, end to end: one body per scenario, run in Chromium and in Firefox
// (tests/e2e/guard.chromium.test.ts, tests/e2e/guard.firefox.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchE2E, sleep, type BrowserName, type E2EBrowser, type E2EPage } from '../harness/browser';
import { startPracticeServer } from '../../../scripts/practice-server.mjs';
import { fieldText } from '../../../utils/field-texts';
import { expandPanel } from './expand';

const ORIGIN = 'https://www.hk.chinamobile.com';
// A Luhn-valid test number (Visa's documented test card), never a real one.
const TEST_CARD = '4111 1111 1111 1111';

async function oneMessage(page: E2EPage, kind: string | null, timeout = 8000) {
  const deadline = Date.now() + timeout;
  let last = await page.fieldKindElements();
  while (Date.now() < deadline) {
    if (kind === null ? last.length === 0 : last.length === 1 && last[0]!.kind === kind) return last;
    await sleep(150);
    last = await page.fieldKindElements();
  }
  throw new Error(`expected ${kind === null ? 'no field message' : `one ${kind} message`}, got ${JSON.stringify(last)}`);
}

export function defineGuardScenarios(name: BrowserName) {
  describe(`field guard (${name})`, () => {
    let server: Awaited<ReturnType<typeof startPracticeServer>>;
    let browser: E2EBrowser;

    beforeAll(async () => {
      server = await startPracticeServer({});
      browser = await launchE2E(name, { port: server.port, spki: server.certSpki });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it.each([
      ['/tc/refill', '#card-number', 'card-number', 'warn', 'alert'],
      ['/tc/refill', '#card-cvc', 'card-cvc', 'warn', 'alert'],
      ['/tc/refill', '#card-expiry', 'card-expiry', 'warn', 'alert'],
      ['/tc/login', '#customer-password', 'password', 'info', 'status'],
      ['/tc/deregister', '#hkid', 'id-number', 'info', 'status'],
      ['/__fixture/guard-fields', '#new-password', 'password', 'warn', 'alert'],
      ['/__fixture/guard-fields', '#sms-code', 'otp', 'warn', 'alert'],
    ])('%s %s → %s (%s, role=%s)', async (path, selector, kind, severity, role) => {
      const page = await browser.open(ORIGIN + path);
      try {
        await page.waitForPanel((s) => s.present);
        expect(await page.countFieldKind()).toBe(0);
        await page.focus(selector);
        const [msg] = await oneMessage(page, kind);
        expect(msg).toMatchObject({ kind, severity, role, where: 'guide' });
      } finally {
        await page.close();
      }
    });

    it('stays silent on ordinary fields: name, e-mail, phone, date of birth, quantity, search, picture captcha, free text', async () => {
      const page = await browser.open(`${ORIGIN}/__fixture/guard-fields`);
      try {
        await page.waitForPanel((s) => s.present);
        for (const sel of ['#full-name', '#email', '#phone', '#dob-month', '#dob-year', '#qty', '#search', '#captcha', '#note']) {
          await page.focus(sel);
          await sleep(300);
          expect({ sel, messages: await page.fieldKindElements() }).toEqual({ sel, messages: [] });
        }
      } finally {
        await page.close();
      }
    });

    it('a card field inside a same-site iframe gives one message, in the top frame panel', async () => {
      const page = await browser.open(`${ORIGIN}/tc/pay`);
      try {
        await page.waitForPanel((s) => s.present);
        await page.focus('#frame-card-number', { frame: 'pay-frame' });
        const [msg] = await oneMessage(page, 'card-number');
        expect(msg).toMatchObject({ severity: 'warn', where: 'guide' });
      } finally {
        await page.close();
      }
    });

    it('a card number typed into a free-text box warns, the message goes when focus moves on, and the number is stored nowhere', async () => {
      const page = await browser.open(`${ORIGIN}/tc/deregister`);
      try {
        await page.waitForPanel((s) => s.present);
        await page.focus('#reason-detail');
        await sleep(300);
        expect(await page.countFieldKind()).toBe(0);
        await page.type(TEST_CARD);
        const [msg] = await oneMessage(page, 'card-number');
        expect(msg).toMatchObject({ severity: 'warn', role: 'alert' });
        await page.focus('#reason');
        await oneMessage(page, null);
        const stored = await page.extensionStorage();
        expect(stored.length).toBeGreaterThan(2);
        const digits = TEST_CARD.replace(/\D/g, '');
        expect(stored.replace(/\D/g, '')).not.toContain(digits.slice(-8));
        expect(stored).not.toContain('1111 1111');
        expect(await page.panelText()).not.toContain('1111');
      } finally {
        await page.close();
      }
    });

    // Issue 15: a SIM's own numbers are never a card-* kind, whatever their check digit; a refund
    // bank card number on the same deregistration form still warns.
    it('a Luhn-valid ICCID in "SIM card number (ICCID)" and an IMEI get no card warning; the refund bank card field does', async () => {
      const page = await browser.open(`${ORIGIN}/__fixture/sim-dereg-form`);
      try {
        await page.waitForPanel((s) => s.present);
        for (const [sel, value] of [['#iccid', '8985200012345678905'], ['#imei', '353456789012348']] as const) {
          await page.focus(sel);
          await sleep(300);
          expect({ sel, messages: await page.fieldKindElements() }).toEqual({ sel, messages: [] });
          await page.type(value);
          await sleep(800); // past the guard's shape check
          expect({ sel, messages: await page.fieldKindElements() }).toEqual({ sel, messages: [] });
        }
        await page.focus('#refund-card');
        const [msg] = await oneMessage(page, 'card-number');
        expect(msg).toMatchObject({ severity: 'warn', role: 'alert' });
      } finally {
        await page.close();
      }
    });

    // Issue 15, item 4: fields the guard did not see.
    it("a card field inside the page's own closed shadow root warns", async () => {
      const page = await browser.open(`${ORIGIN}/__fixture/hidden-fields`);
      try {
        await page.waitForPanel((s) => s.present);
        await page.evaluate(() => (window as unknown as { focusShadowCard(): void }).focusShadowCard());
        const [msg] = await oneMessage(page, 'card-number');
        expect(msg).toMatchObject({ severity: 'warn', role: 'alert', where: 'guide' });
      } finally {
        await page.close();
      }
    });

    it('boxes made to look like inputs (contenteditable, role=textbox) warn by their labels', async () => {
      const page = await browser.open(`${ORIGIN}/__fixture/hidden-fields`);
      try {
        await page.waitForPanel((s) => s.present);
        await page.focus('#ce-card');
        await oneMessage(page, 'card-number');
        await page.focus('#tb-cvc');
        await oneMessage(page, 'card-cvc');
        await page.focus('#note');
        await oneMessage(page, null);
      } finally {
        await page.close();
      }
    });

    it('a card field in a data: frame warns in the top frame panel', async () => {
      const page = await browser.open(`${ORIGIN}/__fixture/hidden-fields`);
      try {
        await page.waitForPanel((s) => s.present);
        await page.focus('#data-card', { frame: 'data:' });
        const [msg] = await oneMessage(page, 'card-number');
        expect(msg).toMatchObject({ severity: 'warn', where: 'guide' });
      } finally {
        await page.close();
      }
    });

    it('clicking inside the panel does not blur the field, and the message stays', async () => {
      const page = await browser.open(`${ORIGIN}/tc/refill`);
      try {
        await page.waitForPanel((s) => s.present);
        await page.focus('#card-number');
        await oneMessage(page, 'card-number');
        await page.clickInShadow('[data-field-kind]');
        await sleep(300);
        expect(await page.evaluate(() => document.activeElement?.id ?? null)).toBe('card-number');
        await oneMessage(page, 'card-number');
      } finally {
        await page.close();
      }
    });

    // Last: it leaves the user's language chosen for the rest of this browser's run.
    it("a frame's own callout speaks the language the user chose, not the frame page's, and shows the user's mark", async () => {
      const page = await browser.open(`${ORIGIN}/tc/pay`);
      try {
        await page.waitForPanel((s) => s.present);
        await page.setExtensionStorage(JSON.stringify({ mark: { word: '青蓮', color: '#8250df' } }));
        // The frame's page says zh-Hant-HK and the browser English: the user picks Simplified Chinese.
        await expandPanel(page);
        await page.clickInShadow('[data-language-option="zh-Hans"]');
        await page.waitForPanel((s) => s.panel?.lang === 'zh-Hans');
        await page.focus('#frame-card-number', { frame: 'pay-frame' });
        await oneMessage(page, 'card-number');
        const callout = await eventually(() => page.frameCallout(), Boolean, "the frame's callout");
        expect(callout).toMatchObject({ kind: 'card-number', mark: '青蓮' });
        expect(callout!.text).toContain(fieldText('callout-card-number-warn', 'zh-Hans'));
        expect(callout!.text).not.toContain(fieldText('callout-card-number-warn', 'zh-Hant'));
      } finally {
        await page.setExtensionStorage(JSON.stringify({ mark: null })).catch(() => undefined);
        await page.close();
      }
    });
  });
}
