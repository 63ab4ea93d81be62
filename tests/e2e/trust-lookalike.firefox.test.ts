// Issue 16 in real Firefox: the look-alike attacks, as tests/e2e/trust-lookalike.chromium.test.ts
// runs them in Chromium. A page under a look-alike host (or framing one, or a blob: it wrote, or
// asking for a card and an HKID under the carrier's name) gets the warning and the official address
// only: no step, ring, "Show me where" or progress, even after the user enables it; and the popup's
// data-tab-trust comes from the tab's current address.
//
// Unlike Chromium, nothing is pre-granted: the look-alike warning's all-sites access comes through
// the REAL optional-permission request, a trusted click on the popup's look-alike switch (Firefox
// grants it without a prompt under extensions.webextOptionalPermissionPrompts=false, set by
// harness/firefox.ts). Set-up that stands in for a person (activeTab, the popup in a tab) is
// harness/firefox-addon.ts's. Not run here: stopping the background between navigations, because
// Firefox's MV2 background page is persistent (the Chromium file stops the service worker).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../scripts/practice-server.mjs';
import { eventually } from './harness/browser';
import { launchFirefox, type LaunchedFirefox } from './harness/firefox';
import { firefoxAddon, type FirefoxAddon, type FirefoxPopup } from './harness/firefox-addon';
import { defineLookalikePageScenarios, expectNoGuidance, fixture, OFFICIAL } from './scenarios/lookalike';
import { oneBrowserOnly } from './scenarios/one-browser';

describe('look-alike attacks (Firefox)', () => {
  let server: PracticeServer | undefined;
  let ff: LaunchedFirefox | undefined;
  let addon: FirefoxAddon | undefined;

  const inBackground = (code: string) => addon!.inBackground(code);
  const badge = async (tabId: number) => String(await inBackground(`browser.browserAction.getBadgeText({ tabId: ${tabId} })`));
  const tabTrust = (popup: FirefoxPopup) =>
    eventually(
      () => popup.eval(`document.querySelector('[data-tab-trust]')?.getAttribute('data-tab-trust') ?? null`),
      (t) => t !== null,
      'data-tab-trust',
    );
  const closePopup = (popup: FirefoxPopup) => popup.page.close();
  const tabIdOf = (url: string) => addon!.tabIdOf((u) => u === url);

  beforeAll(async () => {
    server = await startPracticeServer({ port: 0 });
    ff = await launchFirefox({ port: server.port });
    addon = await firefoxAddon(ff);
    // Turn the look-alike warning on, as a user does in the popup: a trusted click, a real grant.
    const official = await ff.e2e.open(OFFICIAL);
    const popup = await addon.openPopup(await addon.grantActiveTab(OFFICIAL), '[data-lookalike-setting]');
    await addon.trustedClick(popup, '[data-lookalike-setting]');
    await eventually(
      async () => JSON.parse(String(await inBackground('browser.scripting.getRegisteredContentScripts().then((l) => JSON.stringify(l.map((s) => s.id)))'))) as string[],
      (ids) => ids.includes('lookalike-probe'),
      'probe registered',
    );
    await closePopup(popup);
    await official.close();
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  test('a look-alike: only the warning and the official address; no step, ring, "Show me where" or progress; the popup says suspicious', async () => {
    const url = fixture('https://www.hk-chinamobile.com', 'lookalike-cancel');
    const stored = async () => {
      const progress = JSON.parse(String(await inBackground("browser.storage.local.get('progress').then((r) => JSON.stringify(r.progress ?? null))")));
      return JSON.stringify((progress as { carriers?: unknown } | null)?.carriers ?? null);
    };
    const before = await stored();
    const page = await ff!.e2e.open(url);
    await expectNoGuidance(page, 'cmhk');
    expect((await page.shadowElement('[data-official-address]'))?.text).toBe('www.hk.chinamobile.com');
    expect(await stored(), 'no progress recorded from a look-alike').toBe(before);
    const tabId = await tabIdOf(url);
    expect(await eventually(() => badge(tabId), (t) => t === '!', 'red icon')).toBe('!');
    const popup = await addon!.openPopup(tabId);
    expect(await tabTrust(popup)).toBe('suspicious');

    // Enabled past the warning (a scammer on the phone talks the user through it): still suspicious.
    const reply = JSON.parse(
      String(
        await popup.eval(
          `browser.runtime.sendMessage({ type: 'enable-site', origin: 'https://www.hk-chinamobile.com', carrier: 'cmhk' }).then((r) => JSON.stringify(r))`,
        ),
      ),
    );
    expect(reply).toEqual({ ok: true, value: { ok: true, pending: false } });
    await page.reload();
    await expectNoGuidance(page, 'cmhk');
    await closePopup(popup);
    const again = await addon!.openPopup(tabId);
    expect(await tabTrust(again)).toBe('suspicious');
    await closePopup(again);
    await page.close();
  });

  defineLookalikePageScenarios(() => ({ open: (url) => ff!.e2e.open(url), tabIdOf, badge }));

  test(
    "the popup's trust is the tab's current address after the tab navigated",
    oneBrowserOnly('firefox', "Chromium's counterpart also stops the idle service worker before the navigation (trust-lookalike.chromium.test.ts), which Firefox's persistent MV2 background page never is"),
    async () => {
      const page = await ff!.e2e.open(OFFICIAL);
      await page.waitForPanel((s) => s.panel?.siteTrust === 'official');
      const tabId = await tabIdOf(OFFICIAL);
      let popup = await addon!.openPopup(tabId);
      expect(await tabTrust(popup)).toBe('official');
      await closePopup(popup);
      await page.goto('https://practice.example/tc/index.html');
      popup = await addon!.openPopup(tabId);
      expect(await tabTrust(popup)).toBe('none');
      await closePopup(popup);
      await page.goto(fixture('https://www.hk-chinamobile.com', 'lookalike-cancel'));
      await page.waitForPanel((s) => s.panel?.siteTrust === 'suspicious', 15_000);
      popup = await addon!.openPopup(tabId);
      expect(await tabTrust(popup)).toBe('suspicious');
      await closePopup(popup);
      await page.close();
    },
  );
});
