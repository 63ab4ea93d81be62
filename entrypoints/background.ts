// The background: the only writer of progress, the router between the extension's parts, the
// toolbar badge, and the injector that Chrome needs after an install or update. The logic lives in
// utils/background/ (tested without a browser); this file only wires it to the browser.
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import panelCss from '../components/panel.css?inline';
import type { Badge } from '../utils/background/badge';
import { handleCommand } from '../utils/background/command';
import type { RouterDeps } from '../utils/background/deps';
import { injectIntoOpenTabs, type ManifestContentScript } from '../utils/background/install';
import { createRegistrar, type FirefoxContentScripts } from '../utils/background/registrar';
import { handleMessage } from '../utils/background/router';
import { forgetTab } from '../utils/background/tab-badge';
import { createTabRegistry } from '../utils/background/tab-registry';
import { fieldSeverity } from '../utils/fields/severity';
import { GUIDE } from '../utils/guide';
import { languageFromTag } from '../utils/language';
import { officialMatchPatterns } from '../utils/match-patterns';
import { createProgressStore, type StorageAreaLike } from '../utils/background/progress-store';
import { createSiteService } from '../utils/background/site-registry';
import { onTabUpdated } from '../utils/background/tab-navigation';
import { CONTENT_SCRIPT_FILES } from '../utils/content-scripts';
import { panelShortcutOf } from '../utils/shortcut';


/** Our settings (options) page, or the welcome page, in a tab. */
async function openPage(page: 'options' | 'welcome'): Promise<void> {
  // Firefox for Android has openOptionsPage too; a browser without it gets the page in a new tab.
  if (page === 'options' && browser.runtime.openOptionsPage) {
    await browser.runtime.openOptionsPage();
    return;
  }
  await browser.tabs.create({ url: browser.runtime.getURL(page === 'options' ? '/options.html' : '/welcome.html') });
}

function area(a: Browser.storage.StorageArea | undefined): StorageAreaLike | null {
  if (!a) return null;
  return {
    get: (key) => a.get(key) as Promise<Record<string, unknown>>,
    set: (items) => a.set(items),
  };
}

async function setBadge(tabId: number, badge: Badge): Promise<void> {
  // MV3 (Chrome) has `action`; Firefox MV2 has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setTitle({ tabId, title: badge.title }),
    badge.text ? action.setBadgeBackgroundColor({ tabId, color: badge.color }) : Promise.resolve(),
  ]);
}

