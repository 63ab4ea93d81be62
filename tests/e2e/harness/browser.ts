// One interface for both real browsers, so each end-to-end scenario has ONE body that runs in
// Chromium and in Firefox (issue 4, item 3). Everything a scenario reads comes back as plain data
// shaped like the Chromium reader's (tests/e2e/harness/shadow.ts): the same `PanelState`, the
// same `FieldKindElement`, the same `Box`. Node handles (CDP nodes, remote objects) never cross
// this interface; selectors do.
//
// Selectors: use compound selectors without combinators (`[data-step-id="sign-in"]`,
// `button[data-action=x]`): the Chromium reader matches those itself over CDP, Firefox uses
// `querySelector`, and both agree on that subset.
import {
  EXHAUST_STORAGE,
  RELEASE_STORAGE,
  eventually,
  releasedKeys,
  type BrowserName,
  type E2EBrowser,
  type E2EPage,
  type ElementInfo,
  type GotoOptions,
  type StorageFault,
} from './common';

export * from './common';

// ---------------------------------------------------------------------------------------------
// Launching either browser behind the same interface. The harness modules are imported lazily so
// a Firefox-only run never loads Playwright and a Chromium-only run never loads puppeteer.

export interface LaunchE2EOptions {
  /** The practice server's port on 127.0.0.1. */
  port: number;
  /** The practice certificate's SPKI hash (Chromium trusts only that key). */
  spki: string;
  /** Unpacked build; default .output/chrome-mv3 or .output/firefox-mv2. */
  extensionPath?: string;
  /** Chromium: developer mode on, so `chrome.runtime.reload()` brings the extension back (issue 7, item 6). */
  reloadable?: boolean;
  /**
   * Firefox: the storage quota of the whole browser in KiB (`dom.quotaManager.temporaryStorage.fixedLimit`),
   * so `exhaustExtensionStorage` fills the add-on's storage in a few MB rather than in a share of
   * the disk. Chromium needs nothing: `storage.local` has a fixed 10 MB quota there.
   */
  storageQuotaKiB?: number;
}

export async function launchE2E(name: BrowserName, options: LaunchE2EOptions): Promise<E2EBrowser> {
  if (name === 'firefox') {
    const { launchFirefox } = await import('./firefox');
    const prefs = options.storageQuotaKiB ? { 'dom.quotaManager.temporaryStorage.fixedLimit': options.storageQuotaKiB } : undefined;
    return (await launchFirefox({ port: options.port, extensionPath: options.extensionPath, prefs })).e2e;
  }
  return chromiumE2E(options);
}

