// Puts the collapsed panel where it covers no page control (issue 14): reads the page's controls,
// lets the pure geometry (utils/placement.ts) choose, and shrinks the card to a pill when no spot
// fits. Cheap on purpose: one query, one rect per control, and hit tests only when no spot is free.
import { choosePlace, EDGE, leastCovering, nearEdges, type Box, type Size } from '../../utils/placement';

/** What a person can operate: the contract's "control". */
const CONTROLS =
  'a[href],button,input:not([type=hidden]),select,textarea,summary,[role=button],[role=link],[role=checkbox],[role=tab],[role=menuitem],[tabindex]:not([tabindex^="-"]),[contenteditable=""],[contenteditable=true]';

function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

/** Whether the control shows at its centre (nothing of the page lies over it; our own host is looked through). */
function visibleAt(doc: Document, host: Element, el: Element, b: Box): boolean {
  for (const hit of doc.elementsFromPoint(b.x + b.width / 2, b.y + b.height / 2)) {
    if (hit === host) continue;
    return hit === el || el.contains(hit);
  }
  return false;
}

export interface Placed {
  x: number;
  y: number;
  fit: 'card' | 'pill';
}

/**
 * Places `panel` (the collapsed card, inside `container`, which carries --x, --y and data-fit).
 * `avoid`: page elements to keep clear besides the controls (the ringed element). `current`: where it is.
 */
export function placePanel(doc: Document, host: Element, container: HTMLElement, panel: Element, avoid: Element[], current: Placed | null): Placed {
  const viewport: Size = { width: doc.documentElement.clientWidth || innerWidth, height: doc.documentElement.clientHeight || innerHeight };
  const els = [...Array.from(doc.querySelectorAll(CONTROLS)), ...avoid];
  const boxes = els.map(boxOf);
  const measure = (fit: 'card' | 'pill'): Size => {
    if (container.dataset.fit !== fit) container.dataset.fit = fit;
    const r = panel.getBoundingClientRect();
    return { width: Math.ceil(r.width), height: Math.ceil(r.height) };
  };
  const at = (fit: 'card' | 'pill') => (current?.fit === fit ? current : null);
  // First as if every control showed; only when no spot is free, look which ones really show.
  let visible: Box[] | null = null;
  const shown = (size: Size): Box[] => {
    if (!visible) {
      const near = new Set(nearEdges(boxes, size, viewport));
      visible = boxes.filter((b, i) => !near.has(b) || avoid.includes(els[i]!) || visibleAt(doc, host, els[i]!, b));
    }
    return visible;
  };
  for (const fit of ['card', 'pill'] as const) {
    const size = measure(fit);
    const spot = choosePlace(size, viewport, boxes, at(fit)) ?? choosePlace(size, viewport, shown(size), at(fit));
    if (spot) return { x: spot.x, y: spot.y, fit };
  }
  const size = measure('pill');
  const last = leastCovering(size, viewport, shown(size));
  return { x: Math.max(EDGE, last.x), y: Math.max(EDGE, last.y), fit: 'pill' };
}
