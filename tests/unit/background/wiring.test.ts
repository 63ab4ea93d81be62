// entrypoints/background.ts wired to the fake browser: the listener answers with promises.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { STORAGE_KEY } from '../../../utils/progress';

type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

/** A fake of the optional-permission and dynamic-registration APIs the background uses. */
function fakePermissionsAndScripting(b: Record<string, any>) {
  const granted = new Set<string>();
  const added: ((p: { origins?: string[] }) => void)[] = [];
  const removed: ((p: { origins?: string[] }) => void)[] = [];
  const registered = new Map<string, any>();
  b.permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o) || granted.has('*://*/*'))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      const had = origins.some((o) => granted.delete(o));
      if (had) for (const l of removed) l({ origins });
      return had;
    }),
    onAdded: { addListener: (l: (p: { origins?: string[] }) => void) => added.push(l) },
    onRemoved: { addListener: (l: (p: { origins?: string[] }) => void) => removed.push(l) },
  };
  b.scripting = {
    registerContentScripts: vi.fn(async (scripts: any[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id))),
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => [...registered.values()].filter((s) => ids.includes(s.id))),
    executeScript: vi.fn(async () => []),
  };
  return {
    registered,
    /** What the browser does when the user allows a request. */
    grant(origins: string[]) {
      origins.forEach((o) => granted.add(o));
      for (const l of added) l({ origins });
    },
  };
}

describe('background wiring', () => {
  let sent: [number, unknown, unknown][];
  let perms: ReturnType<typeof fakePermissionsAndScripting>;
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    const b = fakeBrowser as unknown as Record<string, any>;
    b.i18n.getUILanguage = () => 'zh-HK';
    b.runtime.getURL = (path: string) => `chrome-extension://test-extension-id${path}`;
    b.runtime.onConnect = { addListener: vi.fn() };
    b.commands = { onCommand: { addListener: vi.fn() } };
    perms = fakePermissionsAndScripting(b);
    b.action = { setBadgeText: vi.fn(async () => {}), setTitle: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) };
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, msg: unknown, options?: unknown) => {
      sent.push([tabId, msg, options]);
      return undefined;
    });
    background.main();
  });

  it('answers through runtime.onMessage and broadcasts to panels', async () => {
    const id = fakeBrowser.runtime.id;
    const top = { id, url: 'https://www.hk.chinamobile.com/', frameId: 0, tab: { id: 11, incognito: false } } as Sender;
    const [pageReply] = (await fakeBrowser.runtime.onMessage.trigger(
      { type: 'page-state', state: { carrier: 'cmhk', trust: 'official', step: 'sign-in' } },
      top,
      () => {},
    )) as unknown[];
    // Replies travel as { ok: true, value } or { ok: false, error } (utils/messages.ts, Reply).
    expect(pageReply).toEqual({ ok: true, value: { ok: true } });
    const b = fakeBrowser as unknown as Record<string, any>;
    expect(b.action.setBadgeText).toHaveBeenCalledWith({ tabId: 11, text: '✓' });
    // zh-HK browsers get Traditional Chinese.
    expect(b.action.setTitle).toHaveBeenCalledWith({ tabId: 11, title: expect.stringContaining('中國移動香港') });

    const [reply] = (await fakeBrowser.runtime.onMessage.trigger(
      { type: 'update-progress', action: { kind: 'toggle-check', carrier: 'cmhk', item: 'use-balance' } },
      top,
      () => {},
    )) as unknown[];
    expect(reply).toMatchObject({ ok: true, value: { notice: null } });
    const state = (reply as { value: unknown }).value;
    expect((await fakeBrowser.storage.local.get(STORAGE_KEY))[STORAGE_KEY]).toMatchObject({ version: 2 });
    expect(sent).toEqual([[11, { type: 'progress', state }, { frameId: 0 }]]);

    const [frameReply] = (await fakeBrowser.runtime.onMessage.trigger(
      { type: 'field-focus', kind: 'card-number' },
      { id, url: 'https://www.hk.chinamobile.com/pay', frameId: 2, tab: { id: 11 } } as Sender,
      () => {},
    )) as unknown[];
    expect(frameReply).toEqual({ ok: true, value: { severity: 'warn', mark: null } });
    expect(sent.at(-1)).toEqual([11, { type: 'frame-field', kind: 'card-number', severity: 'warn' }, { frameId: 0 }]);
  });

  it('registers the panel and guard for a site once the browser grants it, and forgets it on removal', async () => {
    const id = fakeBrowser.runtime.id;
    const popup = { id, url: 'chrome-extension://test-extension-id/popup.html' } as Sender;
    const settle = () => new Promise((r) => setTimeout(r, 20));
    // The popup names the carrier first; the permission is not there yet.
    const [first] = (await fakeBrowser.runtime.onMessage.trigger({ type: 'enable-site', origin: 'https://practice.example', carrier: 'cmhk' }, popup, () => {})) as unknown[];
    expect(first).toEqual({ ok: true, value: { ok: false, pending: true } });
    // The popup closed while the prompt was open: the background finishes on onAdded.
    perms.grant(['https://practice.example/*']);
    await settle();
    expect(perms.registered.get('enabled-sites-panel')).toMatchObject({
      matches: ['https://practice.example/*'],
      js: ['content-scripts/panel.js'],
      persistAcrossSessions: true,
    });
    expect(perms.registered.get('enabled-sites-guard')).toMatchObject({ allFrames: true, js: ['content-scripts/guard.js'] });
    const stored = (await fakeBrowser.storage.local.get(STORAGE_KEY))[STORAGE_KEY] as any;
    expect(stored.settings.enabledSites).toEqual([{ origin: 'https://practice.example', carrier: 'cmhk' }]);

    // The panel on that site asks who it is: the background answers from the sender's URL.
    const top = { id, url: 'https://practice.example/tc/login.html', frameId: 0, tab: { id: 5, incognito: false } } as Sender;
    const [site] = (await fakeBrowser.runtime.onMessage.trigger({ type: 'get-site' }, top, () => {})) as unknown[];
    expect(site).toEqual({ ok: true, value: { site: { trust: 'enabled', carrier: 'cmhk', host: 'practice.example' } } });

    const [removedReply] = (await fakeBrowser.runtime.onMessage.trigger({ type: 'disable-site', origin: 'https://practice.example' }, popup, () => {})) as unknown[];
    expect(removedReply).toEqual({ ok: true, value: { ok: true } });
    await settle();
    expect(perms.registered.size).toBe(0);
    const b = fakeBrowser as unknown as Record<string, any>;
    expect(b.permissions.remove).toHaveBeenCalledWith({ origins: ['https://practice.example/*'] });
    const [after] = (await fakeBrowser.runtime.onMessage.trigger({ type: 'get-site' }, top, () => {})) as unknown[];
    expect(after).toEqual({ ok: true, value: { site: null } });
  });
});
