// Issue 16, items 3 and 4: no guidance and no progress on a suspicious site (the contract in
// DESIGN.md), a look-alike stays suspicious after the user enables it, and a tab's trust comes
// from its current address (the popup's data-tab-trust), whatever a panel reported before.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Panel } from '../../../components/Panel';
import type { PanelActions, PanelState } from '../../../components/panel-state';
import type { RouterDeps } from '../../../utils/background/deps';
import { quietRouterDeps, answer } from '../fake-router-deps';
import { panelCarrier, panelTexts } from '../panel-texts';
import { createProgressStore, type StorageAreaLike } from '../../../utils/background/progress-store';
import { createSiteService, type SiteDeps } from '../../../utils/background/site-registry';
import { ALL_SITES } from '../../../utils/site-trust';
import { onTabUpdated } from '../../../utils/background/tab-navigation';

function memoryArea(): StorageAreaLike {
  const data: Record<string, unknown> = {};
  return { get: async (key) => ({ [key]: data[key] }), set: async (items) => void Object.assign(data, items) };
}

function setup() {
  const granted = new Set<string>([ALL_SITES]);
  const store = createProgressStore({ area: memoryArea() });
  const siteDeps: SiteDeps = {
    store,
    permissions: {
      contains: async ({ origins }) => origins.every((o) => granted.has(o) || granted.has(ALL_SITES)),
      remove: async () => true,
    },
    registrar: { list: async () => [], register: async () => {}, unregister: async () => {} },
    files: { panel: ['p.js'], guard: ['g.js'], probe: ['pr.js'] },
    officialPatterns: [],
    setBadge: vi.fn(async () => {}),
    injectPanel: vi.fn(async () => {}),
    uiLanguage: 'en',
  };
  const sites = createSiteService(siteDeps);
  const urls = new Map<number, string>();
  const deps: RouterDeps = {
    ...quietRouterDeps(),
    runtimeId: 'ext',
    extensionUrl: 'chrome-extension://ext/',
    store,
    setBadge: vi.fn(async () => {}),
    sites,
    tabUrl: async (id) => urls.get(id) ?? null,
  };
  return { deps, sites, store, urls };
}

const page = (url: string, tabId = 3) => ({ id: 'ext', url, frameId: 0, tab: { id: tabId, incognito: false } });
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const LOOKALIKE = 'https://www.hk-chinamobile.com/tc/login';
const signals = { passwordField: true, cardField: false, brands: ['cmhk' as const], signInWords: true, lureWords: false };

