// Issue 7, item 10: property-based tests. Random page snapshots go to the step detectors and
// random field descriptions to the classifier (and random text to the value-shape check): they
// never throw, give the same answer twice, and stay within a time bound even at the snapshot's
// size limits. The random text mixes the real keyword lists in, so the matching paths run, not
// only the "nothing matches" one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fieldKeywords from '../../assets/keywords/fields.json';
import stepKeywords from '../../assets/keywords/steps.json';
import { CARRIERS } from '../../utils/carriers';
import { DETECTORS, detectAll, detectStep } from '../../utils/detect/index';
import { classifyField, type FieldDescription } from '../../utils/fields/classify';
import { SNAPSHOT_LIMITS } from '../../utils/page/snapshot';
import type { PageSnapshot, SnapshotAction, SnapshotField, SnapshotForm, StepSignal } from '../../utils/types';
import { valueShape } from '../../utils/values/value-shape';

/** Every string in a JSON tree (the keyword files' leaves). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const KEYWORDS = [...new Set([...strings(stepKeywords), ...strings((fieldKeywords as { groups: unknown }).groups)])];
const TRICKY = ['', ' ', '\u0000', '\u200b', '\u2028', '\ud800', '(?:', '.*', '\\', '[', '$&', '__proto__', 'constructor', 'toString', 'ＣＡＲＤ', 'İ', 'ß', '🙂', '١٢٣٤٥٦'];

/** Text made of keywords, tricky pieces and random unicode, joined by random separators. */
const text = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...KEYWORDS), fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), {
      maxLength: 12,
    })
    .chain((parts) => fc.constantFrom(' ', '', '\n', '/', '-', '_', '：').map((sep) => parts.join(sep).slice(0, maxLength)));

const refs = fc.nat({ max: 5000 });

const action: fc.Arbitrary<SnapshotAction> = fc.record(
  {
    ref: refs,
    kind: fc.constantFrom('link' as const, 'button' as const),
    text: text(SNAPSHOT_LIMITS.actionText),
    href: fc.oneof(fc.constant(undefined), text(80).map((t) => `/${t}`)),
    inNav: fc.boolean(),
  },
  { requiredKeys: ['ref', 'kind', 'text', 'inNav'] },
);

const field: fc.Arbitrary<SnapshotField> = fc.record({
  ref: refs,
  tag: fc.constantFrom('input' as const, 'select' as const, 'textarea' as const),
  type: fc.constantFrom('text', 'password', 'tel', 'number', 'checkbox', 'radio', 'email', 'hidden', 'submit', 'date', ''),
  name: text(40),
  id: text(40),
  autocomplete: fc.constantFrom('', 'off', 'cc-number', 'cc-csc', 'one-time-code', 'current-password', 'new-password', 'username', 'bday'),
  label: text(SNAPSHOT_LIMITS.label),
});

const form: fc.Arbitrary<SnapshotForm> = fc.record({
  fields: fc.array(field, { maxLength: 12 }),
  submitTexts: fc.array(text(40), { maxLength: 3 }),
  checkboxLabels: fc.array(text(120), { maxLength: 3 }),
});

const snapshot: fc.Arbitrary<PageSnapshot> = fc.record({
  host: fc.oneof(fc.constantFrom('www.hk.chinamobile.com', 'www.three.com.hk', 'www.hkcsl.com', 'example.com', ''), fc.domain()),
  path: fc.oneof(fc.constantFrom('/', '/tc/deregister', '/en/login', '/sc/account#cancel'), text(120).map((t) => `/${t}`)),
  lang: fc.constantFrom('', 'en', 'zh-Hant-HK', 'zh-Hans', 'zh-HK', 'xx'),
  title: text(200),
  headings: fc.array(text(SNAPSHOT_LIMITS.headingText), { maxLength: 8 }),
  text: text(SNAPSHOT_LIMITS.text),
  actions: fc.array(action, { maxLength: 30 }),
  forms: fc.array(form, { maxLength: 4 }),
});

/** A snapshot at the size limits: the worst case a page can hand the detectors. */
const hugeSnapshot: fc.Arbitrary<PageSnapshot> = fc
  .tuple(snapshot, fc.array(text(SNAPSHOT_LIMITS.actionText), { minLength: 20, maxLength: 20 }), fc.array(text(SNAPSHOT_LIMITS.label), { minLength: 20, maxLength: 20 }))
  .map(([base, actionTexts, labels]) => {
    const actions: SnapshotAction[] = Array.from({ length: SNAPSHOT_LIMITS.actions }, (_, i) => ({
      ref: i,
      kind: i % 2 ? 'link' : 'button',
      text: actionTexts[i % actionTexts.length]!,
      href: i % 3 ? `/p/${i}` : undefined,
      inNav: i % 5 === 0,
    }));
    const fields: SnapshotField[] = Array.from({ length: SNAPSHOT_LIMITS.fields }, (_, i) => ({
      ref: 1000 + i,
      tag: 'input',
      type: i % 7 ? 'text' : 'password',
      name: `f${i}`,
      id: `f${i}`,
      autocomplete: '',
      label: labels[i % labels.length]!,
    }));
    const bigText = (base.text + ' ' + KEYWORDS.join(' ')).repeat(3).slice(0, SNAPSHOT_LIMITS.text);
    const headings = Array.from({ length: SNAPSHOT_LIMITS.headings }, (_, i) => labels[i % labels.length]!.slice(0, SNAPSHOT_LIMITS.headingText));
    return { ...base, text: bigText, headings, actions, forms: [{ fields, submitTexts: ['Submit'], checkboxLabels: labels.slice(0, 5) }] };
  });

