// The extension's own pages (issue 14), ONE body each, in real Chromium (pages.chromium.test.ts)
// and real Firefox (pages.firefox.test.ts): the welcome page opens on install and shows the whole
// guide for a chosen carrier and route; the language chosen there is the pages' language; the
// settings page asks before it turns the guide off, says what keeps watching, and does exactly that
// (no panel on an official practice page, "off" on the toolbar icon and in the popup, the field
// guard still warns); turning back on restores it; field warnings have their own switch; the popup
// turns the guide off on one site after asking (issue 12 moved it there from the panel's menu).
//
// Extension pages are driven through a small per-browser adapter: Chromium opens them as pages
// (CDP); Firefox's BiDi refuses moz-extension URLs, so its background opens the tab and the page is
// read and clicked over Firefox's remote debugging protocol (as tests/e2e/sites.firefox.test.ts does).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pagesTexts from '../../../assets/i18n/pages.json';
import { startPracticeServer, type PracticeServer } from '../../../scripts/practice-server.mjs';
import { GUIDE, shownCarrier } from '../../../utils/guide';
import { localize } from '../../../utils/language';
import { stepText } from '../../../utils/route';
import { eventually, launchE2E, sleep, type BrowserName, type E2EBrowser, type E2EPage } from '../harness/browser';

const CMHK = 'https://www.hk.chinamobile.com';
/** How long a page gets to show a panel before we conclude it has none (the panel mounts asynchronously). */
const ABSENCE_WAIT_MS = 3_000;

/** A function run in an extension page: it gets its arguments and returns something JSON can carry. */
type PageFn<A extends unknown[], T> = (...args: A) => T;

interface ExtPage {
  run<A extends unknown[], T>(fn: PageFn<A, T>, ...args: A): Promise<T>;
  close(): Promise<void>;
}

interface Harness {
  e2e: E2EBrowser;
  /** Evaluate an expression in the background (`api` is the extension API object); JSON comes back parsed. */
  bg<T>(expression: string): Promise<T>;
  openExtPage(path: string): Promise<ExtPage>;
  close(): Promise<void>;
}

const API = `(globalThis.browser ?? globalThis.chrome)`;

async function chromiumHarness(port: number, spki: string): Promise<Harness> {
  const e2e = await launchE2E('chromium', { port, spki });
  return {
    e2e,
    bg: async <T>(expression: string) => JSON.parse(String(await e2e.backgroundEvaluate!(`(async (api) => JSON.stringify((await (${expression})) ?? null))(${API})`))) as T,
    async openExtPage(path) {
      const page: E2EPage = await e2e.open(`chrome-extension://${e2e.extensionId}${path}`);
      return {
        run: (fn, ...args) => page.evaluate(fn, ...args),
        close: () => page.close(),
      };
    },
    close: () => e2e.close(),
  };
}

async function firefoxHarness(port: number): Promise<Harness> {
  const { launchFirefox } = await import('../harness/firefox');
  const { addonDocument, addonDocuments, evaluateIn } = await import('../harness/firefox-rdp');
  const ff = await launchFirefox({ port });
  const documents = await addonDocuments(ff.rdp.connection, ff.addonId);
  const background = await addonDocument(documents, (url) => url.startsWith('moz-extension://') && url.endsWith('/_generated_background_page.html'));
  const bg = async <T>(expression: string) =>
    JSON.parse(String(await evaluateIn(ff.rdp.connection, background, `(async (api) => JSON.stringify((await (${expression})) ?? null))(${API})`))) as T;
  let opened = 0;
  return {
    e2e: ff.e2e,
    bg,
    async openExtPage(path) {
      // A marker in the hash tells this tab's document apart from others of the same page.
      const mark = `e2e-${++opened}`;
      const url = `${path}${path.includes('#') ? '' : `#${mark}`}`;
      // SET-UP: BiDi refuses to navigate to moz-extension URLs; the background opens the tab.
      const tabId = await bg<number>(`api.tabs.create({ url: api.runtime.getURL(${JSON.stringify(url)}) }).then((t) => t.id)`);
      const doc = await addonDocument(documents, (u) => u.endsWith(url));
      return {
        run: async (fn, ...args) => {
          const code = `(async () => JSON.stringify(await (${fn.toString()})(...${JSON.stringify(args)})))()`;
          const out = await evaluateIn(ff.rdp.connection, doc, code);
          return (out === undefined ? undefined : JSON.parse(String(out))) as never;
        },
        close: () => bg(`api.tabs.remove(${tabId})`).then(() => undefined),
      };
    },
    close: () => ff.close(),
  };
}

