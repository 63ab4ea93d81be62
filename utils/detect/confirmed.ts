// Step `confirmed`: "registration cancelled / deregistered / 已取消登記 / 已註銷", or a plain "completed /
// has been cancelled / 已完成" near cancellation wording. On a payment page ("top-up completed")
// only the self-contained phrases count.
import type { PageSnapshot, StepSignal } from '../types';
import { signalOf, STRONG, type Evidence } from './evidence';
import { NEAR_CHARS, statusZone } from './page';
import { has, mask, near } from './words';

export function scoreConfirmed(snap: PageSnapshot): Evidence | null {
  const zone = mask(statusZone(snap), 'confirmed.negative');
  if (has(zone, 'confirmed.selfContained')) return { score: STRONG + 2 };
  if (has(zone, 'confirmed.paymentContext')) return null;
  const context = ['common.deregistration', 'common.termination', 'confirmed.context'];
  if (near(zone, ['confirmed.status'], context, NEAR_CHARS)) return { score: STRONG + 1 };
  return null;
}

export function detectConfirmed(snap: PageSnapshot): StepSignal | null {
  return signalOf('confirmed', scoreConfirmed(snap));
}
