// Shapes checked at the background's door: a message is `unknown` until proven otherwise.
import type { ProbeSignals } from '../lookalike';
import type { PageState } from '../messages';
import { isCarrierId, isStepId } from '../progress';
import { FIELD_KINDS, type FieldKind, type SiteTrust, type StepId } from '../types';

const TRUSTS: readonly SiteTrust[] = ['official', 'enabled', 'suspicious'];

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isFieldKind(value: unknown): value is FieldKind {
  return typeof value === 'string' && (FIELD_KINDS as readonly string[]).includes(value);
}

export function optionalTabId(m: Record<string, unknown>): { tabId?: number } | null {
  if (m.tabId === undefined) return {};
  return isTabId(m.tabId) ? { tabId: m.tabId } : null;
}

export function parsePageState(value: unknown): PageState | null {
  if (!isObject(value)) return null;
  const { carrier, trust, step } = value;
  if (!isCarrierId(carrier) || !TRUSTS.includes(trust as SiteTrust)) return null;
  if (step !== null && !isStepId(step)) return null;
  return { carrier, trust: trust as SiteTrust, step: step as StepId | null };
}

export function parseSignals(value: unknown): ProbeSignals | null {
  if (!isObject(value)) return null;
  const { passwordField, cardField, brands, signInWords, lureWords } = value;
  if (typeof passwordField !== 'boolean' || typeof cardField !== 'boolean') return null;
  if (typeof signInWords !== 'boolean' || typeof lureWords !== 'boolean') return null;
  if (!Array.isArray(brands) || brands.length > 7 || !brands.every(isCarrierId)) return null;
  const signals: ProbeSignals = { passwordField, cardField, brands: [...new Set(brands)], signInWords, lureWords };
  // Issue 16: the kinds a "cancel your service" page asks for, and the page's words (capped) that the background reads.
  for (const key of ['idField', 'otpField'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'boolean') return null;
    signals[key] = value[key];
  }
  for (const key of ['text', 'words'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'string' || value[key].length > 10_000) return null;
    signals[key] = value[key];
  }
  return signals;
}
