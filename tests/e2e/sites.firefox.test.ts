// End-to-end in real Firefox (issue 5): "Use the guide on this site" through the REAL permission
// path, then removal. Firefox grants optional permissions without a prompt under the pref
// `extensions.webextOptionalPermissionPrompts=false` (set by harness/firefox.ts), so here, unlike
// in Chromium, nothing is pre-granted: the add-on starts with no access to practice.example.
//
// What runs for real: the popup (popup.html, its own code) is clicked with a TRUSTED click
// (WebDriver BiDi input on the popup's tab), so its click handler calls
// `permissions.request({ origins: ['https://practice.example/*'] })` synchronously inside the user
// gesture, after sending `enable-site` with the carrier picked in the popup; Firefox grants it; the
// background's `permissions.onAdded` registers the panel and guard with
// `scripting.registerContentScripts` (Firefox 153 MV2 has it, so utils/background/site-registry.ts's registrar
// takes that branch, not `contentScripts.register`: the test reads them back from
// `scripting.getRegisteredContentScripts`); a page on that origin then gets the panel marked
// `data-site-trust="enabled"` with that carrier. Removal is the popup's Remove button (trusted click
// too): `disable-site` → `permissions.remove` → the scripts unregistered → no panel after a reload.
//
// Test set-up, not code under test (each says so where it happens):
// - The popup is opened in a tab of its own (`popup.html?tabId=N`, as in Chromium): BiDi cannot
//   open moz-extension URLs, so the background opens it (`tabs.create`, evaluated over the remote
//   debugging protocol); BiDi can then click in it.
// - Opening the real popup from the toolbar grants `activeTab` on the page, which is how the popup
//   learns the page's address. A test cannot click the toolbar, so the parent process grants it the
//   same way (`tabManager.addActiveTabPermission`). activeTab gives no host access for registered
//   content scripts, so it cannot make the panel appear by itself.
// - The carrier <select> is set with a `change` event (no gesture needed there).
// - Why not just evaluate `permissions.request` in the background over the debugger: Firefox
//   refuses it ("permissions.request may only be called from a user input handler"): debugger
//   evaluation is not user input, and neither is a script's `element.click()` (the test checks the
//   popup reports that refusal). So the click has to be a real, trusted one.
//
// What Chromium covers instead (tests/e2e/sites.chromium.test.ts, with the grant pre-written into a
// manifest copy): the same popup flow after the grant, the toolbar badge for an enabled site, the
// confirm step for an http page, and the look-alike warning. Firefox covers the prompt path itself.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../scripts/practice-server.mjs';
import { eventually, sleep } from './harness/browser';
import { launchFirefox, type FirefoxE2EPage, type LaunchedFirefox } from './harness/firefox';
import { firefoxAddon, type FirefoxAddon, type FirefoxPopup } from './harness/firefox-addon';
import { oneBrowserOnly } from './scenarios/one-browser';

const ORIGIN = 'https://practice.example';
/** What the popup asks for (utils/site-trust.ts originPattern): this origin only. */
const PATTERN = `${ORIGIN}/*`;
const URL_ON_SITE = `${ORIGIN}/tc/login.html`;



const FIREFOX_ONLY = oneBrowserOnly(
  'firefox',
  'the real optional-permission path (trusted click in the popup → permissions.request → granted without a prompt under extensions.webextOptionalPermissionPrompts=false → permissions.onAdded → scripting.registerContentScripts) can only run in Firefox: Chromium automation cannot answer its prompt. Chromium covers the same popup flow after a grant pre-written into a manifest copy, plus the toolbar badge, the http confirm step and the look-alike warning (sites.chromium.test.ts)',
);

