// Test set-up in real Firefox that reaches past the page: the add-on's background page, the
// popup in a tab of its own, a trusted click in it, and the activeTab grant a toolbar click gives.
// Each is set-up standing in for something a person does (tests/e2e/sites.firefox.test.ts says
// why each is needed); what runs after it is the real code.
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { eventually } from './browser';
import type { LaunchedFirefox } from './firefox';
import { addonDocument, addonDocuments, evaluateIn, processTarget, type RdpTab, type RdpTargetForm } from './firefox-rdp';

export interface FirefoxPopup {
  page: Page;
  doc: RdpTargetForm;
  eval(code: string): Promise<unknown>;
}

export interface FirefoxAddon {
  /** Evaluate in the add-on's background page (return JSON.stringify(...) for objects). */
  inBackground(code: string): Promise<unknown>;
  /** "The user clicks the toolbar button on this tab": activeTab on the tab at `url`; its WebExtension id. */
  grantActiveTab(url: string): Promise<number>;
  /** The WebExtension id of the tab whose address `match` accepts. */
  tabIdOf(match: (url: string) => boolean): Promise<number>;
  /**
   * The popup in a tab of its own about tab `tabId` (BiDi cannot open moz-extension URLs: the
   * background does), once `ready` (a selector) is in it.
   */
  openPopup(tabId: number, ready?: string): Promise<FirefoxPopup>;
  /** A trusted click (BiDi pointer input) in the middle of `selector` in the popup. */
  trustedClick(popup: FirefoxPopup, selector: string): Promise<void>;
}

export async function firefoxAddon(ff: LaunchedFirefox): Promise<FirefoxAddon> {
  const documents: RdpTab = await addonDocuments(ff.rdp.connection, ff.addonId);
  const background = await addonDocument(documents, (url) => url.startsWith('moz-extension://') && url.endsWith('/_generated_background_page.html'));
  const inBackground = (code: string) => evaluateIn(ff.rdp.connection, background, code);
  return {
    inBackground,
    async grantActiveTab(url) {
      const parent = await processTarget(ff.rdp.connection, 0);
      const id = await evaluateIn(
        ff.rdp.connection,
        parent,
        `(() => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(ff.addonId)});
          const win = Services.wm.getMostRecentWindow('navigator:browser');
          const tab = [...win.gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
          if (!tab) return -1;
          extension.tabManager.addActiveTabPermission(tab);
          return extension.tabManager.getWrapper(tab).id;
        })()`,
      );
      expect(id, `tab at ${url}`).toBeGreaterThanOrEqual(0);
      return id as number;
    },
    async tabIdOf(match) {
      const find = async () => {
        const tabs = JSON.parse(String(await inBackground('browser.tabs.query({}).then((t) => JSON.stringify(t.map(({ id, url }) => ({ id, url }))))'))) as {
          id: number;
          url?: string;
        }[];
        return tabs.find((t) => t.url !== undefined && match(t.url))?.id ?? null;
      };
      return (await eventually(find, (id) => id !== null, 'the tab'))!;
    },
    async openPopup(tabId, ready = '[data-tab-trust]') {
      const known = new Set(await ff.browser.pages());
      await inBackground(`browser.tabs.create({ url: browser.runtime.getURL('/popup.html?tabId=${tabId}') }).then((t) => t.id)`);
      const page = await eventually(
        async () => (await ff.browser.pages()).filter((p) => !known.has(p)),
        (fresh) => fresh.length === 1,
        'the popup tab among the BiDi pages',
      ).then((fresh) => fresh[0]!);
      const doc = await addonDocument(documents, (url) => url.endsWith(`/popup.html?tabId=${tabId}`));
      const run = (code: string) => evaluateIn(ff.rdp.connection, doc, code);
      await eventually(() => run(`!!document.querySelector(${JSON.stringify(ready)})`), (v) => v === true, 'popup rendered');
      return { page, doc, eval: run };
    },
    async trustedClick(popup, selector) {
      const box = JSON.parse(
        String(
          await popup.eval(
            `(() => { const el = document.querySelector(${JSON.stringify(selector)}); el?.scrollIntoView({ block: 'center' }); return JSON.stringify(el ? el.getBoundingClientRect() : null); })()`,
          ),
        ),
      ) as { x: number; y: number; width: number; height: number } | null;
      expect(box, `${selector} in the popup`).not.toBeNull();
      await popup.page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    },
  };
}
