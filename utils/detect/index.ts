// Which step is this page? Per-carrier URL rules first, then the five generic detectors, each
// scoring its evidence (evidence.ts): the page gets the furthest of its well-supported steps, else
// the furthest of those that reached the threshold, else none.
import { STEP_IDS, type Carrier, type PageSnapshot, type StepId, type StepSignal, type UrlRule } from '../types';
import { detectAwaitReview, scoreAwaitReview } from './await-review';
import { detectConfirmed, scoreConfirmed } from './confirmed';
import { signalOf, STRONG, type Evidence } from './evidence';
import { detectFindEntry, scoreFindEntry } from './find-entry';
import { detectSignIn, scoreSignIn } from './sign-in';
import { detectSubmitRequest, scoreSubmitRequest } from './submit-request';

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

/** Each step's evidence on a page (null: none); the detectors above apply the threshold to it. */
export const SCORERS: Readonly<Record<StepId, (snap: PageSnapshot) => Evidence | null>> = {
  'sign-in': scoreSignIn,
  'find-entry': scoreFindEntry,
  'submit-request': scoreSubmitRequest,
  'await-review': scoreAwaitReview,
  confirmed: scoreConfirmed,
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
  return bestSupported(snap);
}

/** The furthest well-supported step, else the furthest step found at all (flow order breaks ties). */
function bestSupported(snap: PageSnapshot): StepSignal | null {
  let strong: StepSignal | null = null;
  let found: StepSignal | null = null;
  for (const step of STEP_ORDER) {
    const evidence = SCORERS[step](snap);
    const signal = signalOf(step, evidence);
    if (!signal) continue;
    found = signal;
    if ((evidence?.score ?? 0) >= STRONG) strong = signal;
  }
  return strong ?? found;
}
