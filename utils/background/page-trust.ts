// What the background believes about a tab's page: never just what the page's panel says.
import type { PageState } from '../messages';
import { officialSite } from '../site-trust';
import { currentSite } from './tab-trust';
import type { RouterDeps } from './deps';
import { CARRIERS } from '../carriers';

/**
 * The trust we believe: "official" only when the sender's own URL is an official host of that
 * carrier; "enabled" only when the sender's origin really is a site the user enabled (with the
 * carrier they chose), otherwise null: refused. "suspicious" can only hurt the page that says it.
 */
export async function verifiedState(state: PageState, url: string, tabId: number, deps: RouterDeps): Promise<PageState | null> {
  if (state.trust === 'official') {
    const site = officialSite(url, CARRIERS);
    return site && site.carrier === state.carrier ? state : { ...state, trust: 'suspicious', step: null };
  }
  if (state.trust === 'enabled') {
    const site = deps.sites ? await deps.sites.siteFor(url, tabId) : null;
    if (site?.trust === 'suspicious') return { carrier: site.carrier, trust: 'suspicious', step: null };
    return site?.trust === 'enabled' ? { ...state, carrier: site.carrier } : null;
  }
  // No step is ever recorded for a suspicious page (issue 16).
  return { ...state, step: null };
}

/**
 * The page state the popup shows: trust and carrier from the tab's address NOW (issue 16, item 4);
 * the step a panel reported only when that report agrees with it.
 */
export async function currentPage(tabId: number, reported: PageState | null, deps: RouterDeps): Promise<PageState | null> {
  if (!deps.tabUrl) return reported;
  const url = await deps.tabUrl(tabId).catch(() => null);
  const site = await currentSite(url, tabId, deps.sites);
  if (!site) return null;
  const same = reported && reported.trust === site.trust && reported.carrier === site.carrier;
  return { carrier: site.carrier, trust: site.trust, step: same && site.trust !== 'suspicious' ? reported.step : null };
}
