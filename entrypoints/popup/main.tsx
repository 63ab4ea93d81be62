// The toolbar popup. It asks the background about the current tab and sends it commands; it never
// writes progress itself (the background is the only writer).
// For tests that open popup.html in a tab of its own, `?tabId=N` names the tab it is about.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isProgressState, panelShortcut, send } from '../../components/pages/runtime';
import { createSiteActions } from '../../components/pages/site-actions';
import { Popup, type PopupActions, type PopupView } from '../../components/popup/Popup';
import { pt } from '../../components/popup/texts';
import { turnOffSitePatch, turnOnPatch } from '../../utils/guide-off';
import { languageFromTag } from '../../utils/language';
import type { ProgressAction, ProgressState } from '../../utils/messages';
import { checkEnable } from '../../utils/enable-risk';
import { officialSite } from '../../utils/site-trust';
import type { Language } from '../../utils/types';
import { CARRIERS } from '../../utils/carriers';

const params = new URLSearchParams(location.search);
/** Opened in a tab of its own (tests): it names the tab it is about and stays open after a command. */
const namedTab = params.has('tabId') ? Number(params.get('tabId')) : null;

async function namedTabUrl(tabId: number): Promise<string | null> {
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}

async function currentTab(): Promise<{ id: number | null; url: string | null; incognito: boolean }> {
  if (namedTab !== null) {
    // The tab's address is there only where we have host access (or the tab is ours to read).
    return Number.isInteger(namedTab) && namedTab >= 0
      ? { id: namedTab, url: await namedTabUrl(namedTab), incognito: false }
      : { id: null, url: null, incognito: false };
  }
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Without the "tabs" permission the URL is there only on hosts we have access to, and on the
    // active tab while activeTab is granted (the user opened this popup on it).
    return { id: tab?.id ?? null, url: tab?.url ?? null, incognito: tab?.incognito ?? false };
  } catch {
    return { id: null, url: null, incognito: false };
  }
}

function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

const browserLang: Language = languageFromTag(navigator.language) ?? 'en';

function App() {
  const [view, setView] = useState<PopupView>({ lang: browserLang, tabId: null, carrier: null, trust: null, incognito: false, progress: null });

  const showProgress = (state: ProgressState | null) => {
    if (!isProgressState(state)) return;
    setView((v) => ({ ...v, progress: state, lang: state.progress.settings.language ?? browserLang }));
  };

  useEffect(() => {
    void (async () => {
      const tab = await currentTab();
      const site = tab.url ? officialSite(tab.url, CARRIERS) : null;
      const reply = tab.id !== null ? await send({ type: 'get-tab-state', tabId: tab.id }) : null;
      const progress = reply?.progress ?? (await send({ type: 'get-progress' }));
      const page = reply?.page ?? null;
      setView((v) => ({
        ...v,
        lang: (isProgressState(progress) ? progress.progress.settings.language : null) ?? browserLang,
        tabId: tab.id,
        // The background decides from the tab's current address (issue 16); the URL fills in when it did not answer.
        carrier: reply ? (page?.carrier ?? null) : (site?.carrier ?? null),
        trust: reply ? (page?.trust ?? null) : (site?.trust ?? null),
        incognito: reply?.incognito ?? tab.incognito,
        progress: isProgressState(progress) ? progress : null,
        site: tab.url && !site ? checkEnable(tab.url) : null,
        loaded: true,
        fighting: reply?.fighting === true,
        host: hostOf(tab.url),
      }));
    })();
    void panelShortcut().then((shortcut) => setView((v) => ({ ...v, shortcut })));
  }, []);

  useEffect(() => {
    // The contract's data-tab-trust, on the document's root too (the popup's own root carries it as well).
    if (view.loaded) document.documentElement.setAttribute('data-tab-trust', view.trust ?? 'none');
  }, [view.loaded, view.trust]);

  useEffect(() => {
    document.documentElement.lang = view.lang;
    document.title = pt('appName', view.lang);
  }, [view.lang]);

  const update = (action: ProgressAction) => {
    void send({ type: 'update-progress', action, ...(view.tabId !== null ? { tabId: view.tabId } : {}) }).then(showProgress);
  };

  const refresh = () => void send(view.tabId !== null ? { type: 'get-progress', tabId: view.tabId } : { type: 'get-progress' }).then(showProgress);

  const actions: PopupActions = {
    sites: createSiteActions(refresh),
    async command(command) {
      if (view.tabId === null) return false;
      const reply = await send({ type: 'panel-command', tabId: view.tabId, command });
      const ok = reply?.ok === true;
      // The real popup gets out of the way so the panel (which now takes focus) can be used at once.
      if (ok && namedTab === null) window.close();
      return ok;
    },
    setLanguage: (language) => update({ kind: 'settings', patch: { language } }),
    turnOn() {
      const settings = view.progress?.progress.settings;
      if (settings) update({ kind: 'settings', patch: turnOnPatch(settings, view.host ?? null) });
    },
    turnOffSite() {
      const settings = view.progress?.progress.settings;
      if (settings && view.host) update({ kind: 'settings', patch: turnOffSitePatch(settings, view.host) });
    },
    reset() {
      if (view.carrier) update({ kind: 'reset', carrier: view.carrier });
    },
  };

  return <Popup view={view} actions={actions} />;
}

const root = document.getElementById('app');
if (root) render(<App />, root);
