// Real Firefox (Debian's firefox-esr) with the built extension, driven by puppeteer-core over
// WebDriver BiDi, and read inside the extension's content-script world over Firefox's remote
// debugging protocol (firefox-rdp.ts). The practice hostnames reach the practice server through a
// small CONNECT proxy on loopback (connect-proxy.ts), so URLs carry no port, as in Chromium; every
// other host is refused by the proxy, so the test browser never goes out.
//
// One fresh temporary profile per launch (puppeteer makes and removes it).
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { EXHAUST_STORAGE, RELEASE_STORAGE, pollPanel, releasedKeys, type E2EBrowser, type StorageFault, type E2EPage, type ElementInfo, type GotoOptions, type PanelState } from './common';
import { firefoxProxyPrefs, startConnectProxy, type ConnectProxy } from './connect-proxy';
import { addonDocument, addonDocuments, evaluateIn, FirefoxRdp, processTarget, RdpError, type RdpTab, type RdpTargetForm } from './firefox-rdp';
import type { AuditOptions } from './axe';
import { auditFirefox } from './axe-firefox';
import * as reader from './firefox-shadow';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv2');

/** The Firefox to drive: $FIREFOX_PATH, else Debian's firefox-esr, else a `firefox` on the usual paths. */
function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error(`No Firefox found (tried ${candidates.filter(Boolean).join(', ')}); set FIREFOX_PATH.`);
  return found;
}

/** Fail early, and say what to do, when the Firefox build is missing. */
export function assertFirefoxBuilt(extensionPath = FIREFOX_BUILD): void {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No Firefox extension build at ${extensionPath}. Run \`npx wxt build -b firefox\` (or \`npm test\`, which builds first).`);
  }
}

/** The add-on id the manifest declares (browser_specific_settings.gecko.id), if any. */
export function manifestGeckoId(extensionPath: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
      applications?: { gecko?: { id?: string } };
    };
    return manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id ?? null;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface LaunchFirefoxOptions {
  /** Unpacked build (or .zip/.xpi); default .output/firefox-mv2. */
  extensionPath?: string;
  /** The practice server's port on 127.0.0.1 (the proxy sends the practice hosts there). */
  port: number;
  /** Extra Firefox prefs, e.g. `{ 'intl.locale.requested': 'zh-HK' }`. */
  prefs?: Record<string, string | number | boolean>;
  /** Show the window (needs a display). Default headless. */
  headless?: boolean;
  viewport?: { width: number; height: number };
}

interface Timings {
  launchMs: number;
  installMs: number;
  rdpConnectMs: number;
  /** Set by the first successful content-script evaluation. */
  firstEvaluateMs?: number;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The installed add-on's id (the manifest's gecko id). */
  addonId: string;
  rdp: FirefoxRdp;
  proxy: ConnectProxy;
  timings: Timings;
  /** A new tab, tied to its debugger tab (watcher and targets cached). */
  newPage(): Promise<Page>;
  /**
   * Evaluate `code` (an expression; a returned promise is awaited) in the add-on's content-script
   * world of `page`'s top document. Return `JSON.stringify(...)` for anything but primitives.
   */
  evalInContentScript(page: Page, code: string, options?: { timeout?: number }): Promise<unknown>;
  /** The add-on's content-script target form in `page`'s top document, and that document's frame form. */
  contentScriptTarget(page: Page, options?: { timeout?: number }): Promise<{ target: RdpTargetForm; topFrame: RdpTargetForm | null }>;
  /** The reader context for firefox-shadow.ts's functions. */
  context(page: Page): reader.FirefoxPageContext;
  /** The common E2E interface (browser.ts) on top of this launch. */
  e2e: FirefoxE2EBrowser;
  close(): Promise<void>;
}