describe('enabling and removing a site through the real permission request (Firefox)', FIREFOX_ONLY, () => {
  let server: PracticeServer | undefined;
  let ff: LaunchedFirefox | undefined;
  let addon: FirefoxAddon | undefined;

  beforeAll(async () => {
    server = await startPracticeServer({ port: 0 });
    ff = await launchFirefox({ port: server.port });
    addon = await firefoxAddon(ff);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  const inBackground = (code: string) => addon!.inBackground(code);
  const hasPermission = async () => (await inBackground(`browser.permissions.contains({ origins: [${JSON.stringify(PATTERN)}] })`)) === true;
  const registered = async () =>
    JSON.parse(
      String(await inBackground(`browser.scripting.getRegisteredContentScripts().then((s) => JSON.stringify(s.map((x) => ({ id: x.id, matches: x.matches }))))`)),
    ) as { id: string; matches: string[] }[];
  const grantActiveTab = (url: string) => addon!.grantActiveTab(url);
  const openPopup = (tabId: number) => addon!.openPopup(tabId, '.site-access');
  const trustedClick = (popup: FirefoxPopup, selector: string) => addon!.trustedClick(popup, selector);

  test('"Use the guide on this site" asks for the origin in the click, the background registers the panel there as "enabled" with the chosen carrier; Remove gives the permission back and takes the panel away', async () => {
    const page: FirefoxE2EPage & { status: number | null } = await ff!.e2e.open(URL_ON_SITE);
    expect(page.status, URL_ON_SITE).toBe(200);
    await sleep(1500);
    expect((await page.queryPanel()).present, 'no panel before the user enables the site').toBe(false);
    expect(await hasPermission(), 'no access to the origin before the click').toBe(false);
    expect(await registered()).toEqual([]);

    const tabId = await grantActiveTab(URL_ON_SITE);
    const popup = await openPopup(tabId);
    expect(await popup.eval(`document.querySelector('[data-enable-origin]')?.getAttribute('data-enable-origin') ?? null`)).toBe(ORIGIN);

    // Pick the carrier (a change event: no gesture needed for that).
    await popup.eval(`(() => { const s = document.querySelector('[data-enable-carrier]'); s.value = 'cmhk'; s.dispatchEvent(new Event('change', { bubbles: true })); return s.value; })()`);
    await eventually(() => popup.eval(`document.querySelector('[data-enable-carrier]').value`), (v) => v === 'cmhk', 'carrier picked');

    // A script's click is not user input: Firefox refuses the request, the popup says so, nothing is registered.
    await popup.eval(`document.querySelector('[data-enable-site]').click()`);
    await eventually(() => popup.eval(`!!document.querySelector('.enable-site .notice[role="status"]')`), (v) => v === true, 'the popup reports the refusal');
    expect(await hasPermission(), 'no grant without a user gesture').toBe(false);
    expect(await registered()).toEqual([]);

    // The real click: permissions.request runs inside its gesture; Firefox grants without a prompt.
    await trustedClick(popup, '[data-enable-site]');
    await eventually(
      () => popup.eval(`!!document.querySelector('[data-enabled-origin="${ORIGIN}"][data-carrier="cmhk"]')`),
      (v) => v === true,
      'the popup lists the site with the chosen carrier',
    );
    expect(await hasPermission(), 'the origin permission was granted by the request').toBe(true);
    // Registered through scripting.registerContentScripts (contentScripts.register would not list them here).
    const scripts = await eventually(registered, (s) => s.length === 2, 'panel and guard registered');
    expect(scripts.map((s) => s.id).sort()).toEqual(['enabled-sites-guard', 'enabled-sites-panel']);
    for (const s of scripts) expect(s.matches).toEqual([PATTERN]);

    await page.reload();
    const state = await page.waitForPanel((s) => s.panel?.siteTrust === 'enabled');
    expect(state.panel?.carrier).toBe('cmhk');
    expect(state.shadowType).toBe('closed');
    const banner = await page.shadowElement('.trust');
    expect(banner?.text, 'the panel names the official address').toMatch(/www\.hk\.chinamobile\.com/);

    // Remove it from the popup's list (a trusted click again, though removal needs no gesture).
    await trustedClick(popup, `[data-remove-site="${ORIGIN}"]`);
    await eventually(() => popup.eval(`!!document.querySelector('[data-enabled-origin]')`), (v) => v === false, 'the site leaves the popup list');
    expect(await hasPermission(), 'the permission was given back').toBe(false);
    await eventually(registered, (s) => s.length === 0, 'scripts unregistered');

    await page.reload();
    await sleep(1500);
    expect((await page.queryPanel()).present, 'no panel after removal').toBe(false);
  });
});
