import { beforeEach, describe, expect, it } from 'vitest';
import { HOST_ATTRIBUTE, mountHost } from '../../components/mount-host';

describe('mountHost', () => {
  beforeEach(() => {
    document.documentElement.querySelectorAll(`[${HOST_ATTRIBUTE}]`).forEach((e) => e.remove());
  });

  it('attaches a closed shadow root under <html>, not <body>', () => {
    const { host, root } = mountHost(document, '.x{}');
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(root.querySelector('style')?.textContent).toBe('.x{}');
    expect(host.getAttribute('popover')).toBe('manual');
  });

  it('pins its placement with inline !important styles in px', () => {
    const { host } = mountHost(document, '');
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyPriority('position')).toBe('important');
    expect(host.style.getPropertyValue('z-index')).toBe('2147483647');
  });

  it('comes back after the page removes it, with the same shadow root', () => {
    const mounted = mountHost(document, '');
    const marker = document.createElement('p');
    mounted.root.append(marker);
    mounted.host.remove();
    expect(mounted.ensureMounted()).toBe(true);
    expect(mounted.host.parentNode).toBe(document.documentElement);
    expect(mounted.root.contains(marker)).toBe(true);
    expect(mounted.ensureMounted()).toBe(false);
  });

  it('restores styles the page overwrote', () => {
    const mounted = mountHost(document, '');
    mounted.host.setAttribute('style', 'display:none');
    mounted.ensureMounted();
    expect(mounted.host.style.getPropertyValue('display')).toBe('block');
  });

  it('removes a stale host left by an earlier copy of the extension', () => {
    const first = mountHost(document, '');
    const second = mountHost(document, '');
    expect(first.host.isConnected).toBe(false);
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(second.host.isConnected).toBe(true);
  });
});
