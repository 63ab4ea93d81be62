// The carrier data, typed. The JSON lives in assets/ so that correcting a carrier never touches code.
import carriersJson from '../assets/guide/carriers.json';
import type { Carrier, CarrierId } from './types';

export const CARRIERS: readonly Carrier[] = (carriersJson as { carriers: Carrier[] }).carriers;

/** Every carrier id the data holds, in its order. */
export const CARRIER_IDS: readonly CarrierId[] = CARRIERS.map((c) => c.id);

export function isCarrierId(value: unknown): value is CarrierId {
  return typeof value === 'string' && CARRIER_IDS.includes(value);
}

export function carrierById(id: CarrierId): Carrier {
  const found = CARRIERS.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown carrier id: ${id}`);
  return found;
}
