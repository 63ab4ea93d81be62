// The placement part: the collapsed card covers no page control (issue 14). It is placed again,
// once per animation frame at most and at most ten times a second (a long scroll or a mutation
// storm on a page of 10,000 controls), after a render, a scroll, a resize or a change of the page;
// the ringed element is kept clear too. The geometry is place-panel.ts's and utils/placement.ts's.
import type { PanelRun } from './panel-run';
import { placePanel, type Placed } from './place-panel';

const MIN_INTERVAL_MS = 100;

export interface CardPlacement {
  /** Places the card now (before the first paint: it never shows over a control, even for a frame). */
  place(): void;
  /** Places the card in the next animation frame (repeated calls within a frame place it once). */
  placeSoon(): void;
  /** Listens to the window's scroll and resize again (document.open() dropped the listeners). */
  listen(): void;
}

export function placeCard(run: PanelRun, avoid: () => Element[]): CardPlacement {
  const { doc, store, lifetime, mounted, container } = run;
  let placed: Placed | null = null;
  let frame = 0;
  let placedAt = -Infinity;
  const place = (): void => {
    frame = 0;
    const wait = placedAt + MIN_INTERVAL_MS - performance.now();
    if (wait > 0) {
      frame = requestAnimationFrame(() => setTimeout(place, wait));
      return;
    }
    placedAt = performance.now();
    const s = store.get();
    const panel = container.querySelector('[data-guide-panel]');
    if (lifetime.signal.aborted || s.expanded || s.turnedOff || !panel) return;
    placed = placePanel(doc, mounted.host, container, panel, avoid(), placed);
    container.style.setProperty('--x', `${placed.x}px`);
    container.style.setProperty('--y', `${placed.y}px`);
  };
  const placeSoon = (): void => {
    if (!frame && !lifetime.signal.aborted) frame = requestAnimationFrame(place);
  };
  const listen = (): void => {
    const signal = lifetime.signal;
    window.addEventListener('resize', placeSoon, { passive: true, signal });
    window.addEventListener('scroll', placeSoon, { passive: true, capture: true, signal });
  };
  lifetime.signal.addEventListener('abort', () => cancelAnimationFrame(frame));
  store.subscribe(placeSoon);
  listen();
  return {
    // Once: a placement already queued (the first look's store change asks for one) would only do it again.
    place() {
      cancelAnimationFrame(frame);
      place();
    },
    placeSoon,
    listen,
  };
}
