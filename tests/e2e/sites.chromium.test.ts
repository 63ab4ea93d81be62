// End-to-end in real Chromium (issue 5): enabling and removing a site from the popup, and the
// look-alike warning on a page served under a look-alike hostname.
//
// What Chromium covers, and what it cannot: automation cannot answer Chromium's permission
// prompt, and a browser cannot be launched with an optional permission already granted. So these
// tests load a COPY of the built extension whose manifest also lists, as required host access,
// exactly what the prompt would have granted (`https://practice.example/*`, or `*://*/*`). With
// that, `permissions.request` resolves true at once, and everything after the grant is the real
// code: the popup's click handlers, the background's messages, `scripting.registerContentScripts`,
// the registered panel and guard, the probe, the background's look-alike verdict, the injected
// panel, the toolbar badge, and removal. The prompt path itself (request → onAdded → registration)
// is covered by tests/e2e/sites.firefox.test.ts (Firefox grants without a prompt under a pref) and
// by the background unit tests.
import { rmSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../scripts/practice-server.mjs';
import { oneBrowserOnly } from './scenarios/one-browser';
import { launchChromium, type LaunchedChromium } from './harness/chromium';
import { grantedCopy } from './harness/granted';
import { eventually, sleep } from './harness/browser';
import { queryPanel, textOf, findInShadow, waitForPanel } from './harness/shadow';

// The service worker's `chrome` global, as far as these tests use it (they run in Node, without chrome types).
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};


function useGrantedBrowser(grant: string[]) {
  let server: PracticeServer | undefined;
  let launched: LaunchedChromium | undefined;
  let copy: string | undefined;
  beforeAll(async () => {
    copy = grantedCopy(grant);
    server = await startPracticeServer({ port: 0 });
    launched = await launchChromium({ port: server.port, spki: server.certSpki, extensionPath: copy });
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });
  return () => launched!;
}

async function open(b: LaunchedChromium, url: string): Promise<Page> {
  const page = await b.context.newPage();
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), url).toBe(200);
  return page;
}

async function tabIdOf(sw: Worker, url: string): Promise<number> {
  const id = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
  expect(id, `tab id of ${url}`).not.toBeNull();
  return id as number;
}

const registeredIds = (sw: Worker) => sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort());
const badgeText = (sw: Worker, tabId: number) => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);


/** The popup, in a tab of its own, about the tab `tabId`. */
async function openPopup(b: LaunchedChromium, tabId: number): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('.site-access');
  return popup;
}

const CHROMIUM_ONLY = oneBrowserOnly(
  'chromium',
  'Chromium cannot answer the permission prompt, so these tests pre-grant it in a manifest copy; the real prompt path (trusted click → permissions.request → onAdded → registration) runs in Firefox, which grants optional permissions without a prompt under a pref (sites.firefox.test.ts)',
);

describe('enabling and removing a site (Chromium)', CHROMIUM_ONLY, () => {
  const browser = useGrantedBrowser(['*://practice.example/*']);

  test('"Use the guide on this site" registers the panel there as "enabled" with the chosen carrier; remove takes it away', async () => {
    const b = browser();
    const url = 'https://practice.example/tc/login.html';
    const page = await open(b, url);
    await sleep(1500);
    expect((await queryPanel(page)).present, 'no panel before the user enables the site').toBe(false);
    const tabId = await tabIdOf(b.serviceWorker, url);

    const popup = await openPopup(b, tabId);
    expect(await popup.getAttribute('[data-enable-origin]', 'data-enable-origin')).toBe('https://practice.example');
    await popup.selectOption('[data-enable-carrier]', 'cmhk');
    await popup.click('[data-enable-site]'); // no risk on this host: no confirm step
    await popup.waitForSelector('[data-enabled-origin="https://practice.example"][data-carrier="cmhk"]');
    expect(await registeredIds(b.serviceWorker)).toEqual(['enabled-sites-guard', 'enabled-sites-panel']);

    await page.reload({ waitUntil: 'load' });
    const state = await waitForPanel(page, (s) => s.panel?.siteTrust === 'enabled');
    expect(state.panel?.carrier).toBe('cmhk');
    expect(state.shadowType).toBe('closed');
    const banner = await findInShadow(page, '.trust');
    expect(banner && textOf(banner)).toMatch(/www\.hk\.chinamobile\.com/);
    await eventually(() => badgeText(b.serviceWorker, tabId), (t) => t === '•', 'badge for an enabled site');

    // Remove it from the popup's list.
    await popup.reload();
    await popup.waitForSelector('[data-remove-site="https://practice.example"]');
    await popup.click('[data-remove-site="https://practice.example"]');
    await popup.waitForSelector('[data-enabled-origin]', { state: 'detached' });
    expect(await registeredIds(b.serviceWorker)).toEqual([]);
    await page.reload({ waitUntil: 'load' });
    await sleep(1500);
    expect((await queryPanel(page)).present, 'no panel after removal').toBe(false);
  });

  test('an http page needs the explicit confirm step', async () => {
    const b = browser();
    const url = 'http://practice.example/tc/index.html';
    const page = await open(b, url);
    const popup = await openPopup(b, await tabIdOf(b.serviceWorker, url));
    await popup.click('[data-enable-site]');
    const risk = await popup.waitForSelector('[role="alert"][data-enable-risk]');
    expect(await risk.getAttribute('data-enable-risk')).toBe('http');
    expect(await registeredIds(b.serviceWorker)).toEqual([]);
    await page.close();
    await popup.close();
  });
});

describe('look-alike warning (Chromium)', CHROMIUM_ONLY, () => {
  const browser = useGrantedBrowser(['*://*/*']);

  test('with the setting on, a page under a look-alike host gets data-site-trust="suspicious"; off, nothing of ours runs', async () => {
    const b = browser();
    const sw = b.serviceWorker;
    const official = await open(b, 'https://www.hk.chinamobile.com/tc/index.html');
    const popup = await openPopup(b, await tabIdOf(sw, 'https://www.hk.chinamobile.com/tc/index.html'));
    await popup.click('[data-lookalike-setting]');
    await eventually(() => registeredIds(sw), (ids) => ids.includes('lookalike-probe'), 'probe registered');
    expect(await popup.isChecked('[data-lookalike-setting]')).toBe(true);

    const url = 'https://www.hk-chinamobile.com/tc/login.html';
    const fake = await open(b, url);
    const state = await waitForPanel(fake, (s) => s.panel?.siteTrust === 'suspicious');
    expect(state.panel?.carrier).toBe('cmhk');
    const banner = await findInShadow(fake, '.trust');
    const text = banner ? textOf(banner) : '';
    expect(text).toContain('www.hk.chinamobile.com');
    expect(text).toContain('12580');
    const tabId = await tabIdOf(sw, url);
    expect(await eventually(() => badgeText(sw, tabId), (t) => t === '!', 'red badge')).toBe('!');

    // The official site is still official (the probe never runs there).
    await official.reload({ waitUntil: 'load' });
    expect((await waitForPanel(official)).panel?.siteTrust).toBe('official');

    // Off: the probe goes, and the look-alike page gets nothing of ours.
    await popup.click('[data-lookalike-setting]');
    await eventually(() => registeredIds(sw), (ids) => !ids.includes('lookalike-probe'), 'probe unregistered');
    await fake.reload({ waitUntil: 'load' });
    await sleep(2000);
    expect((await queryPanel(fake)).present).toBe(false);
  });
});
