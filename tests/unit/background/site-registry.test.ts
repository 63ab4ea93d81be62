// Enabled sites and the look-alike warning in the background: registration on permissions.onAdded,
// reconcile at start-up and on onRemoved, removal that gives the permission back, and the router's
// checks (a page cannot claim "enabled", the popup cannot write enabled sites as a settings patch).
import { describe, expect, it, vi } from 'vitest';
import type { RouterDeps } from '../../../utils/background/deps';
import { createTabRegistry } from '../../../utils/background/tab-registry';
import { createProgressStore, type StorageAreaLike } from '../../../utils/background/progress-store';
import { createSiteService, type ScriptSpec, type SiteDeps } from '../../../utils/background/site-registry';
import { ALL_SITES } from '../../../utils/site-trust';
import { answer } from '../fake-router-deps';

function memoryArea(initial: Record<string, unknown> = {}): StorageAreaLike & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: async (key) => ({ [key]: data[key] }), set: async (items) => void Object.assign(data, items) };
}

function setup(initial: Record<string, unknown> = {}) {
  const granted = new Set<string>();
  const registered = new Map<string, ScriptSpec>();
  const area = memoryArea(initial);
  const store = createProgressStore({ area });
  const deps: SiteDeps = {
    store,
    permissions: {
      contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o) || granted.has(ALL_SITES))),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => origins.map((o) => granted.delete(o)).some(Boolean)),
    },
    registrar: {
      list: vi.fn(async () => [...registered.values()]),
      register: vi.fn(async (scripts: ScriptSpec[]) => {
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error('duplicate id');
          registered.set(s.id, s);
        }
      }),
      unregister: vi.fn(async (ids: string[]) => ids.forEach((id) => registered.delete(id))),
    },
    files: { panel: ['content-scripts/panel.js'], guard: ['content-scripts/guard.js'], probe: ['content-scripts/probe.js'] },
    officialPatterns: ['https://www.hk.chinamobile.com/*'],
    setBadge: vi.fn(async () => {}),
    injectPanel: vi.fn(async () => {}),
    uiLanguage: 'en',
  };
  const sites = createSiteService(deps);
  const settings = async () => (await store.load()).progress.settings;
  return { granted, registered, area, store, deps, sites, settings };
}

