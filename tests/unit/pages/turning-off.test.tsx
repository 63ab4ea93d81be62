// Issue 14: turning the guide off, field warnings, the toolbar icon, the open-page message, and the
// settings page's switches: each asks before it stops anything, and does exactly what it said.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldSwitch, GuideSwitch } from '../../../components/pages/Switches';
import { badgeFor } from '../../../utils/background/badge';

import type { Badge } from '../../../utils/background/badge';
import { guideOff, turnOnPatch } from '../../../utils/guide-off';
import { defaultSettings } from '../../../utils/progress';
import type { Settings } from '../../../utils/types';
import { answer, quietRouterDeps } from '../fake-router-deps';

afterEach(() => document.body.replaceChildren());

const OFFICIAL = { carrier: 'cmhk', trust: 'official', step: null } as const;
const top = (tabId: number) => ({ id: 'our-extension-id', url: 'https://www.hk.chinamobile.com/tc/', frameId: 0, tab: { id: tabId } });

describe('where the guide is off', () => {
  it('is off everywhere, on a listed host, or on', () => {
    const s = { ...defaultSettings(), disabledHosts: ['www.hk.chinamobile.com'] };
    expect(guideOff(s, 'www.hk.chinamobile.com')).toBe('site');
    expect(guideOff(s, 'www.cuniq.com')).toBeNull();
    expect(guideOff({ ...s, disabledEverywhere: true }, 'www.cuniq.com')).toBe('everywhere');
    expect(guideOff(null, 'www.hk.chinamobile.com')).toBeNull();
    expect(turnOnPatch({ disabledHosts: ['a.example', 'www.hk.chinamobile.com'] }, 'www.hk.chinamobile.com')).toEqual({ disabledEverywhere: false, disabledHosts: ['a.example'] });
  });

  it('the toolbar icon says off (grey), except on a suspicious site, which stays red', () => {
    expect(badgeFor(OFFICIAL, 'en', 'everywhere')).toMatchObject({ text: 'off', color: '#57606a' });
    expect(badgeFor(OFFICIAL, 'en', 'everywhere').title).toMatch(/turned off everywhere.*turn it back on/i);
    expect(badgeFor(OFFICIAL, 'zh-Hant', 'site').title).toMatch(/已在此網站（中國移動香港）關閉/);
    expect(badgeFor({ carrier: 'cmhk', trust: 'suspicious', step: null }, 'en', 'everywhere').text).toBe('!');
    expect(badgeFor(OFFICIAL, 'en').text).toBe('✓');
  });
});

describe('background: settings that turn things off', () => {
  it('refreshes every known tab\'s icon when the guide is turned off and on', async () => {
    const badges: [number, Badge][] = [];
    const deps = { ...quietRouterDeps(), setBadge: async (tab: number, b: Badge) => void badges.push([tab, b]) };
    await answer({ type: 'page-state', state: OFFICIAL }, top(4), deps);
    expect(badges.at(-1)).toEqual([4, expect.objectContaining({ text: '✓' })]);
    const popup = { id: 'our-extension-id', url: `${deps.extensionUrl}options.html` };
    await answer({ type: 'update-progress', action: { kind: 'settings', patch: { disabledEverywhere: true } } }, popup, deps);
    expect(badges.at(-1)).toEqual([4, expect.objectContaining({ text: 'off' })]);
    // A page reporting again keeps the icon off.
    await answer({ type: 'page-state', state: OFFICIAL }, top(4), deps);
    expect(badges.at(-1)).toEqual([4, expect.objectContaining({ text: 'off' })]);
    await answer({ type: 'update-progress', action: { kind: 'settings', patch: { disabledEverywhere: false } } }, popup, deps);
    expect(badges.at(-1)).toEqual([4, expect.objectContaining({ text: '✓' })]);
  });

  it('a frame gets no verdict (so no callout) while field warnings are off', async () => {
    const deps = quietRouterDeps();
    await answer({ type: 'page-state', state: OFFICIAL }, top(5), deps);
    const frame = { ...top(5), frameId: 3 };
    expect(await answer({ type: 'field-focus', kind: 'card-number' }, frame, deps)).toEqual({ severity: 'warn' });
    const page = { id: 'our-extension-id', url: `${deps.extensionUrl}options.html` };
    await answer({ type: 'update-progress', action: { kind: 'settings', patch: { fieldWarnings: false } } }, page, deps);
    expect(await answer({ type: 'field-focus', kind: 'card-number' }, frame, deps)).toEqual({ severity: null });
  });

  it('open-page: our pages and the panel in a top frame may ask; a frame or another extension may not', async () => {
    const openPage = vi.fn(async () => undefined);
    const deps = { ...quietRouterDeps(), openPage };
    expect(await answer({ type: 'open-page', page: 'options' }, top(6), deps)).toEqual({ ok: true });
    expect(openPage).toHaveBeenLastCalledWith('options');
    expect(await answer({ type: 'open-page', page: 'welcome' }, { id: 'our-extension-id', url: `${deps.extensionUrl}popup.html` }, deps)).toEqual({ ok: true });
    expect(await answer({ type: 'open-page', page: 'options' }, { ...top(6), frameId: 2 }, deps)).toEqual({ error: 'rejected' });
    expect(await answer({ type: 'open-page', page: 'options' }, { ...top(6), id: 'another' }, deps)).toEqual({ error: 'rejected' });
    expect(await answer({ type: 'open-page', page: 'https://evil.example/' }, top(6), deps)).toEqual({ error: 'invalid' });
    expect(openPage).toHaveBeenCalledTimes(2);
  });
});

