// Smoke test for the Firefox harness: real Firefox ESR with the built add-on (.output/firefox-mv2)
// on the practice carrier site, served under the carrier's real hostname through the loopback
// CONNECT proxy. Proves the chain the shared scenarios rely on: install → find the add-on's
// content-script target by add-on id and top-document innerWindowId → evaluate in its world →
// read the closed shadow root through the test contract.
//
// Needs a build at .output/firefox-mv2 (`npx wxt build -b firefox`; `npm test` builds first).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../scripts/practice-server.mjs';
import { assertFirefoxBuilt, FIREFOX_BUILD, launchFirefox, manifestGeckoId, type LaunchedFirefox } from './harness/firefox';
import { oneBrowserOnly } from './scenarios/one-browser';

const CMHK = 'https://www.hk.chinamobile.com';
const EXTENSION = process.env.FIREFOX_EXTENSION_PATH ?? FIREFOX_BUILD;

// Firefox only: these test the Firefox harness itself (RDP target lookup, content-script
// evaluation); the contract they read is covered in both browsers by scenarios/panel.ts.
describe('Firefox harness smoke', oneBrowserOnly('firefox', 'tests the Firefox harness itself (remote-protocol target lookup by add-on id, evaluation in the content-script world); the panel contract is covered in both browsers by scenarios/panel.ts'), () => {
  let server: PracticeServer | undefined;
  let firefox: LaunchedFirefox | undefined;

  beforeAll(async () => {
    assertFirefoxBuilt(EXTENSION);
    server = await startPracticeServer({ port: 0 });
    firefox = await launchFirefox({ extensionPath: EXTENSION, port: server.port });
  });
  afterAll(async () => {
    if (firefox) console.info(`[firefox smoke] timings ${JSON.stringify(firefox.timings)}; proxy refused ${JSON.stringify([...new Set(firefox.proxy.refused)])}`);
    await firefox?.close();
    await server?.close();
  });

  test('the add-on is installed under its manifest id, and its content script runs code on the official host', async () => {
    const ff = firefox!;
    expect(ff.addonId).toBe(manifestGeckoId(EXTENSION));
    const page = await ff.newPage();
    try {
      const response = await page.goto(`${CMHK}/tc/`, { waitUntil: 'load' });
      expect(response?.status(), 'the practice page through the proxy, without a port').toBe(200);
      expect(await page.title()).toMatch(/練習|Practice/);
      // The target is picked by add-on id and by the top document's innerWindowId (never by title).
      const { target, topFrame } = await ff.contentScriptTarget(page);
      expect(target.targetType).toBe('content_script');
      expect(target.addonId).toBe(ff.addonId);
      expect(topFrame?.isTopLevelTarget).toBe(true);
      expect(topFrame?.url).toBe(`${CMHK}/tc/`);
      expect(target.innerWindowId).toBe(topFrame?.innerWindowId);
      const seen = JSON.parse(
        (await ff.evalInContentScript(page, `JSON.stringify({ id: browser.runtime.id, href: location.href, top: window === window.top })`)) as string,
      ) as { id: string; href: string; top: boolean };
      expect(seen).toEqual({ id: ff.addonId, href: `${CMHK}/tc/`, top: true });
      // A promise is awaited, and a long result (a longString grip) arrives whole.
      expect(await ff.evalInContentScript(page, `Promise.resolve('x'.repeat(30000) + 'end')`)).toBe(`${'x'.repeat(30000)}end`);
    } finally {
      await page.close();
    }
  });

  test('the panel: a host under <html> with a closed shadow root the page cannot open, carrier cmhk', async () => {
    const page = await firefox!.e2e.open(`${CMHK}/tc/`);
    try {
      expect(page.status).toBe(200);
      const state = await page.waitForPanel((s) => s.present, 15_000);
      expect(state.shadowType).toBe('closed');
      expect(state.hostParent).toBe('HTML');
      expect(state.hostCount).toBe(1);
      expect(state.panel?.role).toBe('complementary');
      expect(state.panel?.carrier).toBe('cmhk');
      expect(state.panel?.siteTrust).toBe('official');
      expect(await page.pageSeesShadowRoot()).toBe(false);
      expect(await page.hostShadowRootIsNull()).toBe(true);
      // From the content script's world the closed root is there.
      const fromContentScript = await page.evalInContentScript(
        `JSON.stringify((() => { const h = document.querySelector('[data-sim-exit-guide-host]'); return { mode: h && h.openOrClosedShadowRoot ? h.openOrClosedShadowRoot.mode : null, pageView: h ? h.shadowRoot : 'no host' }; })())`,
      );
      expect(JSON.parse(fromContentScript as string)).toEqual({ mode: 'closed', pageView: null });
      // Nothing sensitive is focused: no field message anywhere on the page.
      expect(await page.countFieldKind()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('no content script, no panel, on a host that is not the carrier (www.cmhk.com)', async () => {
    const page = await firefox!.e2e.open('https://www.cmhk.com/tc/');
    try {
      expect(page.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_500));
      const state = await page.queryPanel();
      expect(state.present).toBe(false);
      expect(state.hostCount).toBe(0);
      expect(await page.countFieldKind()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
