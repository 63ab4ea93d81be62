// A tab's trust from its CURRENT address, never from what a panel reported earlier (issue 16,
// item 4): the popup and the toolbar icon ask here at the moment they show it, so a tab that
// navigated while the background slept (Chrome stops an idle service worker; the panel's port then
// closes unheard) is never shown as the official site it used to be. And progress has one writer,
// the background, which takes changes only from pages that may guide (item 3).
import type { ProgressAction } from '../messages';
import type { SiteService } from './site-registry';
import { officialSite, type PageSite } from '../site-trust';
import { CARRIERS } from '../carriers';

/**
 * The site of `url` as the background decides it now: official (carrier data, https), a site the
 * user enabled (unless it imitates a carrier: then suspicious, see SiteService.siteFor), a page the
 * look-alike check judged in this tab, or null.
 */
export async function currentSite(url: string | null, tabId: number, sites: SiteService | undefined): Promise<PageSite | null> {
  if (!url) return null;
  const official = officialSite(url, CARRIERS);
  if (official) return official;
  return sites ? sites.siteFor(url, tabId) : null;
}

/** Settings a panel on any page may change: what the panel looks like, nothing the guide records. */
const PRESENTATION_SETTINGS: readonly string[] = ['collapsed', 'language'];

/**
 * May a content script in this tab change progress? Only a page that may guide (official, or
 * enabled and not imitating a carrier) records steps, ticks and cards; anywhere else a panel may
 * only fold itself or change its language (a look-alike must not write the user's progress).
 */
export function contentMayWrite(action: ProgressAction, site: PageSite | null): boolean {
  if (site && (site.trust === 'official' || site.trust === 'enabled')) return true;
  if (action.kind !== 'settings' || typeof action.patch !== 'object' || action.patch === null) return false;
  return Object.keys(action.patch).every((k) => PRESENTATION_SETTINGS.includes(k));
}
