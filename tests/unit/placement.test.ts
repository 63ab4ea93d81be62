// The collapsed panel's placement (utils/placement.ts): rects in, a spot out.
import { describe, expect, it } from 'vitest';
import { candidates, choosePlace, EDGE, holdsCentre, leastCovering, nearEdges, overlaps, type Box } from '../../utils/placement';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const CARD = { width: 300, height: 120 };

const box = (x: number, y: number, width = 40, height = 24): Box => ({ x, y, width, height });

describe('candidates', () => {
  it('start with the four corners, bottom-right first, inside the viewport with a margin', () => {
    const spots = candidates(CARD, DESKTOP);
    expect(spots.slice(0, 4)).toEqual([
      { x: 1280 - 300 - EDGE, y: 800 - 120 - EDGE },
      { x: 1280 - 300 - EDGE, y: EDGE },
      { x: EDGE, y: 800 - 120 - EDGE },
      { x: EDGE, y: EDGE },
    ]);
    for (const p of spots) {
      expect(p.x).toBeGreaterThanOrEqual(EDGE);
      expect(p.y).toBeGreaterThanOrEqual(EDGE);
      expect(p.x + CARD.width).toBeLessThanOrEqual(DESKTOP.width - EDGE);
      expect(p.y + CARD.height).toBeLessThanOrEqual(DESKTOP.height - EDGE);
    }
  });

  it('are unique, also when the card is as wide as a phone', () => {
    const spots = candidates({ width: 374, height: 120 }, PHONE);
    expect(new Set(spots.map((p) => `${p.x},${p.y}`)).size).toBe(spots.length);
    expect(spots.length).toBeGreaterThan(4);
  });
});

describe('choosePlace', () => {
  it('takes the bottom-right corner of an empty page', () => {
    expect(choosePlace(CARD, DESKTOP, [])).toEqual({ x: 972, y: 672, clean: true });
  });

  it('avoids controls in all four corners and along the right edge', () => {
    const controls = [
      box(1200, 10), box(1200, 760), box(10, 10), box(10, 760),
      ...Array.from({ length: 20 }, (_, i) => box(1220, 40 * i)),
    ];
    const spot = choosePlace(CARD, DESKTOP, controls)!;
    expect(spot).not.toBeNull();
    const card = { ...spot, ...CARD };
    for (const c of controls) expect(overlaps(card, c)).toBe(false);
    expect(spot.clean).toBe(true);
  });

  it('avoids a fixed header and a fixed bottom bar full of controls', () => {
    const header = Array.from({ length: 12 }, (_, i) => box(i * 105, 8, 90, 40));
    const footer = Array.from({ length: 12 }, (_, i) => box(i * 105, 752, 90, 40));
    const spot = choosePlace(CARD, DESKTOP, [...header, ...footer])!;
    const card = { ...spot, ...CARD };
    expect(card.y).toBeGreaterThan(48);
    expect(card.y + card.height).toBeLessThan(752);
    expect([...header, ...footer].some((c) => holdsCentre(card, c))).toBe(false);
  });

  it('accepts a spot that only grazes a control when no spot is clean, never one that holds a centre', () => {
    // Controls everywhere along the edges, each reaching only 10 px into where the card would go.
    const viewport = { width: 400, height: 300 };
    const size = { width: 384, height: 284 }; // the card fills the viewport but for its margin
    const graze = [box(0, 0, 12, 12)];
    const spot = choosePlace(size, viewport, graze)!;
    expect(spot).toEqual({ x: EDGE, y: EDGE, clean: false });
    expect(choosePlace(size, viewport, [box(150, 100, 40, 40)])).toBeNull();
  });

  it('keeps the current spot while it stays as good as the best', () => {
    const spots = candidates(CARD, DESKTOP);
    const current = spots[5]!;
    expect(choosePlace(CARD, DESKTOP, [], current)).toEqual({ ...current, clean: true });
    // A control arrives under it: it moves to the first clean spot.
    const blocker = box(current.x + 100, current.y + 40);
    const moved = choosePlace(CARD, DESKTOP, [blocker], current)!;
    expect(moved).not.toMatchObject(current);
    expect(overlaps({ ...moved, ...CARD }, blocker)).toBe(false);
  });

  it('on a phone, a card of the full width goes above or below the controls', () => {
    const size = { width: 374, height: 130 };
    const controls = [box(16, 16, 358, 44), box(16, 300, 358, 44), box(16, 780, 358, 44)];
    const spot = choosePlace(size, PHONE, controls)!;
    const card = { ...spot, ...size };
    for (const c of controls) expect(overlaps(card, c)).toBe(false);
  });
});

describe('nearEdges and leastCovering', () => {
  it('drop controls in the middle of the page, off screen or not rendered', () => {
    const kept = nearEdges([box(600, 400), box(-100, -100), box(1300, 10), box(5, 400, 0, 0), box(5, 400)], CARD, DESKTOP);
    expect(kept).toEqual([box(5, 400)]);
  });

  it('picks the spot covering the fewest control centres', () => {
    const size = { width: 200, height: 50 };
    const viewport = { width: 216, height: 100 };
    // Two controls at the top, one at the bottom, one in the middle that every spot covers.
    const controls = [box(20, 5, 20, 20), box(120, 5, 20, 20), box(50, 75, 20, 20), box(90, 40, 20, 20)];
    expect(choosePlace(size, viewport, controls)).toBeNull();
    const spot = leastCovering(size, viewport, controls);
    expect(controls.filter((c) => holdsCentre({ ...spot, ...size }, c))).toEqual([box(90, 40, 20, 20)]);
  });
});
