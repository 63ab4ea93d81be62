// Every detector against its own fixtures (positive) and against every other step's and the
// 'none' fixtures (negative), github-url-detection style; the furthest-wins rule on each fixture.
import { describe, expect, it } from 'vitest';
import { detectAll, detectStep, DETECTORS, STEP_ORDER } from '../../../utils/detect/index';
import { STEP_IDS, type Carrier, type PageSnapshot } from '../../../utils/types';
import { FIXTURE_GROUPS, languageOf, loadFixtures, snapshotOf } from './load-fixtures';

const fixtures = loadFixtures();
const noRules: Pick<Carrier, 'urlRules'> = { urlRules: [] };

describe('fixture set', () => {
  it.each(FIXTURE_GROUPS.filter((g) => g !== 'none'))('%s has fixtures in zh-Hant, zh-Hans and en', (group) => {
    const own = fixtures.filter((f) => f.group === group);
    expect(own.length).toBeGreaterThanOrEqual(3);
    const langs = new Set(own.map((f) => languageOf(snapshotOf(f).doc)));
    expect([...langs].sort()).toEqual(expect.arrayContaining(['en', 'zh-Hans', 'zh-Hant']));
  });

  it('has at least 6 pages that are no step', () => {
    expect(fixtures.filter((f) => f.group === 'none').length).toBeGreaterThanOrEqual(6);
  });

  it('declares only earlier steps as "also", and only a few', () => {
    const declared = fixtures.flatMap((f) => f.also.map((step) => ({ f, step })));
    for (const { f, step } of declared) {
      expect(f.group, f.name).not.toBe('none');
      expect(STEP_ORDER.indexOf(step), `${f.name} also ${step}`).toBeLessThan(STEP_ORDER.indexOf(f.group as never));
    }
    expect(declared.length).toBeLessThanOrEqual(4);
  });
});

describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
  const { snapshot } = snapshotOf(f);

  it(`is ${f.group} (furthest step wins)`, () => {
    expect(detectStep(snapshot, noRules)?.step ?? 'none').toBe(f.group);
  });

  it.each(STEP_IDS.map((s) => [s] as const))('detector %s', (step) => {
    const signal = DETECTORS[step](snapshot);
    if (step === f.group || f.also.includes(step)) {
      expect(signal?.step, `${step} should fire`).toBe(step);
    } else {
      expect(signal, `${step} must not fire`).toBeNull();
    }
  });
});

describe('several steps at once', () => {
  it('lists every step found, in flow order, and picks the furthest', () => {
    const pending = fixtures.find((f) => f.name === 'await-review/pending-zh-hant.html');
    const done = fixtures.find((f) => f.name === 'confirmed/terminated-en.html');
    if (!pending || !done) throw new Error('fixtures missing');
    expect(detectAll(snapshotOf(pending).snapshot).map((s) => s.step)).toEqual(['find-entry', 'await-review']);
    // The history's "Under review" is too far from what it is about to count as a status.
    expect(detectAll(snapshotOf(done).snapshot).map((s) => s.step)).toEqual(['confirmed']);
  });

  it('orders the steps as the flow goes', () => {
    expect(STEP_ORDER).toEqual(['sign-in', 'find-entry', 'submit-request', 'await-review', 'confirmed']);
  });

  it('picks confirmed over every earlier signal on one page', () => {
    const snap: PageSnapshot = {
      host: 'www.example.com',
      path: '/x',
      lang: 'en',
      title: 'Deregistration',
      headings: ['Your registration has been cancelled'],
      text: 'Please log in to continue. Status: pending review of your deregistration.',
      actions: [
        { ref: 0, kind: 'link', text: 'Log in', inNav: false },
        { ref: 1, kind: 'link', text: 'Deregister', inNav: true },
      ],
      forms: [],
    };
    const all = detectAll(snap).map((s) => s.step);
    expect(all).toEqual(['sign-in', 'find-entry', 'await-review', 'confirmed']);
    expect(detectStep(snap, noRules)).toEqual({ step: 'confirmed' });
  });

  it('returns null for an empty page', () => {
    const empty: PageSnapshot = { host: 'a.b', path: '/', lang: '', title: '', headings: [], text: '', actions: [], forms: [] };
    expect(detectAll(empty)).toEqual([]);
    expect(detectStep(empty, noRules)).toBeNull();
  });
});
