// The background: the only writer of progress, the router between the extension's parts, the
// toolbar badge, and the injector that Chrome needs after an install or update. The logic lives in
// utils/background-router.ts (tested without a browser); this file only wires it to the browser.
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import {
  createTabRegistry,
  forgetTab,
  handleCommand,
  handleMessage,
  injectIntoOpenTabs,
  type Badge,
  type ManifestContentScript,
  type RouterDeps,
} from '../utils/background-router';
import { fieldSeverity } from '../utils/fields/severity';
import { languageFromTag } from '../utils/language';
import { createProgressStore, type StorageAreaLike } from '../utils/progress-store';

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
  const deps: RouterDeps = {
    runtimeId,
    extensionUrl: browser.runtime.getURL('/'),
    store: createProgressStore({ area: area(browser.storage?.local) }),
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
    uiLanguage: languageFromTag(browser.i18n.getUILanguage()) ?? 'en',
  };

  browser.runtime.onMessage.addListener((msg: unknown, sender) => handleMessage(msg, sender, deps));

  // Each panel keeps a port open; when its document goes away (navigation, reload, close, bfcache)
  // the port closes and the tab's state and badge are cleared.
  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name !== 'panel' || port.sender?.id !== runtimeId || tabId === undefined) return;
    const documentId = port.sender.documentId;
    port.onDisconnect.addListener(() => void forgetTab(tabId, deps, documentId));
  });

  browser.tabs.onRemoved.addListener((tabId) => void deps.tabs.delete(tabId));

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