describe('no guidance on a suspicious site', () => {
  it('the background records no progress from a look-alike, only how the panel looks', async () => {
    const t = setup();
    await t.sites.setLookalike(true);
    expect(await t.sites.probe(3, LOOKALIKE, signals)).toEqual({ suspicious: true });
    for (const action of [
      { kind: 'reach-step', carrier: 'cmhk', step: 'sign-in' },
      { kind: 'mark-step', carrier: 'cmhk', step: 'sign-in', done: true },
      { kind: 'toggle-check', carrier: 'cmhk', item: 'decide' },
      { kind: 'add-card', carrier: 'cmhk', label: 'x' },
      { kind: 'settings', patch: { disabledEverywhere: true } },
    ]) {
      expect(await answer({ type: 'update-progress', action }, page(LOOKALIKE), t.deps)).toEqual({ error: 'rejected' });
    }
    // Neither from a page of no trust at all.
    const reach = { type: 'update-progress', action: { kind: 'reach-step', carrier: 'cmhk', step: 'sign-in' } };
    expect(await answer(reach, page('https://practice.example/'), t.deps)).toEqual({ error: 'rejected' });
    expect((await t.store.load()).progress.carriers).toEqual({});
    // Folding the panel or switching its language is fine.
    const fold = { type: 'update-progress', action: { kind: 'settings', patch: { collapsed: true } } };
    expect(await answer(fold, page(LOOKALIKE), t.deps)).toMatchObject({ progress: { settings: { collapsed: true } } });
    // The official site records as before.
    expect(await answer(reach, page('https://www.hk.chinamobile.com/tc/'), t.deps)).toMatchObject({ progress: { carriers: { cmhk: {} } } });
  });

  it('a suspicious page state never carries a step', async () => {
    const t = setup();
    const claim = { type: 'page-state', state: { carrier: 'cmhk', trust: 'suspicious', step: 'sign-in' } };
    expect(await answer(claim, page('https://evil.example/'), t.deps)).toEqual({ ok: true });
    expect((await t.deps.tabs.get(3))?.state).toEqual({ carrier: 'cmhk', trust: 'suspicious', step: null });
    const forged = { type: 'page-state', state: { carrier: 'cmhk', trust: 'official', step: 'find-entry' } };
    await answer(forged, page('https://evil.example/'), t.deps);
    expect((await t.deps.tabs.get(3))?.state).toEqual({ carrier: 'cmhk', trust: 'suspicious', step: null });
  });

  it('a host that imitates a carrier stays suspicious after the user enables it', async () => {
    const t = setup();
    expect(await t.sites.enable('https://www.hk-chinamobile.com', 'cmhk')).toEqual({ ok: true, pending: false });
    expect(await t.sites.siteFor(LOOKALIKE, 3)).toEqual({ trust: 'suspicious', carrier: 'cmhk', host: 'www.hk-chinamobile.com' });
    expect(await answer({ type: 'get-site' }, page(LOOKALIKE), t.deps)).toEqual({
      site: { trust: 'suspicious', carrier: 'cmhk', host: 'www.hk-chinamobile.com' },
    });
    const claim = { type: 'page-state', state: { carrier: 'cmhk', trust: 'enabled', step: 'sign-in' } };
    expect(await answer(claim, page(LOOKALIKE), t.deps)).toEqual({ ok: true });
    expect((await t.deps.tabs.get(3))?.state).toEqual({ carrier: 'cmhk', trust: 'suspicious', step: null });
    // An ordinary site the user enables is "enabled".
    await t.sites.enable('https://practice.example', 'cmhk');
    expect(await t.sites.siteFor('https://practice.example/x', 3)).toMatchObject({ trust: 'enabled' });
  });

  it('the panel on a suspicious site: no step, no "Show me where", no checklist; the warning and the official address', () => {
    const el = document.createElement('div');
    document.body.append(el);
    const acts = Object.fromEntries(
      ['setExpanded', 'setLanguage', 'toggleCheck', 'markStep', 'showTarget', 'hideHighlight', 'openSettings', 'dismissNotice', 'printChecklist'].map((k) => [k, vi.fn()]),
    ) as unknown as PanelActions;
    const state: PanelState = {
      carrier: panelCarrier('cmhk'),
      trust: 'suspicious',
      texts: panelTexts('en'),
      step: 'sign-in',
      hasTarget: true,
      highlightShown: true,
      spotlight: false,
      progress: null,
      notice: null,
      expanded: true,
      turnedOff: false,
      field: null,
      thirdPartyFrame: false,
      focusRequest: 0,
    };
    render(<Panel state={state} actions={acts} />, el);
    const panel = el.querySelector('[data-guide-panel]')!;
    expect(panel.getAttribute('data-site-trust')).toBe('suspicious');
    expect(el.querySelector('[aria-current]')).toBeNull();
    expect(el.querySelector('[data-step-id]')).toBeNull();
    expect(el.querySelector('[data-checklist-item]')).toBeNull();
    expect(el.querySelector('button.primary')).toBeNull();
    expect(el.querySelector('[data-official-address]')?.textContent).toBe('www.hk.chinamobile.com');
    expect(el.querySelector('.trust.suspicious')?.getAttribute('role')).toBe('alert');
    render(null, el);
    el.remove();
  });
});

