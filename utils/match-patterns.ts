// Manifest match patterns, generated from the carrier data so the two cannot drift.
import { CARRIERS } from './carriers';

/** `https://<host>/*` for every official host of every carrier, sorted. */
export function officialMatchPatterns(): string[] {
  return CARRIERS.flatMap((c) => c.hosts.map((h) => `https://${h}/*`)).sort();
}
