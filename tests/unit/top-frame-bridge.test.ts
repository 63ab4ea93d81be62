// The top frame's two content scripts meet in their shared isolated world, in either order.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { awaitPanel, guardSide, offerPanel, type GuardSide, type PanelSide } from '../../utils/top-frame-bridge';

function panel(signal = new AbortController().signal): PanelSide {
  return {
    fieldChanged: () => null,
    calloutRoot: document.createElement('div').attachShadow({ mode: 'closed' }),
    isOwnUi: () => false,
    signal,
  };
}

const guard = (): GuardSide => ({ reattach: vi.fn(), refresh: vi.fn() });

describe('top-frame bridge', () => {
  beforeEach(() => {
    delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('sim-exit-guide.top-frame')];
  });

  it('starts the guard when the panel comes after it', () => {
    const side = guard();
    const start = vi.fn(() => side);
    awaitPanel(start);
    expect(start).not.toHaveBeenCalled();
    expect(guardSide()).toBeUndefined();
    const p = panel();
    offerPanel(p);
    expect(start).toHaveBeenCalledExactlyOnceWith(p);
    expect(guardSide()).toBe(side);
  });

  it('starts the guard at once when the panel came first, and only once per panel', () => {
    const p = panel();
    offerPanel(p);
    const start = vi.fn(guard);
    awaitPanel(start);
    offerPanel(p);
    expect(start).toHaveBeenCalledTimes(1);
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