describe('site registry', () => {
  it('enables a site once its permission arrives, with the carrier the popup named', async () => {
    const t = setup();
    expect(await t.sites.enable('https://practice.example', 'smartone')).toEqual({ ok: false, pending: true });
    expect(t.registered.size).toBe(0);
    t.granted.add('https://practice.example/*');
    await t.sites.onAdded(['https://practice.example/*']);
    expect((await t.settings()).enabledSites).toEqual([{ origin: 'https://practice.example', carrier: 'smartone' }]);
    expect(t.registered.get('enabled-sites-panel')).toMatchObject({ matches: ['https://practice.example/*'], allFrames: false, js: ['content-scripts/panel.js'] });
    expect(t.registered.get('enabled-sites-guard')).toMatchObject({ matches: ['https://practice.example/*'], allFrames: true, matchOriginAsFallback: true });
    expect(t.registered.has('lookalike-probe')).toBe(false);
    // The popup's second message after the grant changes nothing and re-registers nothing.
    const registerCalls = vi.mocked(t.deps.registrar.register).mock.calls.length;
    expect(await t.sites.enable('https://practice.example', 'smartone')).toEqual({ ok: true, pending: false });
    expect(vi.mocked(t.deps.registrar.register).mock.calls.length).toBe(registerCalls);
  });

  it('a permission granted in the browser settings enables the generic guide', async () => {
    const t = setup();
    t.granted.add('https://other.example/*');
    await t.sites.onAdded(['https://other.example/*']);
    expect((await t.settings()).enabledSites).toEqual([{ origin: 'https://other.example', carrier: 'other' }]);
  });

  it('never enables an official host or a malformed origin', async () => {
    const t = setup();
    t.granted.add(ALL_SITES);
    expect(await t.sites.enable('https://www.hk.chinamobile.com', 'cmhk')).toEqual({ ok: false, pending: false });
    expect(await t.sites.enable('https://practice.example/path', 'cmhk')).toEqual({ ok: false, pending: false });
    expect(await t.sites.enable('https://practice.example:8443', 'cmhk')).toEqual({ ok: false, pending: false });
    await t.sites.onAdded(['https://www.hk.chinamobile.com/*', ALL_SITES]);
    expect((await t.settings()).enabledSites).toEqual([]);
    // all sites granted without the user asking for the warning: it stays off.
    expect((await t.settings()).lookalikeWarning).toBe(false);
  });

  it('remove: drops the site, gives the permission back, unregisters', async () => {
    const t = setup();
    for (const o of ['https://a.example', 'https://b.example']) {
      t.granted.add(`${o}/*`);
      await t.sites.enable(o, 'other');
    }
    expect(t.registered.get('enabled-sites-panel')?.matches).toEqual(['https://a.example/*', 'https://b.example/*']);
    expect(await t.sites.disable('https://a.example')).toEqual({ ok: true });
    expect(t.deps.permissions.remove).toHaveBeenCalledWith({ origins: ['https://a.example/*'] });
    expect(t.granted.has('https://a.example/*')).toBe(false);
    expect(t.registered.get('enabled-sites-panel')?.matches).toEqual(['https://b.example/*']);
    await t.sites.disable('https://b.example');
    expect(t.registered.size).toBe(0);
    expect((await t.settings()).enabledSites).toEqual([]);
  });

  it('reconcile at start-up and on onRemoved: sites without a permission are dropped; lost registrations come back', async () => {
    const stored = {
      progress: {
        version: 1,
        carriers: {},
        settings: {
          language: null,
          disabledEverywhere: false,
          disabledHosts: [],
          collapsed: false,
          enabledSites: [
            { origin: 'https://kept.example', carrier: 'cmhk' },
            { origin: 'https://revoked.example', carrier: 'other' },
          ],
          lookalikeWarning: true,
        },
      },
    };
    const t = setup(stored);
    t.granted.add('https://kept.example/*');
    await t.sites.reconcile();
    const s = await t.settings();
    expect(s.enabledSites).toEqual([{ origin: 'https://kept.example', carrier: 'cmhk' }]);
    expect(s.lookalikeWarning).toBe(false); // no access to all sites any more
    expect([...t.registered.keys()].sort()).toEqual(['enabled-sites-guard', 'enabled-sites-panel']);
    // Firefox's contentScripts.register forgets on restart: reconcile registers again.
    t.registered.clear();
    await t.sites.reconcile();
    expect(t.registered.get('enabled-sites-panel')?.matches).toEqual(['https://kept.example/*']);
    // The user revokes the site in the browser's settings.
    t.granted.delete('https://kept.example/*');
    await t.sites.onRemoved();
    expect(t.registered.size).toBe(0);
    expect((await t.settings()).enabledSites).toEqual([]);
  });

  it('look-alike warning: on asks for all sites, registers the probe outside official and enabled sites; off gives access back', async () => {
    const t = setup();
    t.granted.add('https://mine.example/*');
    await t.sites.enable('https://mine.example', 'other');
    expect(await t.sites.setLookalike(true)).toEqual({ ok: false, pending: true });
    t.granted.add(ALL_SITES);
    await t.sites.onAdded([ALL_SITES]);
    expect((await t.settings()).lookalikeWarning).toBe(true);
    expect(t.registered.get('lookalike-probe')).toMatchObject({
      matches: [ALL_SITES],
      excludeMatches: ['https://www.hk.chinamobile.com/*', 'https://mine.example/*'],
      js: ['content-scripts/probe.js'],
      // Issue 16: every frame (blob: and data: documents too), no longer the top frame only.
      allFrames: true,
      matchOriginAsFallback: true,
    });
    expect(await t.sites.setLookalike(false)).toEqual({ ok: true, pending: false });
    expect(t.deps.permissions.remove).toHaveBeenCalledWith({ origins: [ALL_SITES] });
    expect(t.registered.has('lookalike-probe')).toBe(false);
    // The site the user enabled keeps its own permission and scripts.
    expect((await t.settings()).enabledSites).toEqual([{ origin: 'https://mine.example', carrier: 'other' }]);
    expect(t.registered.has('enabled-sites-panel')).toBe(true);
  });

  it('probe: a look-alike gets a red badge and the panel, once per document; the panel then learns "suspicious"', async () => {
    const t = setup();
    t.granted.add(ALL_SITES);
    await t.sites.setLookalike(true);
    const signals = { passwordField: true, cardField: false, brands: ['cmhk' as const], signInWords: true, lureWords: false };
    expect(await t.sites.probe(7, 'https://www.hk-chinamobile.com/tc/login', signals, 'doc-1')).toEqual({ suspicious: true });
    expect(t.deps.setBadge).toHaveBeenCalledWith(7, expect.objectContaining({ text: '!' }));
    expect(t.deps.injectPanel).toHaveBeenCalledTimes(1);
    await t.sites.probe(7, 'https://www.hk-chinamobile.com/tc/login', { ...signals, cardField: true }, 'doc-1');
    expect(t.deps.injectPanel).toHaveBeenCalledTimes(1);
    expect(await t.sites.siteFor('https://www.hk-chinamobile.com/tc/other', 7)).toEqual({ trust: 'suspicious', carrier: 'cmhk', host: 'www.hk-chinamobile.com' });
    // Another tab or another host learns nothing from it.
    expect(await t.sites.siteFor('https://www.hk-chinamobile.com/', 8)).toBeNull();
    expect(await t.sites.siteFor('https://practice.example/', 7)).toBeNull();
    // An ordinary page: nothing.
    expect(await t.sites.probe(9, 'https://practice.example/', { ...signals, brands: [] }, 'doc-2')).toEqual({ suspicious: false });
    // With the warning off, the probe's reports are ignored.
    await t.sites.setLookalike(false);
    expect(await t.sites.probe(7, 'https://www.hk-chinamobile.com/tc/login', signals, 'doc-3')).toEqual({ suspicious: false });
    expect(await t.sites.siteFor('https://www.hk-chinamobile.com/tc/login', 7)).toBeNull();
  });
});