// In-page helpers (they run inside the extension page: only their arguments come in).
const textOf = (selector: string) => document.querySelector(selector)?.textContent ?? null;
const exists = (selector: string) => document.querySelector(selector) !== null;
const click = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector);
  el?.click();
  return !!el;
};
const choose = (selector: string, value: string) => {
  const el = document.querySelector<HTMLSelectElement>(selector);
  if (!el) return false;
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
};
const docLang = () => document.documentElement.lang;

const T = pagesTexts as Record<string, Record<string, string>>;

export function definePagesScenarios(browserName: BrowserName): void {
  describe(`the extension's pages (${browserName})`, () => {
    let server: PracticeServer | undefined;
    let h: Harness | undefined;

    beforeAll(async () => {
      server = await startPracticeServer({ port: 0 });
      h = browserName === 'chromium' ? await chromiumHarness(server.port, server.certSpki) : await firefoxHarness(server.port);
    });
    afterAll(async () => {
      await h?.close();
      await server?.close();
    });

    const wait = <T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string) => eventually(probe, ok, what);
    const settings = () => h!.bg<Record<string, unknown>>(`api.storage.local.get(null).then((all) => Object.values(all).find((v) => v && v.settings)?.settings ?? null)`);
    const tabIdOf = (url: string) => h!.bg<number>(`api.tabs.query({}).then((ts) => ts.find((t) => (t.url ?? '').startsWith(${JSON.stringify(url)}))?.id ?? -1)`);
    const badgeOf = (tabId: number) => h!.bg<string>(`(api.action ?? api.browserAction).getBadgeText({ tabId: ${tabId} })`);

    test('a fresh install opens the welcome page, once', async () => {
      // A tab context that is still being created has no document address yet: it is skipped, not fatal.
      const tabs = () =>
        h!.bg<string[]>(
          `(api.extension?.getViews ? Promise.resolve(api.extension.getViews({ type: 'tab' }).map((w) => w.location.pathname)) : api.runtime.getContexts({ contextTypes: ['TAB'] }).then((c) => c.flatMap((x) => { try { return [new URL(x.documentUrl).pathname]; } catch { return []; } })))`,
        );
      const open = await wait(tabs, (paths) => paths.includes('/welcome.html'), 'the welcome page among the extension tabs');
      expect(open.filter((p) => p === '/welcome.html')).toHaveLength(1);
    });

    test('the welcome page shows the whole guide for the chosen carrier and route, and the language chosen there is the pages\' language', async () => {
      const welcome = await h!.openExtPage('/welcome.html');
      try {
        await wait(() => welcome.run(exists, '[data-guide-carrier]'), Boolean, 'the guide reader');
        // What it does and does not do, the shortcut (or that there is none), privacy, the mark's lesson.
        const body = (await welcome.run(textOf, 'body'))!;
        for (const key of ['doesTitle', 'doesNotTitle', 'privacyTitle', 'shortcutTitle', 'markLesson']) expect(body).toContain(T[key]!.en);
        expect(await welcome.run(exists, '[data-shortcut]')).toBe(true);

        expect(await welcome.run(choose, '[data-guide-carrier]', 'cmhk')).toBe(true);
        expect(await welcome.run(choose, '[data-guide-route]', 'shop')).toBe(true);
        await wait(() => welcome.run(exists, '.guide[data-carrier="cmhk"][data-route="shop"]'), Boolean, 'CMHK, shop route');
        const cmhk = shownCarrier('cmhk');
        for (const step of GUIDE.steps) {
          const text = await welcome.run(textOf, `[data-step-id="${step.id}"]`);
          expect(text, step.id).toContain(localize(stepText(GUIDE, cmhk, step, 'shop').title, 'en'));
          expect(text, step.id).toContain(localize(stepText(GUIDE, cmhk, step, 'shop').do, 'en').split('\n')[0]!);
        }
        for (const account of GUIDE.tied) expect(await welcome.run(exists, `[data-tied-account="${account.id}"]`), account.id).toBe(true);
        for (const caution of GUIDE.cautions) expect(body + (await welcome.run(textOf, 'body'))).toContain(localize(caution.text, 'en'));

        // The language: chosen on the welcome page, kept in settings, spoken by every page.
        expect(await welcome.run(choose, '#language-choice', 'zh-Hant')).toBe(true);
        await wait(() => welcome.run(docLang), (l) => l === 'zh-Hant', 'the welcome page in zh-Hant');
        expect(await welcome.run(textOf, 'h1')).toBe(T.welcomeTitle!['zh-Hant']);
        await wait(settings, (s) => s?.language === 'zh-Hant', 'the language saved in settings');
        for (const path of ['/options.html', '/popup.html']) {
          const other = await h!.openExtPage(path);
          try {
            await wait(() => other.run(docLang), (l) => l === 'zh-Hant', `${path} in zh-Hant`);
          } finally {
            await other.close();
          }
        }
        expect(await welcome.run(choose, '#language-choice', '')).toBe(true);
        await wait(settings, (s) => s?.language === null, 'automatic language again');
      } finally {
        await welcome.close();
      }
    });

    test('settings: turning the guide off asks first, says what keeps watching, and does exactly that; turning it back on restores it', async () => {
      const options = await h!.openExtPage('/options.html');
      const page = await h!.e2e.open(`${CMHK}/tc/refill`);
      try {
        expect(page.status).toBe(200);
        await page.waitForPanel((s) => s.panel !== null);
        const tabId = await tabIdOf(`${CMHK}/tc/refill`);
        expect(tabId).toBeGreaterThanOrEqual(0);
        await wait(() => badgeOf(tabId), (b) => b === '✓', 'the official badge');

        await wait(() => options.run(exists, '[data-guide-off]'), Boolean, 'the settings page');
        expect(await options.run(click, '[data-guide-off]')).toBe(true);
        await wait(() => options.run(exists, '[data-confirm="guide-off"]'), Boolean, 'the confirmation');
        const ask = (await options.run(textOf, '[data-confirm="guide-off"]'))!;
        expect(ask).toMatch(/stop showing on every carrier site/);
        expect(ask).toMatch(/Field warnings keep watching/);
        expect(ask).toMatch(/Turn the guide back on/);
        // Nothing stopped yet: only the question.
        expect((await settings())?.disabledEverywhere ?? false).toBe(false);
        expect(await options.run(click, '[data-confirm-yes="guide-off"]')).toBe(true);
        await wait(() => options.run(exists, '[data-guide-state="off"]'), Boolean, 'the settings page says off');
        expect((await settings())?.disabledEverywhere).toBe(true);

        // The panel is gone from the official page; the toolbar icon says off.
        await page.reload();
        await sleep(ABSENCE_WAIT_MS);
        expect((await page.queryPanel()).panel, 'no panel while the guide is off').toBeNull();
        await wait(() => badgeOf(tabId), (b) => b === 'off', 'the badge says off');
        // As the switch said: the field guard still warns beside a card-number box.
        await page.focus('#card-number');
        await wait(async () => (await page.shadowElement('[data-callout-kind="card-number"]')) !== null, Boolean, 'the field warning still shown');
        await page.blur();

        // The popup says off, with the way back on.
        const popup = await h!.openExtPage(`/popup.html?tabId=${tabId}`);
        try {
          await wait(() => popup.run(exists, '[data-guide-off="everywhere"]'), Boolean, 'the popup says off');
          expect(await popup.run(click, '[data-guide-on]')).toBe(true);
          await wait(() => popup.run(exists, '[data-guide-off]'), (v) => v === false, 'the popup says on again');
        } finally {
          await popup.close();
        }
        await wait(settings, (s) => s?.disabledEverywhere === false, 'on again in settings');
        await page.waitForPanel((s) => s.panel !== null);
        await wait(() => badgeOf(tabId), (b) => b === '✓', 'the official badge again');
        await wait(() => options.run(exists, '[data-guide-state="on"]'), Boolean, 'the settings page says on');
      } finally {
        await page.close();
        await options.close();
      }
    });

    test('popup: turning the guide off on this site asks first and does exactly that; the settings page lists the site with the way back on', async () => {
      const host = new URL(CMHK).hostname;
      const page = await h!.e2e.open(`${CMHK}/tc/refill`);
      const options = await h!.openExtPage('/options.html');
      try {
        await page.waitForPanel((s) => s.panel !== null);
        const tabId = await tabIdOf(`${CMHK}/tc/refill`);
        const popup = await h!.openExtPage(`/popup.html?tabId=${tabId}`);
        try {
          await wait(() => popup.run(exists, '[data-turn-off-site]'), Boolean, 'the popup offers to turn off on this site');
          expect(await popup.run(click, '[data-turn-off-site]')).toBe(true);
          await wait(() => popup.run(exists, '[data-confirm="site-off"]'), Boolean, 'the question');
          const ask = (await popup.run(textOf, '[data-confirm="site-off"]'))!;
          expect(ask).toMatch(/stop showing on this site/);
          expect(ask).toMatch(/Field warnings keep watching/);
          expect(ask).toMatch(/Turn the guide back on/);
          // Nothing stopped yet: only the question, and the panel still there.
          expect((await settings())?.disabledHosts ?? []).not.toContain(host);
          expect((await page.queryPanel()).panel).not.toBeNull();
          expect(await popup.run(click, '[data-confirm-yes="site-off"]')).toBe(true);
          await wait(settings, (s) => Array.isArray(s?.disabledHosts) && (s.disabledHosts as string[]).includes(host), 'the site in disabledHosts');
          await wait(() => popup.run(exists, '[data-guide-off="site"]'), Boolean, 'the popup says off on this site');
        } finally {
          await popup.close();
        }
        // The open page's panel goes at once; the toolbar icon says off; everywhere stays on.
        await wait(async () => (await page.queryPanel()).panel, (p) => p === null, 'the panel gone from the page');
        await wait(() => badgeOf(tabId), (b) => b === 'off', 'the badge says off');
        expect((await settings())?.disabledEverywhere).toBe(false);

        // The settings page lists the site, with the way back on.
        const row = `[data-off-host="${host}"] button`;
        await wait(() => options.run(exists, row), Boolean, 'the site listed on the settings page');
        expect(await options.run(click, row)).toBe(true);
        await wait(settings, (s) => Array.isArray(s?.disabledHosts) && !(s.disabledHosts as string[]).includes(host), 'the site on again');
        await page.reload();
        await page.waitForPanel((s) => s.panel !== null);
      } finally {
        await page.close();
        await options.close();
      }
    });

    test('settings: field warnings have their own switch, asked before, honoured by the guard, and undone', async () => {
      const options = await h!.openExtPage('/options.html');
      const page = await h!.e2e.open(`${CMHK}/tc/refill`);
      try {
        await page.waitForPanel((s) => s.panel !== null);
        await wait(() => options.run(exists, '[data-field-off]'), Boolean, 'the field switch');
        expect(await options.run(click, '[data-field-off]')).toBe(true);
        await wait(() => options.run(exists, '[data-confirm="field-off"]'), Boolean, 'the confirmation');
        expect(await options.run(textOf, '[data-confirm="field-off"]')).toMatch(/No warning will appear/);
        expect((await settings())?.fieldWarnings ?? true).toBe(true);
        expect(await options.run(click, '[data-confirm-yes="field-off"]')).toBe(true);
        await wait(settings, (s) => s?.fieldWarnings === false, 'field warnings off');

        await page.reload();
        await page.waitForPanel((s) => s.panel !== null);
        await page.focus('#card-number');
        await sleep(1_500);
        expect(await page.shadowElement('[data-callout-kind]'), 'no callout').toBeNull();
        expect(await page.countFieldKind(), 'no field message').toBe(0);
        await page.blur();

        expect(await options.run(click, '[data-field-on]')).toBe(true);
        await wait(settings, (s) => s?.fieldWarnings === true, 'field warnings on');
        await page.reload();
        await page.waitForPanel((s) => s.panel !== null);
        await page.focus('#card-number');
        await wait(() => page.countFieldKind(), (n) => n === 1, 'the field message again');
      } finally {
        await page.close();
        await options.close();
      }
    });
  });
}
