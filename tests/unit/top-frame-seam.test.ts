// The top frame's two content scripts meet in their shared isolated world, in either order.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { awaitPanel, offerPanel, type GuardSide, type PanelSide } from '../../utils/page/top-frame-seam';

function panel(signal = new AbortController().signal): PanelSide {
  return {
    fieldChanged: () => null,
    calloutRoot: document.createElement('div').attachShadow({ mode: 'closed' }),
    isOwnUi: () => false,
    signal,
  };
}

const guard = (): GuardSide => ({ reattach: vi.fn(), refresh: vi.fn() });

describe('top-frame seam', () => {
  beforeEach(() => {
    delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('sim-exit-guide.top-frame')];
  });

  it('starts the guard when the panel comes after it', () => {
    const side = guard();
    const start = vi.fn(() => side);
    awaitPanel(start);
    expect(start).not.toHaveBeenCalled();
    const p = panel();
    const handle = offerPanel(p);
    expect(start).toHaveBeenCalledExactlyOnceWith(p);
    expect(handle.guard()).toBe(side);
  });

  it('starts the guard at once when the panel came first, and only once per panel', () => {
    const p = panel();
    const handle = offerPanel(p);
    expect(handle.guard()).toBeUndefined();
    const start = vi.fn(guard);
    awaitPanel(start);
    offerPanel(p);
    expect(start).toHaveBeenCalledTimes(1);
    expect(handle.guard()).toBe(start.mock.results[0]!.value);
  });

  it('does not start for a panel that has already gone', () => {
    const gone = new AbortController();
    gone.abort();
    offerPanel(panel(gone.signal));
    const start = vi.fn(guard);
    awaitPanel(start);
    expect(start).not.toHaveBeenCalled();
  });
});
