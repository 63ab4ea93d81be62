// Decides whether a URL is one of a carrier's official pages. The hostname decides alone:
// page text never makes a page official, and a look-alike host is never matched.
import { CARRIERS } from './carriers';
import type { Carrier, CarrierId } from './types';

export interface OfficialSite {
  trust: 'official';
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
export function carrierForHost(hostname: string, carriers: readonly Carrier[] = CARRIERS): Carrier | null {
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
export function officialSite(url: string, carriers: readonly Carrier[] = CARRIERS): OfficialSite | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:') return null;
  const carrier = carrierForHost(parsed.hostname, carriers);
  return carrier ? { trust: 'official', carrier: carrier.id, host: normaliseHost(parsed.hostname) } : null;
}
