// utils/carriers.ts as the panel's content script sees it (swapped in by
// scripts/content-script-build.mjs, which also leaves the texts out of carriers.json in that build:
// every carrier's hosts and URL rules stay). The page's carrier, with its texts in the active
// language, comes from the background's pack (utils/panel-texts/store.ts).
import carriersJson from '../../assets/guide/carriers.json';
import { CARRIER } from './store';
import type { Carrier, CarrierId } from '../types';

export const CARRIERS: readonly Carrier[] = (carriersJson as { carriers: Carrier[] }).carriers;

export const CARRIER_IDS: readonly CarrierId[] = CARRIERS.map((c) => c.id);

export function isCarrierId(value: unknown): value is CarrierId {
  return typeof value === 'string' && CARRIER_IDS.includes(value);
}

export function carrierById(id: CarrierId): Carrier {
  if (CARRIER?.id === id) return CARRIER;
  const found = CARRIERS.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown carrier id: ${id}`);
  return found;
}