const description: fc.Arbitrary<FieldDescription> = fc.record({
  tag: fc.constantFrom('input', 'select', 'textarea', 'div', 'span', ''),
  type: fc.constantFrom('text', 'password', 'tel', 'number', 'email', 'search', 'select', '', 'checkbox', 'hidden', 'month'),
  autocomplete: fc.oneof(fc.constantFrom('', 'off', 'on', 'cc-number', 'cc-csc', 'cc-exp', 'cc-exp-month', 'one-time-code', 'current-password', 'new-password', 'section-x billing cc-number', 'bday'), text(40)),
  name: text(60),
  id: text(60),
  label: text(200),
  placeholder: text(60),
  title: text(60),
  nearby: text(200),
  groupLabel: text(60),
  following: text(120),
  imageNearby: fc.boolean(),
  maxLength: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 1_000_000 })),
  inputMode: fc.constantFrom('', 'numeric', 'text', 'tel', 'decimal'),
  options: fc.array(text(40), { maxLength: 7 }),
  optionCount: fc.nat({ max: 500 }),
  groupSize: fc.integer({ min: 0, max: 20 }),
  contentEditable: fc.boolean(),
});

const carrier = fc.constantFrom(...CARRIERS);

/**
 * Runs `fn`, returns its result and how long it took. The bounds below guard against pathological
 * cases (a regular expression that backtracks catastrophically takes seconds, not milliseconds);
 * they are not speed targets, which the benchmark measures (bench/run.mjs). Tight per-call bounds
 * failed on a loaded 2-core machine (a GC pause or a busy neighbour), so they are wide.
 */
const PATHOLOGICAL_MS = 1000;

function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

const validSignal = (s: StepSignal | null, snap: PageSnapshot) =>
  s === null || (typeof s.step === 'string' && (s.target === undefined || Number.isInteger(s.target)) && s.step.length > 0 && snap !== null);

describe('fuzz: step detection', () => {
  it('detectAll and detectStep never throw, are deterministic and return well-formed signals', () => {
    fc.assert(
      fc.property(snapshot, carrier, (snap, c) => {
        const frozen = structuredClone(snap);
        const all = detectAll(snap);
        const one = detectStep(snap, c);
        expect(detectAll(snap)).toEqual(all);
        expect(detectStep(snap, c)).toEqual(one);
        // The detectors only read the snapshot.
        expect(snap).toEqual(frozen);
        expect(all.every((s) => validSignal(s, snap))).toBe(true);
        expect(validSignal(one, snap)).toBe(true);
        for (const detector of Object.values(DETECTORS)) expect(validSignal(detector(snap), snap)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('stays within a time bound at the snapshot size limits', () => {
    let worst = 0;
    fc.assert(
      fc.property(hugeSnapshot, carrier, (snap, c) => {
        const { ms } = timed(() => {
          detectAll(snap);
          detectStep(snap, c);
        });
        worst = Math.max(worst, ms);
        expect(ms).toBeLessThan(PATHOLOGICAL_MS);
      }),
      { numRuns: 30 },
    );
    expect(worst).toBeGreaterThan(0);
  });
});

describe('fuzz: field classification', () => {
  it('classifyField never throws, is deterministic and answers a known kind or null, fast', () => {
    const kinds = new Set(['card-number', 'card-cvc', 'card-expiry', 'password', 'otp', 'id-number']);
    // The first call builds the keyword matchers (once per page): not what the bound is about.
    classifyField(fc.sample(description, 1)[0]!, { cardContext: false });
    fc.assert(
      fc.property(description, fc.boolean(), (d, cardContext) => {
        const { result, ms } = timed(() => classifyField(d, { cardContext }));
        expect(result === null || kinds.has(result)).toBe(true);
        expect(classifyField(structuredClone(d), { cardContext })).toBe(result);
        expect(ms).toBeLessThan(PATHOLOGICAL_MS);
      }),
      { numRuns: 1000 },
    );
  });

  it('the value-shape check never throws, is deterministic and fast on any text', () => {
    valueShape('4111 1111 1111 1111'); // compiled and warm before the bound applies
    fc.assert(
      fc.property(fc.oneof(text(300), fc.string({ unit: 'binary', maxLength: 400 }), fc.stringMatching(/^[0-9 \-()A-Z]{0,40}$/)), (value) => {
        const { result, ms } = timed(() => valueShape(value));
        expect(result === null || result === 'card-number' || result === 'id-number').toBe(true);
        expect(valueShape(value)).toBe(result);
        expect(ms).toBeLessThan(PATHOLOGICAL_MS);
      }),
      { numRuns: 1000 },
    );
  });
});
