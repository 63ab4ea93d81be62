// The carrier data, typed. The JSON lives in assets/ so that correcting a carrier never touches code.
import carriersJson from '../assets/guide/carriers.json';
import type { Carrier, CarrierId } from './types';

export const CARRIERS: readonly Carrier[] = (carriersJson as { carriers: Carrier[] }).carriers;

export function carrierById(id: CarrierId): Carrier {
  const found = CARRIERS.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown carrier id: ${id}`);
  return found;
}
