// Issue 14: turning the guide off, field warnings, the toolbar icon, the open-page message, the
// settings page's switches and the popup's "Turn off on this site" (issue 12 moved it there from the
// panel's menu, with the panel test's assertions): each asks before it stops anything, and does
// exactly what it said.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from './mount';
import { FieldSwitch, GuideSwitch } from '../../../components/pages/Switches';
import { Popup, type PopupActions, type PopupView } from '../../../components/popup/Popup';
import { badgeFor } from '../../../utils/background/badge';

import type { Badge } from '../../../utils/background/badge';
import { guideOff, turnOffSitePatch, turnOnPatch } from '../../../utils/guide-off';
import { defaultProgress, defaultSettings } from '../../../utils/progress';
import { applyAction } from '../../../utils/progress-actions';
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
    // Off on one site: added once, the list sorted, nothing else touched.
    expect(turnOffSitePatch({ disabledHosts: ['z.example'] }, 'www.hk.chinamobile.com')).toEqual({ disabledHosts: ['www.hk.chinamobile.com', 'z.example'] });
    expect(turnOffSitePatch({ disabledHosts: ['www.hk.chinamobile.com'] }, 'www.hk.chinamobile.com')).toEqual({ disabledHosts: ['www.hk.chinamobile.com'] });
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
    expect(await answer({ type: 'field-focus', kind: 'card-number' }, frame, deps)).toEqual({ severity: 'warn', mark: null });
    const page = { id: 'our-extension-id', url: `${deps.extensionUrl}options.html` };
    await answer({ type: 'update-progress', action: { kind: 'settings', patch: { fieldWarnings: false } } }, page, deps);
    expect(await answer({ type: 'field-focus', kind: 'card-number' }, frame, deps)).toEqual({ severity: null, mark: null });
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

describe('the popup: turning the guide off on this site', () => {
  const HOST = 'www.hk.chinamobile.com';
  function popup(view: Partial<PopupView> = {}, fieldWarnings = true) {
    const actions: PopupActions = { command: vi.fn(async () => true), setLanguage: vi.fn(), reset: vi.fn(), turnOn: vi.fn(), turnOffSite: vi.fn() };
    const progress = { progress: applyAction(defaultProgress(), { kind: 'settings', patch: { fieldWarnings } }), notice: null };
    const full: PopupView = { lang: 'en', tabId: 3, carrier: 'cmhk', trust: 'official', incognito: false, host: HOST, loaded: true, progress, ...view };
    return { root: mount(<Popup view={full} actions={actions} />), actions };
  }

  it('asks first, says what stops, what keeps watching and how to undo; nothing happens until confirmed', async () => {
    const { root, actions } = popup();
    expect(root.querySelector('[data-turn-off-site]')?.textContent).toBe('Turn off on this site…');
    await click(root, '[data-turn-off-site]');
    const ask = root.querySelector('[data-confirm="site-off"]')!;
    expect(ask).not.toBeNull();
    expect(actions.turnOffSite).not.toHaveBeenCalled();
    expect(ask.getAttribute('role')).toBe('group');
    expect(ask.textContent).toMatch(/Turn the guide off on this site\?/);
    expect(ask.textContent).toMatch(/stop showing on this site/);
    expect(ask.textContent).toMatch(/Field warnings keep watching/);
    expect(ask.textContent).toMatch(/Turn the guide back on/);
    expect(document.activeElement?.textContent).toBe('Keep as it is');
    await click(root, '[data-confirm="site-off"] button:not([data-confirm-yes])');
    expect(root.querySelector('[data-confirm]')).toBeNull();
    expect(actions.turnOffSite).not.toHaveBeenCalled();
    // Escape keeps it on too.
    await click(root, '[data-turn-off-site]');
    await act(() => {
      root.querySelector('[data-confirm="site-off"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[data-confirm]')).toBeNull();
    expect(actions.turnOffSite).not.toHaveBeenCalled();
    await click(root, '[data-turn-off-site]');
    expect(root.querySelector('[data-confirm-yes="site-off"]')?.textContent).toBe('Turn off on this site');
    await click(root, '[data-confirm-yes="site-off"]');
    expect(actions.turnOffSite).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-confirm]')).toBeNull();
  });

  it('says when field warnings are already off, in the chosen language', async () => {
    const { root } = popup({ lang: 'zh-Hant' }, false);
    await click(root, '[data-turn-off-site]');
    const ask = root.querySelector('[data-confirm="site-off"]')!.textContent!;
    expect(ask).toMatch(/要在此網站關閉指南嗎？/);
    expect(ask).toMatch(/輸入欄警告已關閉/);
    expect(ask).not.toMatch(/輸入欄警告會繼續/);
  });

  it('is offered only where the guide runs: an official or enabled site, not already off there', () => {
    expect(popup({ trust: 'enabled' }).root.querySelector('[data-turn-off-site]')).not.toBeNull();
    expect(popup({ trust: 'suspicious' }).root.querySelector('[data-turn-off-site]')).toBeNull();
    expect(popup({ carrier: null, trust: null, host: 'example.com' }).root.querySelector('[data-turn-off-site]')).toBeNull();
    expect(popup({ host: null }).root.querySelector('[data-turn-off-site]')).toBeNull();
    const off = { progress: applyAction(defaultProgress(), { kind: 'settings', patch: { disabledHosts: [HOST] } }), notice: null };
    const already = popup({ progress: off }).root;
    expect(already.querySelector('[data-turn-off-site]')).toBeNull();
    expect(already.querySelector('[data-guide-off="site"]')).not.toBeNull();
    const everywhere = { progress: applyAction(defaultProgress(), { kind: 'settings', patch: { disabledEverywhere: true } }), notice: null };
    expect(popup({ progress: everywhere }).root.querySelector('[data-turn-off-site]')).toBeNull();
  });
});
