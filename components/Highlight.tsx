// Marks the element to use, in the style of driver.js: a dimmed page with a cut-out around the
// target and a ring. It never takes clicks: the page stays fully usable.
export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

const PAD = 6;

export function Highlight({ rect, viewport, dim }: { rect: Rect; viewport: { width: number; height: number }; dim: boolean }) {
  const x = Math.max(0, rect.left - PAD);
  const y = Math.max(0, rect.top - PAD);
  const w = rect.width + PAD * 2;
  const h = rect.height + PAD * 2;
  const { width: vw, height: vh } = viewport;
  // One path: the whole viewport, then the hole, filled with evenodd so the hole stays clear.
  const d = `M0 0H${vw}V${vh}H0Z M${x} ${y}h${w}v${h}h${-w}Z`;
  return (
    <>
      {dim ? (
        <svg class="highlight-overlay" width={vw} height={vh} viewBox={`0 0 ${vw} ${vh}`} aria-hidden="true">
          <path d={d} fill-rule="evenodd" />
        </svg>
      ) : null}
      <div
        class="highlight-ring"
        data-highlight=""
        aria-hidden="true"
        style={{ top: `${y}px`, left: `${x}px`, width: `${w}px`, height: `${h}px` }}
      />
    </>
  );
}
