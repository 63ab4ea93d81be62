// Manifest match patterns, generated from the carrier data so the two cannot drift.
import { CARRIERS } from './carriers';
import type { Carrier } from './types';

/** `https://<host>/*` for every official host of every carrier, sorted. */
export function officialMatchPatterns(carriers: readonly Carrier[] = CARRIERS): string[] {
  return carriers.flatMap((c) => c.hosts.map((h) => `https://${h}/*`)).sort();
}
