// Where the collapsed panel sits: pure geometry, rects in, a position out (issue 14, item 1).
// The card goes to the first spot, corners first then along the edges, whose rect overlaps no page
// control; failing that, the first whose rect holds no control's centre (what a person, and the
// contract's elementFromPoint, would find covered); failing that, none (the caller shrinks to a pill).

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Spot {
  x: number;
  y: number;
  /** True when the card overlaps no control at all (not just no control's centre). */
  clean: boolean;
}

/** Space kept between the card and the viewport's edge, and around each control. */
export const EDGE = 8;
const GAP = 4;
/** Positions along each edge, as fractions of the free span (the corners come first). */
const ALONG = [0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875];

/** Top-left corners to try for a box of `size` in `viewport`: the four corners, then along each edge. */
export function candidates(size: Size, viewport: Size): { x: number; y: number }[] {
  const left = EDGE;
  const top = EDGE;
  const right = Math.max(EDGE, viewport.width - size.width - EDGE);
  const bottom = Math.max(EDGE, viewport.height - size.height - EDGE);
  const out = [
    { x: right, y: bottom },
    { x: right, y: top },
    { x: left, y: bottom },
    { x: left, y: top },
  ];
  for (const f of ALONG) {
    const y = Math.round(top + (bottom - top) * f);
    const x = Math.round(left + (right - left) * f);
    out.push({ x: right, y }, { x, y: bottom }, { x: left, y }, { x, y: top });
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.x},${p.y}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x - gap < a.x + a.width && a.y < b.y + b.height + gap && b.y - gap < a.y + a.height;
}

export function holdsCentre(a: Box, b: Box): boolean {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  return cx >= a.x && cx <= a.x + a.width && cy >= a.y && cy <= a.y + a.height;
}

/** Controls that could matter to any candidate spot: the ones inside the viewport's edge bands. */
export function nearEdges(controls: Box[], size: Size, viewport: Size): Box[] {
  const bandX = size.width + EDGE + GAP;
  const bandY = size.height + EDGE + GAP;
  return controls.filter(
    (c) =>
      c.width > 0 &&
      c.height > 0 &&
      c.x < viewport.width &&
      c.y < viewport.height &&
      c.x + c.width > 0 &&
      c.y + c.height > 0 &&
      (c.x < bandX || c.x + c.width > viewport.width - bandX || c.y < bandY || c.y + c.height > viewport.height - bandY),
  );
}

/**
 * The spot for a box of `size`: `current` if it is still a candidate as good as the best one (no
 * jumping around while the page scrolls), else the first clean candidate, else the first that holds
 * no control's centre; null when every candidate would cover a control.
 */
export function choosePlace(size: Size, viewport: Size, controls: Box[], current?: { x: number; y: number } | null): Spot | null {
  const spots = candidates(size, viewport);
  const near = nearEdges(controls, size, viewport);
  const judge = (p: { x: number; y: number }): 0 | 1 | 2 => {
    const box = { ...p, ...size };
    let grade: 0 | 1 | 2 = 0;
    for (const c of near) {
      if (holdsCentre(box, c)) return 2;
      if (overlaps(box, c, GAP)) grade = 1;
    }
    return grade;
  };
  const grades = spots.map(judge);
  const best = Math.min(...grades) as 0 | 1 | 2;
  if (best === 2) return null;
  const here = current ? spots.findIndex((p) => p.x === current.x && p.y === current.y) : -1;
  const index = here >= 0 && grades[here] === best ? here : grades.indexOf(best);
  return { ...spots[index]!, clean: best === 0 };
}

/** The candidate that covers the fewest control centres: the last resort for the smallest form. */
export function leastCovering(size: Size, viewport: Size, controls: Box[]): { x: number; y: number } {
  const near = nearEdges(controls, size, viewport);
  let best = { x: EDGE, y: EDGE };
  let fewest = Infinity;
  for (const p of candidates(size, viewport)) {
    const box = { ...p, ...size };
    const n = near.filter((c) => holdsCentre(box, c)).length;
    if (n < fewest) {
      fewest = n;
      best = p;
    }
  }
  return best;
}
