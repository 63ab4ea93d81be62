// Issue 16, item 1: the host undoes what a page does to it (inert, hidden, styles, the popover
// attribute, inert on <html>) and names a page that keeps fighting. The top-layer contest itself
// (popovers, modal dialogs, fullscreen) is tested in real browsers: tests/e2e/scenarios/trust.ts.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_ATTRIBUTE, mountHost } from '../../../components/mount-host';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the host guards itself', () => {
  const lifetime = new AbortController();
  afterAll(() => lifetime.abort());
  afterEach(() => {
    document.documentElement.removeAttribute('inert');
    document.querySelectorAll(`[${HOST_ATTRIBUTE}]`).forEach((e) => e.remove());
  });

  it('undoes inert, hidden, style and popover changes, and inert on <html>', async () => {
    const onFight = vi.fn();
    const { host } = mountHost(document, '', { signal: lifetime.signal, onFight });
    host.setAttribute('inert', '');
    await tick();
    expect(host.hasAttribute('inert')).toBe(false);
    host.hidden = true;
    await tick();
    expect(host.hidden).toBe(false);
    host.style.setProperty('display', 'none', 'important');
    await tick();
    expect(host.style.getPropertyValue('display')).toBe('block');
    host.removeAttribute('popover');
    await tick();
    expect(host.getAttribute('popover')).toBe('manual');
    expect(onFight).not.toHaveBeenCalled();
    document.documentElement.setAttribute('inert', '');
    await tick();
    expect(document.documentElement.hasAttribute('inert')).toBe(false);
    // Five attacks within seconds: the page is fighting, said once.
    expect(onFight).toHaveBeenCalledTimes(1);
    host.setAttribute('inert', '');
    await tick();
    expect(onFight).toHaveBeenCalledTimes(1);
  });

  it('its own restoring is no attack (no loop on its style attribute)', async () => {
    const onFight = vi.fn();
    const mounted = mountHost(document, '', { signal: lifetime.signal, onFight });
    for (let i = 0; i < 10; i++) mounted.ensureMounted();
    await tick();
    await tick();
    expect(onFight).not.toHaveBeenCalled();
  });

  it('stops guarding when its lifetime ends', async () => {
    const own = new AbortController();
    const { host } = mountHost(document, '', { signal: own.signal });
    own.abort();
    host.setAttribute('inert', '');
    await tick();
    expect(host.hasAttribute('inert')).toBe(true);
  });
});