describe('router and sites', () => {
  function routerDeps(t: ReturnType<typeof setup>): RouterDeps {
    return {
      runtimeId: 'ext',
      extensionUrl: 'chrome-extension://ext/',
      store: t.store,
      tabs: createTabRegistry(null),
      sendToTab: vi.fn(async () => undefined),
      setBadge: vi.fn(async () => {}),
      fieldSeverity: () => 'warn',
      tabIncognito: async () => false,
      openChecklist: async () => {},
      uiLanguage: 'en',
      sites: t.sites,
    };
  }
  const page = (url: string, tabId = 3) => ({ id: 'ext', url, frameId: 0, tab: { id: tabId, incognito: false } });
  const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

  it('accepts "enabled" only from an origin the user enabled, with the carrier they chose', async () => {
    const t = setup();
    const deps = routerDeps(t);
    const claim = { type: 'page-state', state: { carrier: 'cmhk', trust: 'enabled', step: null } };
    expect(await answer(claim, page('https://practice.example/'), deps)).toEqual({ error: 'rejected' });
    expect(deps.setBadge).not.toHaveBeenCalled();
    t.granted.add('https://practice.example/*');
    await answer({ type: 'enable-site', origin: 'https://practice.example', carrier: 'other' }, popup, deps);
    expect(await answer(claim, page('https://practice.example/x'), deps)).toEqual({ ok: true });
    expect((await deps.tabs.get(3))?.state).toEqual({ carrier: 'other', trust: 'enabled', step: null });
    expect(deps.setBadge).toHaveBeenCalledWith(3, expect.objectContaining({ text: '•' }));
    // The same claim from a look-alike of it is refused.
    expect(await answer(claim, page('https://practice.example.evil.example/'), deps)).toEqual({ error: 'rejected' });
  });

  it('site messages: only the popup may enable, remove or switch; pages cannot patch enabled sites', async () => {
    const t = setup();
    const deps = routerDeps(t);
    t.granted.add('https://practice.example/*');
    const enable = { type: 'enable-site', origin: 'https://practice.example', carrier: 'other' };
    expect(await answer(enable, page('https://practice.example/'), deps)).toEqual({ error: 'rejected' });
    expect(await answer({ type: 'set-lookalike', on: true }, page('https://practice.example/'), deps)).toEqual({ error: 'rejected' });
    for (const action of [
      { kind: 'enable-site', site: { origin: 'https://practice.example', carrier: 'other' } },
      { kind: 'lookalike-warning', on: true },
      { kind: 'settings', patch: { enabledSites: [{ origin: 'https://practice.example', carrier: 'other' }] } },
      { kind: 'settings', patch: { lookalikeWarning: true } },
    ]) {
      await answer({ type: 'update-progress', action }, popup, deps);
    }
    expect((await t.settings()).enabledSites).toEqual([]);
    expect((await t.settings()).lookalikeWarning).toBe(false);
    expect(await answer({ type: 'enable-site', origin: 'https://practice.example/', carrier: 'other' }, popup, deps)).toEqual({ error: 'invalid' });
    expect(await answer(enable, popup, deps)).toEqual({ ok: true, pending: false });
  });

  it('get-site answers from the sender URL; probe reports are checked and need a top frame', async () => {
    const t = setup();
    const deps = routerDeps(t);
    expect(await answer({ type: 'get-site' }, page('https://www.hk.chinamobile.com/tc/'), deps)).toEqual({
      site: { trust: 'official', carrier: 'cmhk', host: 'www.hk.chinamobile.com' },
    });
    expect(await answer({ type: 'get-site' }, page('https://practice.example/'), deps)).toEqual({ site: null });
    expect(await answer({ type: 'get-site' }, { ...page('https://practice.example/'), frameId: 2 }, deps)).toEqual({ error: 'rejected' });
    const signals = { passwordField: true, cardField: false, brands: ['cmhk'], signInWords: true, lureWords: false };
    expect(await answer({ type: 'probe', signals: { ...signals, brands: ['evil'] } }, page('https://x.example/'), deps)).toEqual({ error: 'invalid' });
    expect(await answer({ type: 'probe', signals: { ...signals, value: '4111' } }, page('https://x.example/'), deps)).toEqual({ suspicious: false });
    expect(await answer({ type: 'probe', signals }, popup, deps)).toEqual({ error: 'rejected' });
  });
});
