// Follows the highlighted element while the page scrolls or resizes, one measurement per frame.
import type { Rect } from '../../components/Highlight';

export interface HighlightTracker {
  show(target: Element, scroll: boolean): void;
  hide(): void;
}

export function trackHighlight(
  win: Window,
  onRect: (rect: Rect | null, viewport: { width: number; height: number }) => void,
  signal: AbortSignal,
): HighlightTracker {
  let target: Element | null = null;
  let frame = 0;
  const measure = () => {
    frame = 0;
    if (!target) return;
    if (!target.isConnected) {
      target = null;
      onRect(null, { width: 0, height: 0 });
      return;
    }
    const r = target.getBoundingClientRect();
    onRect({ top: r.top, left: r.left, width: r.width, height: r.height }, {
      width: win.innerWidth,
      height: win.innerHeight,
    });
  };
  const request = () => {
    if (target && !frame) frame = win.requestAnimationFrame(measure);
  };
  win.addEventListener('scroll', request, { capture: true, passive: true, signal });
  win.addEventListener('resize', request, { passive: true, signal });
  signal.addEventListener('abort', () => frame && win.cancelAnimationFrame(frame));
  return {
    show(el, scroll) {
      target = el;
      if (scroll) {
        const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
        el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
      }
      measure();
      request();
    },
    hide() {
      target = null;
      onRect(null, { width: 0, height: 0 });
    },
  };
}
