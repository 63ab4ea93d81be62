// A tab that navigates loses what its old page reported, whatever the background's lifetime
// (issue 16, item 4). The panel's port closing used to be the only signal; Chrome stops an idle
// service worker, and a navigation in that gap closed the port unheard, leaving "official" on a
// page that was not. tabs.onUpdated wakes a stopped worker, so the record is checked here against
// the new address, and the toolbar icon is set from that address once the page has loaded.
import { badgeFor } from './badge';
import type { RouterDeps } from './deps';
import { currentSite } from './tab-trust';

export interface TabChange {
  /** The new address, when the browser tells it (only where we have host access). */
  url?: string;
  status?: string;
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

export async function onTabUpdated(
  tabId: number,
  change: TabChange,
  tabUrl: string | undefined,
  deps: Pick<RouterDeps, 'tabs' | 'setBadge' | 'uiLanguage' | 'sites' | 'store'>,
): Promise<void> {
  if (change.url === undefined && change.status !== 'loading' && change.status !== 'complete') return;
  const url = change.url ?? tabUrl;
  const site = await currentSite(url ?? null, tabId, deps.sites);
  // A look-alike verdict belongs to the host it was made on.
  if (change.url !== undefined && !site) deps.sites?.forgetTab(tabId);
  const entry = await deps.tabs.get(tabId);
  if (entry && change.status !== 'complete') {
    // Another host, or the same host under another trust (or an address we may not read): the
    // old report no longer speaks for this tab.
    const stale = !site || hostOf(url) !== (entry.host ?? null) || site.trust !== entry.state.trust || site.carrier !== entry.state.carrier;
    if (stale) await deps.tabs.delete(tabId);
  }
  // An address we may not read (blob:, another extension's page) says nothing: the icon stays.
  if (change.status !== 'complete' || !url || (await deps.tabs.get(tabId))) return;
  // Loaded and no panel has reported (yet, or at all): the icon says what the address says.
  let lang = deps.uiLanguage;
  try {
    lang = (await deps.store.load({ incognito: false })).progress.settings.language ?? lang;
  } catch {
    // the browser's language, then
  }
  const badge = badgeFor(site ? { carrier: site.carrier, trust: site.trust, step: null } : null, lang);
  await deps.setBadge(tabId, badge).catch(() => undefined);
}
