import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgressAction } from '../../../utils/messages';
import { defaultProgress, parseProgress } from '../../../utils/progress';
import { applyAction } from '../../../utils/progress-actions';
import { CARRIER_IDS } from '../../../utils/carriers';
import { LANGUAGES, STEP_IDS, type ProgressV1 } from '../../../utils/types';

const carrier = fc.constantFrom(...CARRIER_IDS);
const step = fc.constantFrom(...STEP_IDS);
// Realistic values mixed with hostile ones: numbers, URLs, long and odd strings.
const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.stringMatching(/^\+?[0-9 -]{6,20}$/),
  fc.webUrl(),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
);
const id = fc.oneof(fc.constantFrom('backup-contacts', 'use-balance', 'move-bank-verification', 'main', 'work'), hostile);
const label = fc.oneof(fc.constantFrom('Work', '工作卡', 'Travel 2024', 'Card'), hostile, fc.string({ unit: 'grapheme', maxLength: 45 }));
const host = fc.oneof(fc.constantFrom('www.hk.chinamobile.com', 'www.cuniq.com'), fc.domain(), hostile);

const action: fc.Arbitrary<ProgressAction> = fc.oneof(
  fc.record({ kind: fc.constant('toggle-check' as const), carrier, item: id }),
  fc.record({ kind: fc.constant('mark-step' as const), carrier, step, done: fc.boolean() }),
  fc.record({ kind: fc.constant('reach-step' as const), carrier, step }),
  fc.record({ kind: fc.constant('reset' as const), carrier }),
  fc.record({ kind: fc.constant('add-card' as const), carrier, label }),
  fc.record({ kind: fc.constant('select-card' as const), carrier, card: id }),
  fc.record({ kind: fc.constant('remove-card' as const), carrier, card: id }),
  fc.record({
    kind: fc.constant('settings' as const),
    patch: fc.record(
      {
        language: fc.constantFrom(null, ...LANGUAGES),
        disabledEverywhere: fc.boolean(),
        collapsed: fc.boolean(),
        disabledHosts: fc.array(host, { maxLength: 4 }),
      },
      { requiredKeys: [] },
    ),
  }),
);

/** Every string stored anywhere in the value (keys included). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

describe('progress under any sequence of actions', () => {
  it('stays a value parseProgress accepts unchanged, with no URL or digit run in it', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        let p: ProgressV1 = defaultProgress();
        for (const a of actions) {
          const before = JSON.stringify(p);
          p = applyAction(p, a);
          // Immutable: the previous value is untouched.
          expect(JSON.parse(before)).toBeDefined();
        }
        const stored = JSON.parse(JSON.stringify(p)) as unknown;
        expect(parseProgress(stored)).toEqual({ progress: p, notice: null });
        for (const s of strings(p)) {
          expect(s).not.toMatch(/\p{Nd}{6,}/u);
          expect(s).not.toMatch(/:\/\/|\?[^?\s]*=/); // no URL, no query string
        }
        for (const cp of Object.values(p.carriers)) {
          // Labels never look like a web address either (hosts may only sit in settings.disabledHosts).
          for (const card of Object.values(cp.cards)) expect(card.label).not.toMatch(/^www\.|[a-z0-9-]\.(?:com|net|org|hk)\b/i);
          expect(Object.keys(cp.cards).length).toBeGreaterThan(0);
          expect(Object.prototype.hasOwnProperty.call(cp.cards, cp.activeCard)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an action never changes the value it was given', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 20 }), action, (setup, last) => {
        const p = setup.reduce(applyAction, defaultProgress());
        const copy = structuredClone(p);
        applyAction(p, last);
        expect(p).toEqual(copy);
      }),
      { numRuns: 200 },
    );
  });
});
