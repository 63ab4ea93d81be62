// Placement of the field callout (issue 14): pure geometry, on the layouts real forms have.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARGIN, MAX_WIDTH, MIN_WIDTH, overlaps, placeCallout, type PlaceInput, type Rect } from '../../../utils/callout-place';

const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const covers = (c: Rect, r: Rect) => {
  const p = centre(r);
  return p.x >= c.x && p.x <= c.x + c.w && p.y >= c.y && p.y <= c.y + c.h;
};
/** About as tall as the real callout: two lines of text and a button, more when narrow. */
const heightAt = (w: number) => (w >= 260 ? 84 : 104);
const inside = (c: Rect, vw: number, vh: number) => c.x >= MARGIN && c.y >= MARGIN && c.x + c.w <= vw - MARGIN && c.y + c.h <= vh - MARGIN;

/** A stacked form: a label above each full-width field, `n` rows from `top`. */
function stacked(vw: number, n: number, top: number, left = 16, width = vw - 32) {
  const labels: Rect[] = [];
  const fields: Rect[] = [];
  for (let i = 0; i < n; i++) {
    labels.push({ x: left, y: top + i * 72, w: 120, h: 20 });
    fields.push({ x: left, y: top + i * 72 + 24, w: width, h: 40 });
  }
  return { labels, fields };
}

function input(field: Rect, next: Rect | null, avoid: Rect[], vw: number, vh: number): PlaceInput {
  return { field, next, avoid, vw, vh, heightAt };
}

describe('placeCallout', () => {
  it('desktop: right of a narrow field, covering nothing', () => {
    const { labels, fields } = stacked(1280, 4, 120, 40, 320);
    const c = placeCallout(input(fields[1]!, fields[2]!, [...labels, fields[0]!, fields[3]!], 1280, 800))!;
    expect(c.x).toBeGreaterThanOrEqual(fields[1]!.x + fields[1]!.w);
    expect(c.w).toBe(MAX_WIDTH);
    for (const r of [...labels, ...fields]) expect(overlaps(c, r)).toBe(false);
  });

  it('a field near the right edge: left of it', () => {
    const field = { x: 1000, y: 300, w: 260, h: 40 };
    const next = { x: 1000, y: 370, w: 260, h: 40 };
    const c = placeCallout(input(field, next, [], 1280, 800))!;
    expect(c.x + c.w).toBeLessThanOrEqual(field.x);
    expect(overlaps(c, next)).toBe(false);
  });

  it('phone, labels above full-width fields: no label or field covered while the screen has room', () => {
    const { labels, fields } = stacked(390, 6, 100);
    const c = placeCallout(input(fields[2]!, fields[3]!, [...labels, ...fields.filter((_, i) => i !== 2 && i !== 3)], 390, 844))!;
    expect(c.w).toBe(Math.min(MAX_WIDTH, 390 - 2 * MARGIN));
    expect(overlaps(c, fields[2]!)).toBe(false);
    expect(overlaps(c, fields[3]!)).toBe(false);
    for (const r of [...labels, ...fields]) expect(overlaps(c, r)).toBe(false);
    expect(inside(c, 390, 844)).toBe(true);
  });

  it('phone, a form filling the screen: the fewest labels and fields covered, never the field or the next one', () => {
    const { labels, fields } = stacked(390, 11, 40);
    const c = placeCallout(input(fields[5]!, fields[6]!, [...labels, ...fields.filter((_, i) => i !== 5 && i !== 6)], 390, 844))!;
    expect(overlaps(c, fields[5]!)).toBe(false);
    expect(overlaps(c, fields[6]!)).toBe(false);
    // Above the field it would cover three (its own label too); at the screen's bottom edge, two.
    expect([...labels, ...fields].filter((r) => overlaps(c, r)).length).toBe(2);
    expect(inside(c, 390, 844)).toBe(true);
  });

  it('phone, the first field at the top: never over the field or the next one', () => {
    const { labels, fields } = stacked(390, 3, 16);
    const c = placeCallout(input(fields[0]!, fields[1]!, [...labels, fields[2]!], 390, 844))!;
    expect(overlaps(c, fields[0]!)).toBe(false);
    expect(overlaps(c, fields[1]!)).toBe(false);
    expect(inside(c, 390, 844)).toBe(true);
  });

  it('a field at the bottom of the viewport: above it, inside the viewport', () => {
    const field = { x: 16, y: 844 - 56, w: 358, h: 40 };
    const c = placeCallout(input(field, null, [], 390, 844))!;
    expect(c.y + c.h).toBeLessThanOrEqual(field.y);
    expect(inside(c, 390, 844)).toBe(true);
  });

  it('a next control beside the field (a "send code" button): not covered', () => {
    const field = { x: 16, y: 400, w: 240, h: 40 };
    const next = { x: 264, y: 400, w: 110, h: 40 };
    const c = placeCallout(input(field, next, [], 390, 844))!;
    expect(overlaps(c, field)).toBe(false);
    expect(overlaps(c, next)).toBe(false);
  });

  it('a field scrolled out of view: no place (the callout hides)', () => {
    expect(placeCallout(input({ x: 16, y: -80, w: 300, h: 40 }, null, [], 390, 844))).toBeNull();
    expect(placeCallout(input({ x: 16, y: 900, w: 300, h: 40 }, null, [], 390, 844))).toBeNull();
  });

  it('a frame too small for any candidate still gets a box inside it', () => {
    const c = placeCallout(input({ x: 4, y: 4, w: 180, h: 30 }, null, [], 200, 60))!;
    expect(c.x).toBeGreaterThanOrEqual(0);
    expect(c.x + c.w).toBeLessThanOrEqual(200);
  });

  it('never narrower than MIN_WIDTH beside a field, never wider than the viewport allows', () => {
    const c = placeCallout(input({ x: 1280 - 8 - MIN_WIDTH - 8 - 100, y: 300, w: 100, h: 40 }, null, [], 1280, 800))!;
    expect(c.w).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(c.x + c.w).toBeLessThanOrEqual(1280 - MARGIN);
  });

  it('property: on any stacked or side-by-side form that has room, neither the field nor the next control is covered', () => {
    fc.assert(
      fc.property(
        fc.constantFrom([1280, 800], [390, 844]),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 80, max: 400 }),
        fc.boolean(),
        ([vw, vh], y, x, w, sideBySide) => {
          const fw = Math.min(w, vw - 16);
          const fx = Math.min(x, vw - fw - 8);
          const fy = Math.min(y, vh - 48);
          const field = { x: fx, y: fy, w: fw, h: 40 };
          const next = sideBySide ? { x: fx + fw + 8, y: fy, w: 100, h: 40 } : { x: fx, y: fy + 64, w: fw, h: 40 };
          const c = placeCallout(input(field, next, [], vw!, vh!));
          expect(c).not.toBeNull();
          expect(covers(c!, field)).toBe(false);
          // The next control may be off screen; when it is on screen, its centre stays clear.
          const p = centre(next);
          if (p.x < vw! && p.y < vh!) expect(covers(c!, next)).toBe(false);
          expect(inside(c!, vw!, vh!)).toBe(true);
        },
      ),
    );
  });
});
