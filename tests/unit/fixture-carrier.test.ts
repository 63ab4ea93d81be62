// Adding a carrier is a data-only change (issue 12): from a carrier file alone (a fixture here, in
// the shape of assets/guide/carriers.json), the guide's routes and step texts, the text pack, the
// manifest's match patterns, the official-site check and the look-alike lists all follow, with no
// code naming the carrier.
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/carriers/fixture-carrier.json';
import { CARRIER_IDS, CARRIERS, isCarrierId } from '../../utils/carriers';
import { GUIDE, sourcedOnly } from '../../utils/guide';
import { localize } from '../../utils/language';
import { carrierRoutes } from '../../utils/shown-carrier';
import { analyseHost, judgeLookalike, lookalikeTables, type ProbeSignals } from '../../utils/lookalike';
import { officialMatchPatterns } from '../../utils/match-patterns';
import { routeOf, stepText } from '../../utils/route';
import { carrierForHost, officialSite } from '../../utils/site-trust';
import { sliceTexts } from '../../utils/text-pack';
import type { Carrier } from '../../utils/types';

const harbour = (fixture as { carriers: Carrier[] }).carriers[0]!;
const carriers: readonly Carrier[] = [...CARRIERS.filter((c) => c.id !== 'other'), harbour, ...CARRIERS.filter((c) => c.id === 'other')];
const tables = lookalikeTables(carriers);

const page = (text: string, more: Partial<ProbeSignals> = {}): ProbeSignals =>
  ({ brands: [], signInWords: false, lureWords: false, passwordField: false, cardField: false, text, ...more }) as ProbeSignals;

describe('the carrier data', () => {
  it("holds the test contract's carrier ids (DESIGN.md), which come from the data, not from code", () => {
    expect([...CARRIER_IDS].sort()).toEqual(['cmhk', 'csl', 'cuniq', 'fetnet', 'other', 'smartone', 'three']);
    expect(isCarrierId('cmhk')).toBe(true);
    expect(isCarrierId('harbourtel')).toBe(false);
  });
});

describe('a carrier added as data only', () => {
  it('is not in the real data (the test proves something)', () => {
    expect(CARRIERS.some((c) => c.id === harbour.id)).toBe(false);
    expect(officialMatchPatterns()).not.toContain('https://www.harbourtel.com.hk/*');
  });

  it('gets manifest match patterns for its hosts', () => {
    const patterns = officialMatchPatterns(carriers);
    expect(patterns).toContain('https://www.harbourtel.com.hk/*');
    expect(patterns).toContain('https://shop.harbourtel.com.hk/*');
    expect(patterns).toEqual([...patterns].sort());
  });

  it('is official on its own hosts only', () => {
    expect(carrierForHost('www.harbourtel.com.hk', carriers)?.id).toBe('harbourtel');
    expect(officialSite('https://shop.harbourtel.com.hk/deregister', carriers)).toMatchObject({ carrier: 'harbourtel', trust: 'official' });
    expect(officialSite('https://www.harbourtel.org/', carriers)).toBeNull();
  });

  it('has its routes and step texts: only sourced routes, its default first, the generic text where it has none', () => {
    const shown = sourcedOnly(harbour);
    expect(carrierRoutes(shown)).toEqual(['shop', 'lapse']);
    expect(routeOf(harbour, null)).toBe('shop');
    const find = GUIDE.steps.find((s) => s.id === 'find-entry')!;
    const own = stepText(GUIDE, shown, find, 'shop');
    expect(own.specific).toBe(true);
    expect(localize(own.do, 'zh-Hant')).toContain('海港電訊門市');
    const generic = stepText(GUIDE, shown, GUIDE.steps.find((s) => s.id === 'await-review')!, 'shop');
    expect(generic.specific).toBe(false);
    expect(localize(generic.title, 'en').length).toBeGreaterThan(0);
  });

  it('reaches the panel through the text pack in one language, sourced parts only', () => {
    const packed = sliceTexts(sourcedOnly(harbour), 'en');
    expect(packed.routes.map((r) => r.id)).toEqual(['shop', 'lapse']);
    expect(packed.name).toEqual({ en: 'Harbour Telecom (a test carrier)' });
    expect(packed.hotlines.map((h) => h.number)).toEqual(['1234 5678']);
  });

  it('gets look-alike checks from its brand words: hosts and pages that imitate it', () => {
    expect(analyseHost('harbourtel-hk.com', tables).carrier).toBe('harbourtel');
    expect(judgeLookalike('https://harbourtel-hk.com/cancel', null, tables)?.carrier).toBe('harbourtel');
    expect(analyseHost('htel-hk.com', tables)).toMatchObject({ carrier: 'harbourtel', strong: true });
    expect(analyseHost('harb0urtel.com', tables).carrier).toBe('harbourtel');
    expect(analyseHost('www.harbourtel.com.hk', tables).carrier).toBeNull();
    expect(analyseHost('www.harbourtel.org', tables).carrier).toBeNull();
    expect(analyseHost('harbourtel-hk.com').carrier).toBeNull(); // the real data knows no such carrier
    const verdict = judgeLookalike('https://cancel-service.example/', page('Ｈａｒｂｏｕｒ　Ｔｅｌｅｃｏｍ 取消服務', { cardField: true }), tables);
    expect(verdict?.carrier).toBe('harbourtel');
  });
});
