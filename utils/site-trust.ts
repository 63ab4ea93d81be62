// Decides whether a URL is one of a carrier's official pages. The hostname decides alone:
// page text never makes a page official, and a look-alike host is never matched. Pure: the caller
// passes the carrier list (the background its data; the panel the hosts its pack brings).
import type { Carrier, CarrierId, EnabledSite, SiteTrust } from './types';

/** What the trust decision reads of a carrier. */
export type CarrierHosts = Pick<Carrier, 'id' | 'hosts' | 'excludedHosts'>;

export type { EnabledSite };

/** Whose page this is, as the panel needs it. Only the background hands out 'enabled' or 'suspicious'. */
export interface PageSite {
  trust: SiteTrust;
  carrier: CarrierId;
  host: string;
}

/** The hostname as the browser would compare it: lower case, without a trailing dot. */
export function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The carrier whose exact official host this is, or null (excluded hosts and look-alikes included). */
export function carrierForHost<C extends CarrierHosts>(hostname: string, carriers: readonly C[]): C | null {
  const host = normaliseHost(hostname);
  if (!host || host.startsWith('xn--') || host.includes('.xn--')) return null;
  for (const carrier of carriers) {
    if (carrier.excludedHosts.includes(host)) return null;
  }
  return carriers.find((c) => c.hosts.includes(host)) ?? null;
}

/**
 * Official only over https, on an exact listed host. `new URL` already strips user-info tricks
 * (`https://www.hk.chinamobile.com@evil.example/` has the host evil.example) and ports.
 */
export function officialSite(url: string, carriers: readonly CarrierHosts[]): (PageSite & { trust: 'official' }) | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:') return null;
  const carrier = carrierForHost(parsed.hostname, carriers);
  return carrier ? { trust: 'official', carrier: carrier.id, host: normaliseHost(parsed.hostname) } : null;
}

/**
 * The origin a site is enabled under: scheme and normalised host, no port (match patterns ignore
 * ports in both browsers) and nothing else of the URL. Null for anything but http(s) web pages.
 */
export function originOf(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  const host = normaliseHost(parsed.hostname);
  return host ? `${parsed.protocol}//${host}` : null;
}

/** The optional permission the look-alike warning asks for: every http(s) page. */
export const ALL_SITES = '*://*/*';

/** The match pattern (and optional permission) for one enabled origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/**
 * The one decision for a URL: official (the carrier data decides, https only), enabled (the user
 * chose this origin; never official, whatever carrier they picked), or null: not ours.
 */
export function siteFor(url: string, enabled: readonly EnabledSite[], carriers: readonly CarrierHosts[]): PageSite | null {
  const official = officialSite(url, carriers);
  if (official) return official;
  const origin = originOf(url);
  const site = origin ? enabled.find((s) => s.origin === origin) : undefined;
  return site && origin ? { trust: 'enabled', carrier: site.carrier, host: origin.slice(origin.indexOf('//') + 2) } : null;
}