export async function launchFirefox(options: LaunchFirefoxOptions): Promise<LaunchedFirefox> {
  const extensionPath = options.extensionPath ?? FIREFOX_BUILD;
  assertFirefoxBuilt(extensionPath);
  const started = Date.now();
  const proxy = await startConnectProxy({ targetPort: options.port });
  const debuggerPort = await freePort();
  let browser: Browser | undefined;
  let rdp: FirefoxRdp | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: options.headless ?? true,
      // The practice certificate is self-signed; BiDi's session flag accepts it for this session only.
      acceptInsecureCerts: true,
      defaultViewport: options.viewport ?? { width: 1280, height: 800 },
      args: [`--start-debugger-server=${debuggerPort}`],
      extraPrefsFirefox: {
        ...firefoxProxyPrefs(proxy.port),
        'devtools.debugger.remote-enabled': true,
        'devtools.chrome.enabled': true,
        'devtools.debugger.prompt-connection': false,
        // Optional permissions are granted without a doorhanger, so the real request path runs.
        'extensions.webextOptionalPermissionPrompts': false,
        'extensions.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
        ...(options.prefs ?? {}),
      },
    });
    const launchMs = Date.now() - started;
    const addonId = await browser.installExtension(extensionPath);
    const installMs = Date.now() - started - launchMs;
    const declared = manifestGeckoId(extensionPath);
    if (declared && declared !== addonId) throw new Error(`Installed add-on id ${addonId} differs from the manifest's gecko id ${declared}`);
    rdp = await FirefoxRdp.connect(debuggerPort);
    const timings: Timings = { launchMs, installMs, rdpConnectMs: Date.now() - started - launchMs - installMs };

    const tabs = new WeakMap<Page, RdpTab>();
    const known = new Set((await rdp.listTabs()).map((t) => t.actor));
    let opening: Promise<unknown> = Promise.resolve();

    const launchedBrowser = browser;
    const launchedRdp = rdp;
    const newPage = (): Promise<Page> => {
      // One at a time: the new tab is the one descriptor listTabs did not show before.
      const next = opening.then(async () => {
        const page = await launchedBrowser.newPage();
        const deadline = Date.now() + 10_000;
        for (;;) {
          // Our own pages (the welcome page the add-on opens on install, pages a test opens through
          // the background) are not the blank tab asked for here.
          const fresh = (await launchedRdp.listTabs()).filter((t) => !known.has(t.actor) && !(t.url ?? '').startsWith('moz-extension://'));
          if (fresh.length === 1) {
            known.add(fresh[0]!.actor);
            tabs.set(page, await launchedRdp.tab(fresh[0]!));
            page.once('close', () => launchedRdp.forget(fresh[0]!.actor));
            return page;
          }
          if (fresh.length > 1) throw new Error(`Several new tabs appeared at once: ${fresh.map((t) => t.url).join(', ')}`);
          if (Date.now() > deadline) throw new Error('The new tab did not appear in the debugger server list');
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      opening = next.catch(() => {});
      return next;
    };

    const tabOf = (page: Page): RdpTab => {
      const tab = tabs.get(page);
      if (!tab) throw new Error('This page was not opened with newPage() of the Firefox harness');
      return tab;
    };

    const evalInContentScript = async (page: Page, code: string, { timeout = 10_000 } = {}): Promise<unknown> => {
      const tab = tabOf(page);
      const target = await tab.contentScriptTarget(addonId, { url: page.url(), timeout });
      const value = await evaluateIn(launchedRdp.connection, target, code, { timeout: Math.max(timeout, 15_000) });
      timings.firstEvaluateMs ??= Date.now() - started;
      return value;
    };

    const contentScriptTarget = async (page: Page, { timeout = 10_000 } = {}) => {
      const tab = tabOf(page);
      const target = await tab.contentScriptTarget(addonId, { url: page.url(), timeout });
      return { target, topFrame: tab.topFrame() };
    };

    const context = (page: Page): reader.FirefoxPageContext => ({
      page,
      evalContent: async (code, { timeout = 2_000 } = {}) => {
        try {
          return await evalInContentScript(page, code, { timeout });
        } catch (error) {
          // "No content script of add-on …" (or no document at that URL yet): nothing of ours runs there.
          if (error instanceof RdpError && /^No (content script|top-level document)/.test(error.message)) return null;
          throw error;
        }
      },
      evalContentInFrames: async (code) => {
        const tab = tabOf(page);
        const results: unknown[] = [];
        for (const target of tab.frameContentScripts(addonId)) {
          try {
            results.push(await evaluateIn(launchedRdp.connection, target, code));
          } catch {
            // the frame went away meanwhile
          }
        }
        return results;
      },
    });

    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      launchedRdp.close();
      await launchedBrowser.close().catch(() => {});
      await proxy.close();
    };

    const launched: LaunchedFirefox = {
      browser,
      addonId,
      rdp,
      proxy,
      timings,
      newPage,
      evalInContentScript,
      contentScriptTarget,
      context,
      e2e: undefined as unknown as FirefoxE2EBrowser,
      close,
    };
    launched.e2e = firefoxE2E(launched);
    return launched;
  } catch (error) {
    rdp?.close();
    await browser?.close().catch(() => {});
    await proxy.close();
    throw error;
  }
}

