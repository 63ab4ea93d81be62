// Step detection in the background (issue 6): the panel sends its snapshot, the background runs the
// detectors. The message is untrusted: malformed or oversized snapshots are refused, and the
// answer for a well-formed one is exactly what the detectors say in place.
import { describe, expect, it } from 'vitest';
import type { SenderLike } from '../../../utils/background/deps';
import { carrierById } from '../../../utils/carriers';
import { detectStep } from '../../../utils/detect/index';
import { detectRequest, parseDetectRequest, parseSnapshot } from '../../../utils/detect/remote';
import { SNAPSHOT_LIMITS } from '../../../utils/page/snapshot';
import { TEST_EXTENSION_ID, quietRouterDeps, answer } from '../fake-router-deps';
import { loadFixtures, snapshotOf } from './load-fixtures';

/** A snapshot as it crosses the message boundary (JSON, like the browsers' messaging). */
const overTheWire = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));

describe('detection in the background', () => {
  const fixtures = loadFixtures();

  it('gives every step fixture the same answer as detecting in place', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    for (const f of fixtures) {
      const { snapshot } = snapshotOf(f);
      const req = parseDetectRequest({ snapshot: overTheWire(snapshot), carrier: 'cmhk' });
      expect(req, f.name).not.toBeNull();
      expect(detectRequest(req!).signal, f.name).toEqual(detectStep(snapshot, carrierById('cmhk')));
    }
  });

  it('refuses malformed snapshots and unknown carriers', () => {
    const { snapshot } = snapshotOf(fixtures[0]!);
    const good = overTheWire(snapshot) as Record<string, unknown>;
    expect(parseSnapshot(good)).not.toBeNull();
    const bad: unknown[] = [
      null,
      'text',
      [],
      { ...good, host: 42 },
      { ...good, headings: 'not a list' },
      { ...good, headings: Array.from({ length: SNAPSHOT_LIMITS.headings + 1 }, () => 'h') },
      { ...good, text: 'x'.repeat(SNAPSHOT_LIMITS.text * 2 + 1) },
      { ...good, actions: [{ ref: -1, kind: 'link', text: 'a', inNav: false }] },
      { ...good, actions: [{ ref: 0, kind: 'script', text: 'a', inNav: false }] },
      { ...good, forms: [{ fields: [{ ref: 0, tag: 'iframe', type: '', name: '', id: '', autocomplete: '', label: '' }], submitTexts: [], checkboxLabels: [] }] },
      { ...good, forms: [{ fields: [], submitTexts: [1], checkboxLabels: [] }] },
    ];
    for (const b of bad) expect(parseSnapshot(b)).toBeNull();
    expect(parseDetectRequest({ snapshot: good, carrier: 'not-a-carrier' })).toBeNull();
    expect(parseDetectRequest({ snapshot: good, carrier: '__proto__' })).toBeNull();
  });

  it('answers only a top frame of a tab', async () => {
    const ID = TEST_EXTENSION_ID;
    const deps = quietRouterDeps();
    const signIn = fixtures.find((f) => f.group === 'sign-in')!;
    const msg = { type: 'detect-step', snapshot: overTheWire(snapshotOf(signIn).snapshot), carrier: 'cmhk' };
    const url = 'https://www.hk.chinamobile.com/en/login';
    const topFrame: SenderLike = { id: ID, url, frameId: 0, tab: { id: 5, incognito: false } };
    const subFrame: SenderLike = { id: ID, url, frameId: 2, tab: { id: 5, incognito: false } };
    expect(await answer(msg, topFrame, deps)).toEqual({ signal: expect.objectContaining({ step: 'sign-in' }) });
    expect(await answer(msg, subFrame, deps)).toEqual({ error: 'rejected' });
    expect(await answer({ ...msg, snapshot: { host: 1 } }, topFrame, deps)).toEqual({ error: 'invalid' });
  });
});