function mount(ui: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(ui, root));
  return root;
}
const click = async (root: Element, selector: string) => act(() => (root.querySelector(selector) as HTMLElement).click());

describe('settings page switches', () => {
  const settings = (patch: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...patch });

  it('the guide: says what stops, what keeps watching and how to undo, before turning off; then offers the way back', async () => {
    const onPatch = vi.fn();
    const root = mount(<GuideSwitch lang="en" settings={settings()} onPatch={onPatch} />);
    await click(root, '[data-guide-off]');
    const ask = root.querySelector('[data-confirm="guide-off"]')!;
    expect(ask.textContent).toMatch(/stop showing on every carrier site/);
    expect(ask.textContent).toMatch(/Field warnings keep watching/);
    expect(ask.textContent).toMatch(/Turn the guide back on/);
    expect(document.activeElement?.textContent).toBe('Keep as it is');
    expect(onPatch).not.toHaveBeenCalled();
    await click(root, '[data-confirm-yes="guide-off"]');
    expect(onPatch).toHaveBeenCalledWith({ disabledEverywhere: true });

    const off = mount(<GuideSwitch lang="en" settings={settings({ disabledEverywhere: true, disabledHosts: ['www.cuniq.com'] })} onPatch={onPatch} />);
    expect(off.querySelector('[data-guide-state="off"]')).not.toBeNull();
    await click(off, '[data-guide-on]');
    expect(onPatch).toHaveBeenLastCalledWith({ disabledEverywhere: false });
    const again = off.querySelector('[data-off-host="www.cuniq.com"] button')!;
    expect(again.getAttribute('aria-label')).toBe('Turn the guide back on for www.cuniq.com');
    await act(() => (again as HTMLElement).click());
    expect(onPatch).toHaveBeenLastCalledWith({ disabledHosts: [] });
  });

  it('field warnings: asked first, Escape keeps them; off only when confirmed', async () => {
    const onPatch = vi.fn();
    const root = mount(<FieldSwitch lang="zh-Hant" settings={settings()} onPatch={onPatch} />);
    await click(root, '[data-field-off]');
    expect(root.querySelector('[data-confirm="field-off"]')?.textContent).toMatch(/不會再顯示警告/);
    await act(() => {
      root.querySelector('[data-confirm="field-off"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[data-confirm]')).toBeNull();
    expect(onPatch).not.toHaveBeenCalled();
    await click(root, '[data-field-off]');
    await click(root, '[data-confirm-yes="field-off"]');
    expect(onPatch).toHaveBeenCalledWith({ fieldWarnings: false });
  });
});