/** An E2EPage plus Firefox-only handles (for harness tests; shared scenarios must not need them). */
export interface FirefoxE2EPage extends E2EPage {
  readonly puppeteerPage: Page;
  /** Evaluate an expression in the add-on's content-script world of the top document. */
  evalInContentScript(code: string): Promise<unknown>;
}

interface FirefoxE2EBrowser extends E2EBrowser {
  open(url: string, options?: GotoOptions): Promise<FirefoxE2EPage & { status: number | null }>;
}

/** The common E2E interface (browser.ts) for a launched Firefox. */
function firefoxE2E(launched: Pick<LaunchedFirefox, 'addonId' | 'newPage' | 'context' | 'close' | 'evalInContentScript' | 'rdp'>): FirefoxE2EBrowser {
  // The add-on's background page, where progress's one writer runs (found on first use): the
  // storage fault is made there, where the writes it must refuse come from (browser.ts).
  let background: Promise<RdpTargetForm> | null = null;
  const inBackground = async (code: string, timeout: number): Promise<unknown> => {
    background ??= addonDocuments(launched.rdp.connection, launched.addonId).then((documents) =>
      addonDocument(documents, (url) => url.startsWith('moz-extension://') && url.endsWith('/_generated_background_page.html')),
    );
    return evaluateIn(launched.rdp.connection, await background, code, { timeout });
  };
  const wrap = (page: Page): FirefoxE2EPage => {
    const ctx = launched.context(page);
    const goto = async (url: string, options: GotoOptions = {}) => {
      const response = await page.goto(url, { waitUntil: options.waitUntil === 'domcontentloaded' ? 'domcontentloaded' : 'load' });
      return response?.status() ?? null;
    };
    const frameFor = (substring?: string) => {
      if (!substring) return page.mainFrame();
      const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(substring));
      if (!frame) throw new Error(`No frame whose URL contains ${JSON.stringify(substring)} (frames: ${page.frames().map((f) => f.url()).join(', ')})`);
      return frame;
    };
    return {
      browserName: 'firefox',
      puppeteerPage: page,
      evalInContentScript: (code: string) => launched.evalInContentScript(page, code),
      url: () => page.url(),
      goto,
      reload: async (options: GotoOptions = {}) => {
        await page.reload({ waitUntil: options.waitUntil === 'domcontentloaded' ? 'domcontentloaded' : 'load' });
      },
      title: () => page.title(),
      close: () => page.close(),
      queryPanel: () => reader.queryPanel(ctx),
      waitForPanel: (predicate?: (state: PanelState) => boolean, timeout?: number) => pollPanel(() => reader.queryPanel(ctx), () => page.url(), predicate, timeout),
      fieldKindElements: () => reader.fieldKindElements(ctx),
      countFieldKind: () => reader.countFieldKindOnPage(ctx),
      shadowElement: (selector: string): Promise<ElementInfo | null> => reader.findInShadow(ctx, selector),
      frameCallout: () => reader.frameCallout(ctx),
      panelText: () => reader.panelText(ctx),
      clickInShadow: (selector: string) => reader.clickInShadow(ctx, selector),
      pageElement: (selector: string) => reader.findInPage(ctx, selector),
      focus: async (selector: string, options: { frame?: string } = {}) => {
        // Plain evaluation in the page's world: puppeteer's waitForSelector/focus go through its
        // utility sandbox, which fails in Firefox ESR 153 over BiDi ("Not allowed to define
        // cross-origin object as property on [Object] or [Array] XrayWrapper").
        const deadline = Date.now() + 10_000;
        for (;;) {
          const frame = frameFor(options.frame);
          const done = await frame
            .evaluate((sel: string) => {
              const el = document.querySelector(sel) as HTMLElement | null;
              if (!el) return false;
              el.focus();
              return true;
            }, selector)
            .catch(() => false);
          if (done) return;
          if (Date.now() > deadline) throw new Error(`focus: nothing matches ${selector} in ${frame.url()}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      blur: async () => {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      },
      type: async (text: string, options: { delay?: number } = {}) => {
        await page.keyboard.type(text, { delay: options.delay });
      },
      press: async (chord: string) => {
        const keys = chord.split('+') as Parameters<typeof page.keyboard.press>[0][];
        const last = keys.pop()!;
        for (const k of keys) await page.keyboard.down(k);
        await page.keyboard.press(last);
        for (const k of keys.reverse()) await page.keyboard.up(k);
      },
      setViewport: async ({ width, height }: { width: number; height: number; touch?: boolean }) => {
        await page.setViewport({ width, height });
      },
      evaluate: <T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A) =>
        page.evaluate(fn as (...a: unknown[]) => T | Promise<T>, ...(args as unknown[])) as Promise<T>,
      pageSeesShadowRoot: () => reader.pageSeesShadowRoot(ctx),
      hostShadowRootIsNull: () => reader.hostShadowRootIsNull(ctx),
      // From the content script's world: it reaches local and sync (session is the background's alone in Firefox).
      extensionStorage: async () =>
        String(
          await launched.evalInContentScript(
            page,
            `(async () => JSON.stringify({ local: await browser.storage.local.get(null), sync: await browser.storage.sync.get(null).catch(() => null) }))()`,
          ),
        ),
      setExtensionStorage: async (json: string) => {
        await launched.evalInContentScript(page, `browser.storage.local.set(JSON.parse(${JSON.stringify(json)})).then(() => 'ok')`);
      },
      extensionStorageItem: async (key: string) =>
        String(
          await launched.evalInContentScript(
            page,
            `browser.storage.local.get(${JSON.stringify(key)}).then((r) => JSON.stringify(r[${JSON.stringify(key)}] ?? null))`,
          ),
        ),
      exhaustExtensionStorage: async () =>
        JSON.parse(String(await inBackground(`(${EXHAUST_STORAGE})(browser.storage.local)`, 120_000))) as StorageFault,
      releaseExtensionStorage: async () => releasedKeys(await inBackground(`(${RELEASE_STORAGE})(browser.storage.local)`, 30_000)),
      stopBackground: async () => {
        throw new Error("Firefox's MV2 background page is persistent: there is no worker to stop");
      },
      recordConsole: async () => {
        const lines: string[] = [];
        page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
        page.on('pageerror', (error) => lines.push(`exception: ${String(error)}`));
        return () => [...lines];
      },
      audit: (options?: AuditOptions) => auditFirefox((code) => launched.evalInContentScript(page, code), page.url(), options),
      emulateColorScheme: (scheme: 'light' | 'dark') => setContentColorScheme(scheme),
    };
  };
  /** Firefox's content colour-scheme override (0 dark, 1 light), set in the parent process: every tab follows it at once. */
  const setContentColorScheme = async (scheme: 'light' | 'dark') => {
    const parent = await processTarget(launched.rdp.connection, 0);
    await evaluateIn(launched.rdp.connection, parent, `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);
  };
  let documents: Promise<RdpTab> | null = null;
  return {
    name: 'firefox',
    extensionId: launched.addonId,
    openExtensionPage: async (pathAndQuery: string) => {
      documents ??= addonDocuments(launched.rdp.connection, launched.addonId);
      const path = `/${pathAndQuery.replace(/^\//, '')}`;
      // SET-UP: BiDi refuses to navigate to moz-extension: URLs; the background opens the tab.
      const tabId = Number(await inBackground(`browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(path)}) }).then((t) => t.id)`, 15_000));
      const doc = await addonDocument(await documents, (url) => url.endsWith(path));
      const evaluate = async <T>(expression: string) => (await evaluateIn(launched.rdp.connection, doc, expression)) as T;
      return {
        url: () => doc.url ?? path,
        evaluate,
        audit: (options?: AuditOptions) => auditFirefox(evaluate, doc.url ?? path, { scope: 'document', ...options }),
        emulateColorScheme: setContentColorScheme,
        close: async () => {
          await inBackground(`browser.tabs.remove(${tabId}).then(() => 'closed')`, 15_000);
        },
      };
    },
    tabIdOf: async (url: string) => {
      const id = Number(await inBackground(`browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? -1)`, 15_000));
      if (id < 0) throw new Error(`No tab at ${url} (or the add-on may not read its address)`);
      return id;
    },
    open: async (url: string, options?: GotoOptions) => {
      const page = await launched.newPage();
      const e2ePage = wrap(page);
      const status = await e2ePage.goto(url, options);
      return Object.assign(e2ePage, { status });
    },
    close: () => launched.close(),
  };
}
