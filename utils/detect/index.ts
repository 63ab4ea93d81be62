// Which step is this page? Per-carrier URL rules first, then the five generic detectors; when
// several fire, the furthest step along the flow wins.
import { STEP_IDS, type Carrier, type PageSnapshot, type StepId, type StepSignal, type UrlRule } from '../types';
import { detectAwaitReview } from './await-review';
import { detectConfirmed } from './confirmed';
import { detectFindEntry } from './find-entry';
import { detectSignIn } from './sign-in';
import { detectSubmitRequest } from './submit-request';

export type Detector = (snap: PageSnapshot) => StepSignal | null;

/** The flow, first to last; later wins. */
export const STEP_ORDER: readonly StepId[] = STEP_IDS;

export const DETECTORS: Readonly<Record<StepId, Detector>> = {
  'sign-in': detectSignIn,
  'find-entry': detectFindEntry,
  'submit-request': detectSubmitRequest,
  'await-review': detectAwaitReview,
  confirmed: detectConfirmed,
};

const ruleRegex = new Map<string, RegExp | null>();

function pathRegex(source: string): RegExp | null {
  let re = ruleRegex.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'i');
    } catch {
      re = null; // a broken rule never matches (the carrier data test should catch it first)
    }
    ruleRegex.set(source, re);
  }
  return re;
}

/** The first sourced URL rule of the carrier that matches the page, if any. */
export function matchUrlRule(snap: PageSnapshot, carrier: Pick<Carrier, 'urlRules'>): UrlRule | undefined {
  return carrier.urlRules.find(
    (rule) =>
      rule.sources.length > 0 &&
      (rule.host === undefined || rule.host.toLowerCase() === snap.host.toLowerCase()) &&
      (pathRegex(rule.path)?.test(snap.path) ?? false),
  );
}

/** Every step whose signals the page shows, in flow order. */
export function detectAll(snap: PageSnapshot): StepSignal[] {
  const out: StepSignal[] = [];
  for (const step of STEP_ORDER) {
    const signal = DETECTORS[step](snap);
    if (signal) out.push(signal);
  }
  return out;
}

export function detectStep(snap: PageSnapshot, carrier: Pick<Carrier, 'urlRules'>): StepSignal | null {
  const rule = matchUrlRule(snap, carrier);
  if (rule) {
    if (rule.step === null) return null;
    // The rule names the step; the generic detector of that step may still find the target.
    const target = DETECTORS[rule.step](snap)?.target;
    return target === undefined ? { step: rule.step } : { step: rule.step, target };
  }
  const all = detectAll(snap);
  return all[all.length - 1] ?? null;
}