/** The common interface over tests/e2e/harness/chromium.ts and shadow.ts (Playwright + CDP). */
export async function chromiumE2E(options: LaunchE2EOptions): Promise<E2EBrowser> {
  const { launchChromium } = await import('./chromium');
  const shadow = await import('./shadow');
  const launched = await launchChromium({ port: options.port, spki: options.spki, extensionPath: options.extensionPath, reloadable: options.reloadable });
  type PwPage = Awaited<ReturnType<typeof launched.context.newPage>>;
  type Node = Parameters<typeof shadow.textOf>[0];

  const describe = async (page: PwPage, node: Node | null): Promise<ElementInfo | null> => {
    if (!node) return null;
    return {
      tag: (node.localName ?? node.nodeName).toLowerCase(),
      attrs: shadow.attrs(node),
      text: shadow.textOf(node),
      box: await shadow.boxOf(page, node),
      checked: await shadow.readChecked(page, node),
    };
  };

  const wrap = (page: PwPage): E2EPage => {
    const load = (options: GotoOptions = {}) => ({ waitUntil: options.waitUntil ?? ('load' as const) });
    return {
      browserName: 'chromium',
      extensionStorage: () =>
        launched.serviceWorker.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<unknown> }> } }).chrome;
          const areas: Record<string, unknown> = {};
          for (const name of ['local', 'sync', 'session']) areas[name] = await c.storage[name]?.get(null);
          return JSON.stringify(areas);
        }),
      url: () => page.url(),
      goto: async (url, options) => (await page.goto(url, load(options)))?.status() ?? null,
      reload: async (options) => {
        await page.reload(load(options));
      },
      title: () => page.title(),
      close: () => page.close(),
      queryPanel: () => shadow.queryPanel(page),
      waitForPanel: (predicate, timeout) => shadow.waitForPanel(page, predicate, timeout),
      fieldKindElements: () => shadow.fieldKindElements(page),
      countFieldKind: () => shadow.countFieldKindOnPage(page),
      shadowElement: async (selector) => describe(page, await shadow.findInShadow(page, selector)),
      frameCallout: () => shadow.frameCallout(page),
      panelText: async () => {
        const guide = await shadow.findGuideHost(page);
        const panel = guide ? shadow.queryFirst(guide.root, '[data-guide-panel]') : null;
        return panel ? shadow.textOf(panel) : '';
      },
      clickInShadow: async (selector) => (await describe(page, await shadow.clickInShadow(page, selector)))!,
      pageElement: async (selector) => describe(page, await shadow.findInPage(page, selector)),
      focus: async (selector, options = {}) => {
        const frame = options.frame ? page.frames().find((f) => f !== page.mainFrame() && f.url().includes(options.frame!)) : page.mainFrame();
        if (!frame) throw new Error(`No frame whose URL contains ${JSON.stringify(options.frame)}`);
        await frame.focus(selector);
      },
      blur: async () => {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      },
      type: async (text, options = {}) => {
        await page.keyboard.type(text, { delay: options.delay });
      },
      press: async (key) => {
        await page.keyboard.press(key);
      },
      setViewport: async ({ width, height, touch = false }) => {
        await page.setViewportSize({ width, height });
        const session = await shadow.cdp(page);
        await session.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: touch });
        if (touch) await session.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      },
      evaluate: <T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A) =>
        // A string expression (CDP Runtime.evaluate) rather than eval in the page: no page CSP applies.
        page.evaluate(`(${fn.toString()})(...${JSON.stringify(args)})`) as Promise<T>,
      pageSeesShadowRoot: () => shadow.pageSeesShadowRoot(page),
      hostShadowRootIsNull: () => shadow.hostShadowRootIsNull(page),
      setExtensionStorage: async (json) => {
        await currentWorker().evaluate(async (items: string) => {
          const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome;
          await c.storage.local.set(JSON.parse(items));
        }, json);
      },
      extensionStorageItem: async (key) =>
        currentWorker().evaluate(async (k: string) => {
          const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
          return JSON.stringify((await c.storage.local.get(k))[k] ?? null);
        }, key),
      exhaustExtensionStorage: async () => JSON.parse(await currentWorker().evaluate(`(${EXHAUST_STORAGE})(chrome.storage.local)`)) as StorageFault,
      releaseExtensionStorage: async () => releasedKeys(await currentWorker().evaluate(`(${RELEASE_STORAGE})(chrome.storage.local)`)),
      stopBackground: async () => {
        const session = await shadow.cdp(page);
        const ours = `chrome-extension://${launched.extensionId}/`;
        const status = new Map<string, string>();
        const onUpdate = (event: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
          for (const v of event.versions) if (v.scriptURL.startsWith(ours)) status.set(v.versionId, v.runningStatus);
        };
        session.on('ServiceWorker.workerVersionUpdated', onUpdate);
        try {
          await session.send('ServiceWorker.enable');
          const running = () => [...status].filter(([, s]) => s === 'running' || s === 'starting').map(([id]) => id);
          await eventually(() => running().length > 0, Boolean, 'the extension worker listed as running');
          for (const versionId of running()) await session.send('ServiceWorker.stopWorker', { versionId });
          await eventually(() => running().length === 0 && status.size > 0, Boolean, 'the extension worker stopped');
        } finally {
          session.off('ServiceWorker.workerVersionUpdated', onUpdate);
          await session.send('ServiceWorker.disable').catch(() => undefined);
        }
      },
      recordConsole: async () => {
        const session = await shadow.cdp(page);
        const lines: string[] = [];
        type Arg = { value?: unknown; description?: string };
        session.on('Runtime.consoleAPICalled', (e: { type: string; args: Arg[] }) => {
          lines.push(`${e.type}: ${e.args.map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? ''))).join(' ')}`);
        });
        session.on('Runtime.exceptionThrown', (e: { exceptionDetails: { text: string; exception?: Arg } }) => {
          lines.push(`exception: ${e.exceptionDetails.text} ${e.exceptionDetails.exception?.description ?? ''}`);
        });
        session.on('Log.entryAdded', (e: { entry: { level: string; text: string } }) => lines.push(`${e.entry.level}: ${e.entry.text}`));
        await session.send('Runtime.enable');
        await session.send('Log.enable');
        return () => [...lines];
      },
      recordNetwork: async () => {
        const session = await shadow.cdp(page);
        const urls: string[] = [];
        session.on('Network.requestWillBeSent', (e: { request: { url: string } }) => urls.push(e.request.url));
        launched.context.on('request', (request) => {
          if (request.serviceWorker()) urls.push(`service-worker: ${request.url()}`);
        });
        await session.send('Network.enable');
        return () => [...urls];
      },
      audit: async (options) => (await import('./axe-chromium')).auditChromium(page, options),
      emulateColorScheme: async (scheme) => {
        await page.emulateMedia({ colorScheme: scheme });
      },
    };
  };

  /** The extension's live service worker (a reload replaces it). */
  const currentWorker = () => {
    const workers = launched.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${launched.extensionId}/`));
    return workers[workers.length - 1] ?? launched.serviceWorker;
  };

  return {
    name: 'chromium',
    extensionId: launched.extensionId,
    backgroundEvaluate: async <T>(expression: string) => {
      // Find a worker that answers (after an extension reload the old one is gone and a new one
      // starts); probing is harmless, so only the probe is retried, never the expression.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const worker = currentWorker();
        const alive = await worker.evaluate('1').then(() => true, () => false);
        if (alive) return (await worker.evaluate(expression)) as T;
        if (Date.now() > deadline) throw new Error('No live extension service worker');
        await launched.context.waitForEvent('serviceworker', { timeout: 2_000 }).catch(() => null);
      }
    },
    open: async (url, options) => {
      const page = await launched.context.newPage();
      const e2ePage = wrap(page);
      const status = await e2ePage.goto(url, options);
      return Object.assign(e2ePage, { status });
    },
    openExtensionPage: async (pathAndQuery) => {
      const page = await launched.context.newPage();
      await page.goto(`chrome-extension://${launched.extensionId}/${pathAndQuery.replace(/^\//, '')}`);
      return {
        url: () => page.url(),
        evaluate: async <T>(expression: string) => (await page.evaluate(expression)) as T,
        audit: async (options) => (await import('./axe-chromium')).auditChromium(page, { scope: 'document', ...options }),
        emulateColorScheme: async (scheme) => {
          await page.emulateMedia({ colorScheme: scheme });
        },
        close: () => page.close(),
      };
    },
    tabIdOf: async (url) => {
      const id = await currentWorker().evaluate(async (wanted: string) => {
        const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
        return (await c.tabs.query({})).find((t) => t.url === wanted)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`No tab at ${url}`);
      return id;
    },
    close: () => launched.close(),
  };
}