describe("a tab's trust from its current address", () => {
  it('get-tab-state: the popup sees what the address says now, not what a panel reported', async () => {
    const t = setup();
    t.urls.set(3, 'https://www.hk.chinamobile.com/tc/');
    await answer({ type: 'page-state', state: { carrier: 'cmhk', trust: 'official', step: 'sign-in' } }, page('https://www.hk.chinamobile.com/tc/'), t.deps);
    expect(await answer({ type: 'get-tab-state', tabId: 3 }, popup, t.deps)).toMatchObject({
      page: { carrier: 'cmhk', trust: 'official', step: 'sign-in' },
    });
    // The tab navigated while the background slept: the record is stale, the address is not.
    t.urls.set(3, 'https://evil.example/cancel');
    expect(await answer({ type: 'get-tab-state', tabId: 3 }, popup, t.deps)).toMatchObject({ page: null });
    t.urls.set(3, LOOKALIKE);
    await t.sites.setLookalike(true);
    await t.sites.probe(3, LOOKALIKE, signals);
    expect(await answer({ type: 'get-tab-state', tabId: 3 }, popup, t.deps)).toMatchObject({ page: { trust: 'suspicious', carrier: 'cmhk', step: null } });
    // An address we cannot read is no trust at all.
    t.urls.delete(3);
    expect(await answer({ type: 'get-tab-state', tabId: 3 }, popup, t.deps)).toMatchObject({ page: null });
  });

  it('a navigation elsewhere clears the record and sets the icon from the new address', async () => {
    const t = setup();
    await answer({ type: 'page-state', state: { carrier: 'cmhk', trust: 'official', step: 'sign-in' } }, page('https://www.hk.chinamobile.com/tc/'), t.deps);
    // Same site, another page: kept.
    await onTabUpdated(3, { url: 'https://www.hk.chinamobile.com/en/' }, undefined, t.deps);
    expect(await t.deps.tabs.get(3)).toBeTruthy();
    // Elsewhere (or an address we may not read): gone.
    await onTabUpdated(3, { status: 'loading' }, undefined, t.deps);
    expect(await t.deps.tabs.get(3)).toBeUndefined();
    await onTabUpdated(3, { status: 'complete' }, 'https://www.hk.chinamobile.com/tc/', t.deps);
    expect(t.deps.setBadge).toHaveBeenLastCalledWith(3, expect.objectContaining({ text: '✓' }));
    await onTabUpdated(3, { status: 'complete' }, 'https://evil.example/', t.deps);
    expect(t.deps.setBadge).toHaveBeenLastCalledWith(3, expect.objectContaining({ text: '' }));
  });
});

describe('every frame is checked', () => {
  it("a look-alike framed by a neutral page makes the tab suspicious; the top frame's panel is told so", async () => {
    const t = setup();
    await t.sites.setLookalike(true);
    const frame = { id: 'ext', url: 'https://www.hk-chinamobile.com/login', frameId: 5, tab: { id: 3, incognito: false, url: 'https://news.example/story' } };
    expect(await answer({ type: 'probe', signals: { ...signals, brands: [] } }, frame, t.deps)).toEqual({ suspicious: true });
    // The neutral top page's own report (it comes in any order) does not clear what its frame found.
    const none = { passwordField: false, cardField: false, brands: [], signInWords: false, lureWords: false };
    expect(await answer({ type: 'probe', signals: none }, page('https://news.example/story'), t.deps)).toEqual({ suspicious: false });
    expect(await answer({ type: 'get-site' }, page('https://news.example/story'), t.deps)).toEqual({
      site: { trust: 'suspicious', carrier: 'cmhk', host: 'news.example' },
    });
    // A blob: document is judged with its creator's host; a data: frame by what it asks for.
    const blob = { id: 'ext', url: 'blob:https://cancel.example/5e1f', frameId: 0, tab: { id: 4, incognito: false } };
    const text = { passwordField: false, cardField: true, brands: [], signInWords: false, lureWords: false, text: '中國 移動 取消服務' };
    expect(await answer({ type: 'probe', signals: text }, blob, t.deps)).toEqual({ suspicious: true });
    expect(await t.sites.siteFor('https://cancel.example/', 4)).toMatchObject({ trust: 'suspicious', carrier: 'cmhk' });
    const data = { id: 'ext', url: 'data:text/html,x', frameId: 2, tab: { id: 6, incognito: false, url: 'https://host.example/' } };
    expect(await answer({ type: 'probe', signals: text }, data, t.deps)).toEqual({ suspicious: true });
    expect(await t.sites.siteFor('https://host.example/', 6)).toMatchObject({ trust: 'suspicious' });
  });
});

