// Where the callout beside a sensitive field goes (issue 14): pure geometry over viewport rects,
// no DOM. The callout must cover neither its field nor the next control of the form (the contract
// measures both centres with elementFromPoint), stays inside the viewport, and covers other
// visible controls and labels only when no place beside the field is free of them.
// Candidates, in order of preference: right of the field, left of it, below, above; then, when all
// four touch something, below or above the next control, and the viewport's bottom or top edge.

/** A rect in viewport CSS px. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlaceInput {
  field: Rect;
  /** The next focusable control of the field's form (of the page without a form): never covered. */
  next: Rect | null;
  /** Other visible controls and labels (and our own panel): covered only if nothing else fits. */
  avoid: Rect[];
  /** The viewport's size. */
  vw: number;
  vh: number;
  /** The callout's height at a given width (its text wraps): the caller measures, and may cache. */
  heightAt(width: number): number;
}

/** Gap between field and callout; least distance to the viewport's edges; the callout's widths. */
const GAP = 8;
export const MARGIN = 8;
export const MAX_WIDTH = 300;
export const MIN_WIDTH = 180;

export function overlaps(a: Rect, b: Rect): boolean {
  return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Every candidate place, most preferred first (inside the viewport when one fits there). */
function candidates({ field: f, next, vw, vh, heightAt }: PlaceInput): Rect[] {
  const out: Rect[] = [];
  const fits = (r: Rect): void => {
    if (r.x >= MARGIN && r.y >= MARGIN && r.x + r.w <= vw - MARGIN && r.y + r.h <= vh - MARGIN) out.push(r);
  };
  // Beside the field: as wide as the room there allows (down to MIN_WIDTH); top-aligned with the
  // field, else bottom-aligned.
  const beside = (room: number, xOf: (w: number) => number): void => {
    const w = Math.min(MAX_WIDTH, room);
    if (w < MIN_WIDTH) return;
    const h = heightAt(w);
    const x = xOf(w);
    for (const y of [f.y, f.y + f.h - h]) fits({ x, y, w, h });
  };
  beside(vw - MARGIN - (f.x + f.w + GAP), () => f.x + f.w + GAP);
  beside(f.x - GAP - MARGIN, (w) => f.x - GAP - w);
  // Below or above: the field's left edge, slid into the viewport; narrower on a narrow viewport.
  const w = Math.min(MAX_WIDTH, vw - 2 * MARGIN);
  const h = heightAt(w);
  const x = Math.min(Math.max(f.x, MARGIN), vw - MARGIN - w);
  const rows = [f.y + f.h + GAP, f.y - GAP - h];
  if (next) rows.push(next.y + next.h + GAP, next.y - GAP - h);
  rows.push(vh - MARGIN - h, MARGIN);
  for (const y of rows) fits({ x, y, w, h });
  // A viewport too small for all of them (a tiny payment frame): below the field, slid in.
  if (!out.length) out.push({ x, y: Math.max(0, Math.min(f.y + f.h + GAP, vh - h)), w, h });
  return out;
}

/**
 * The place for the callout: the first candidate that covers neither the field nor the next control
 * and the fewest other controls and labels; null when the field is not on screen (nothing to point at).
 */
export function placeCallout(input: PlaceInput): Rect | null {
  const { field: f, next, avoid, vw, vh } = input;
  if (f.x + f.w <= 0 || f.y + f.h <= 0 || f.x >= vw || f.y >= vh) return null;
  let best: Rect | null = null;
  let bestCost = Infinity;
  for (const c of candidates(input)) {
    // Covering the field or the next control costs more than covering every other control.
    const cost = (overlaps(c, f) || (next && overlaps(c, next)) ? 1e6 : 0) + avoid.filter((a) => overlaps(c, a)).length;
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
      if (cost === 0) break;
    }
  }
  return best;
}