export default defineBackground(() => {
  const runtimeId = browser.runtime.id;
  // Changes storage.local refuses (full, failing) wait in storage.session, which outlives a stopped worker.
  const store = createProgressStore({
    area: area(browser.storage?.local),
    fallback: area(browser.storage?.session),
    known: { checklist: GUIDE.checklist.map((c) => c.id), tied: GUIDE.tied.map((a) => a.id) },
  });
  const uiLanguage = languageFromTag(browser.i18n.getUILanguage()) ?? 'en';
  const sites = createSiteService({
    store,
    permissions: {
      contains: (p) => browser.permissions.contains(p),
      remove: (p) => browser.permissions.remove(p),
    },
    registrar: createRegistrar({
      scripting: browser.scripting,
      contentScripts: (browser as unknown as { contentScripts?: FirefoxContentScripts }).contentScripts,
    }),
    files: CONTENT_SCRIPT_FILES,
    officialPatterns: officialMatchPatterns(),
    setBadge,
    async injectPanel(tabId) {
      if (browser.scripting) {
        // The top frame's guard borrows the panel's classifier: both go in, the guard first.
        await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [...CONTENT_SCRIPT_FILES.guard, ...CONTENT_SCRIPT_FILES.panel] as ScriptPublicPath[] });
      } else {
        const tabs = (browser as unknown as { tabs: { executeScript(id: number, d: { file: string }): Promise<unknown> } }).tabs;
        for (const file of [...CONTENT_SCRIPT_FILES.guard, ...CONTENT_SCRIPT_FILES.panel]) await tabs.executeScript(tabId, { file: `/${file}` });
      }
    },
    uiLanguage,
  });
  const deps: RouterDeps = {
    runtimeId,
    extensionUrl: browser.runtime.getURL('/'),
    store,
    // storage.session lives in memory only; it lets a restarted service worker remember the tabs.
    tabs: createTabRegistry(area(browser.storage?.session)),
    sendToTab: (tabId, msg, frameId) => browser.tabs.sendMessage(tabId, msg, { frameId }),
    setBadge,
    fieldSeverity,
    async tabIncognito(tabId) {
      try {
        return (await browser.tabs.get(tabId)).incognito;
      } catch {
        return null;
      }
    },
    async openChecklist(carrier, lang, near) {
      const url = `${browser.runtime.getURL('/checklist.html')}?${new URLSearchParams({ carrier, lang }).toString()}`;
      try {
        // Beside the tab that asked, unless that is a private window (extension pages cannot open there in Chrome).
        await browser.tabs.create({
          url,
          ...(near.incognito || near.windowId === undefined ? {} : { windowId: near.windowId, openerTabId: near.tabId }),
        });
      } catch {
        await browser.tabs.create({ url });
      }
    },
    uiLanguage,
    sites,
    openPage,
    panelCss,
    panelShortcut: () => panelShortcutOf(browser.commands),
    markArea: area(browser.storage?.local),
    // Without the "tabs" permission the address is there only where we have host access (or activeTab).
    async tabUrl(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url ?? null;
      } catch {
        return null;
      }
    },
  };

  // Optional permissions: the popup asks, the browser answers here (the popup may be gone by then).
  browser.permissions?.onAdded?.addListener((p) => void sites.onAdded(p.origins ?? []));
  browser.permissions?.onRemoved?.addListener(() => void sites.onRemoved());
  // Start-up: drop sites whose permission went away meanwhile; register what Firefox forgot.
  void sites.reconcile();

  browser.runtime.onMessage.addListener((msg: unknown, sender) => handleMessage(msg, sender, deps));

  // Each panel keeps a port open; when its document goes away (navigation, reload, close, bfcache)
  // the port closes and the tab's state and badge are cleared.
  // The newest panel port of each tab. A page restored from the back/forward cache keeps its
  // document id but opens a new port: the old port's late goodbye must not erase the new report.
  const livePorts = new Map<number, object>();
  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name !== 'panel' || port.sender?.id !== runtimeId || tabId === undefined) return;
    const documentId = port.sender.documentId;
    livePorts.set(tabId, port);
    port.onDisconnect.addListener(() => {
      if (livePorts.get(tabId) !== port) return;
      livePorts.delete(tabId);
      void forgetTab(tabId, deps, documentId, () => !livePorts.has(tabId));
    });
  });

  // A navigation clears the tab's record even when the panel's goodbye was never heard (issue 16).
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void onTabUpdated(tabId, change, tab.url, deps));

  browser.tabs.onRemoved.addListener((tabId) => {
    void deps.tabs.delete(tabId);
    sites.forgetTab(tabId);
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    void handleCommand(command, tab?.id, {
      sendToTab: deps.sendToTab,
      async activeTabId() {
        const [active] = await browser.tabs.query({ active: true, currentWindow: true });
        return active?.id;
      },
    });
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // A fresh install opens the welcome page (issue 14); an update or a browser update opens nothing.
    if (reason === 'install') void openPage('welcome').catch(() => undefined);
    // Firefox injects content scripts into open tabs itself; doing it again would run them twice.
    if (import.meta.env.FIREFOX || (reason !== 'install' && reason !== 'update')) return;
    const scripting = browser.scripting;
    if (!scripting) return;
    void injectIntoOpenTabs({
      contentScripts: (browser.runtime.getManifest().content_scripts ?? []) as ManifestContentScript[],
      // Without the "tabs" permission, only tabs on our host permissions come back with a URL: exactly the ones we want.
      queryTabs: () => browser.tabs.query({}),
      // The manifest's own file paths: they exist in the package by construction.
      executeScript: (tabId, allFrames, files) =>
        scripting.executeScript({ target: { tabId, allFrames }, files: files as ScriptPublicPath[] }),
      insertCSS: (tabId, allFrames, files) => scripting.insertCSS({ target: { tabId, allFrames }, files }),
    });
  });
});
