// entrypoints/background.ts wired to the fake browser: the listener answers with promises.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { STORAGE_KEY } from '../../../utils/progress';

type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

describe('background wiring', () => {
  let sent: [number, unknown, unknown][];
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    const b = fakeBrowser as unknown as Record<string, any>;
    b.i18n.getUILanguage = () => 'zh-HK';
    b.runtime.getURL = (path: string) => `chrome-extension://test-extension-id${path}`;
    b.runtime.onConnect = { addListener: vi.fn() };
    b.commands = { onCommand: { addListener: vi.fn() } };
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
    expect(pageReply).toEqual({ ok: true });
    const b = fakeBrowser as unknown as Record<string, any>;
    expect(b.action.setBadgeText).toHaveBeenCalledWith({ tabId: 11, text: '✓' });
    // zh-HK browsers get Traditional Chinese.
    expect(b.action.setTitle).toHaveBeenCalledWith({ tabId: 11, title: expect.stringContaining('中國移動香港') });

    const [state] = (await fakeBrowser.runtime.onMessage.trigger(
      { type: 'update-progress', action: { kind: 'toggle-check', carrier: 'cmhk', item: 'use-balance' } },
      top,
      () => {},
    )) as unknown[];
    expect(state).toMatchObject({ notice: null });
    expect((await fakeBrowser.storage.local.get(STORAGE_KEY))[STORAGE_KEY]).toMatchObject({ version: 1 });
    expect(sent).toEqual([[11, { type: 'progress', state }, { frameId: 0 }]]);

    const [frameReply] = (await fakeBrowser.runtime.onMessage.trigger(
      { type: 'field-focus', kind: 'card-number' },
      { id, url: 'https://www.hk.chinamobile.com/pay', frameId: 2, tab: { id: 11 } } as Sender,
      () => {},
    )) as unknown[];
    expect(frameReply).toEqual({ severity: 'warn' });
    expect(sent.at(-1)).toEqual([11, { type: 'frame-field', kind: 'card-number', severity: 'warn' }, { frameId: 0 }]);
  });
});
