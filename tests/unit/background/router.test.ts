import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor } from '../../../utils/background/badge';
import { handleCommand } from '../../../utils/background/command';
import type { RouterDeps, SenderLike } from '../../../utils/background/deps';
import { injectIntoOpenTabs } from '../../../utils/background/install';
import { parseMessage } from '../../../utils/background/protocol';
import { forgetTab } from '../../../utils/background/tab-badge';
import { createTabRegistry } from '../../../utils/background/tab-registry';
import { fieldSeverity } from '../../../utils/fields/severity';
import type { ToContent } from '../../../utils/messages';
import { MARK_KEY } from '../../../utils/mark';
import { STORAGE_KEY } from '../../../utils/progress';
import { cardOf } from '../../../utils/card';
import { createProgressStore, type StorageAreaLike } from '../../../utils/background/progress-store';
import type { ProgressV1 } from '../../../utils/types';
import { answer } from '../fake-router-deps';

const ID = 'our-extension-id';
const EXT = 'chrome-extension://our-extension-id/';
const CMHK = 'https://www.hk.chinamobile.com/en/personal/';

function areaFrom(data: Record<string, unknown>, fail = false): StorageAreaLike {
  return {
    async get(key) {
      if (fail) throw new Error('no storage');
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      if (fail) throw new Error('no storage');
      Object.assign(data, structuredClone(items));
    },
  };
}

interface Sent {
  tabId: number;
  msg: ToContent;
  frameId: number;
}

function setup(options: { failStorage?: boolean; deadTabs?: number[] } = {}) {
  const data: Record<string, unknown> = {};
  const sent: Sent[] = [];
  const badges = new Map<number, { text: string; title: string }>();
  const deps: RouterDeps = {
    runtimeId: ID,
    extensionUrl: EXT,
    store: createProgressStore({ area: areaFrom(data, options.failStorage) }),
    tabs: createTabRegistry(null),
    async sendToTab(tabId, msg, frameId) {
      if (options.deadTabs?.includes(tabId)) throw new Error('Could not establish connection');
      sent.push({ tabId, msg, frameId });
    },
    async setBadge(tabId, badge) {
      badges.set(tabId, badge);
    },
    fieldSeverity: vi.fn(fieldSeverity),
    tabIncognito: async (tabId) => tabId >= 100,
    openChecklist: vi.fn(async () => undefined),
    uiLanguage: 'en',
  };
  return { deps, data, sent, badges };
}

function top(tabId: number, extra: Partial<SenderLike> = {}): SenderLike {
  return { id: ID, url: CMHK, frameId: 0, tab: { id: tabId, incognito: tabId >= 100, windowId: 1 }, ...extra };
}

function frame(tabId: number, frameId = 3, url = 'https://www.hk.chinamobile.com/pay/frame'): SenderLike {
  return { id: ID, url, frameId, tab: { id: tabId, incognito: tabId >= 100 } };
}

const popup: SenderLike = { id: ID, url: `${EXT}popup.html` };

async function reportPage(deps: RouterDeps, tabId: number, step: 'sign-in' | 'submit-request' | null = 'sign-in') {
  return answer({ type: 'page-state', state: { carrier: 'cmhk', trust: 'official', step } }, top(tabId), deps);
}

describe('parseMessage', () => {
  it.each([
    null,
    'get-progress',
    { type: 'nope' },
    { type: 'page-state', state: { carrier: 'evil', trust: 'official', step: null } },
    { type: 'page-state', state: { carrier: 'cmhk', trust: 'trusted', step: null } },
    { type: 'field-focus', kind: 'email' },
    { type: 'field-focus' },
    { type: 'panel-command', tabId: -1, command: 'open' },
    { type: 'panel-command', tabId: 1, command: 'explode' },
    { type: 'get-tab-state', tabId: '1' },
    { type: 'update-progress', action: 'reset' },
    { type: 'update-progress', action: { kind: 'reset' }, tabId: 1.5 },
    { type: 'open-checklist', carrier: 'cmhk', lang: 'fr' },
  ])('refuses %j', (raw) => {
    expect(parseMessage(raw)).toBeNull();
  });
});

describe('handleMessage', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });

  it('rejects messages from anything but this extension', async () => {
    const { deps } = env;
    expect(await answer({ type: 'get-progress' }, { ...top(1), id: 'another-extension' }, deps)).toEqual({ error: 'rejected' });
    expect(await answer({ type: 'get-progress' }, { ...top(1), id: undefined }, deps)).toEqual({ error: 'rejected' });
    expect(await answer({ type: 'what' }, top(1), deps)).toEqual({ error: 'invalid' });
  });

  it('get-progress and update-progress use the tab’s own kind of window', async () => {
    const { deps, data } = env;
    const state = await answer({ type: 'update-progress', action: { kind: 'toggle-check', carrier: 'cmhk', item: 'a' } }, top(1), deps);
    expect(cardOf((state as { progress: ProgressV1 }).progress, 'cmhk').checklist).toEqual(['a']);
    expect(cardOf(data[STORAGE_KEY] as ProgressV1, 'cmhk').checklist).toEqual(['a']);
    const again = await answer({ type: 'get-progress' }, top(2), deps);
    expect(again).toEqual(state);
  });

  describe('page-state', () => {
    it('remembers the tab and sets its badge', async () => {
      const { deps, badges } = env;
      expect(await reportPage(deps, 7)).toEqual({ ok: true });
      expect(await deps.tabs.get(7)).toMatchObject({ state: { carrier: 'cmhk', trust: 'official', step: 'sign-in' }, incognito: false });
      expect(badges.get(7)).toMatchObject({ text: '✓' });
      expect(badges.get(7)?.title).toContain('China Mobile Hong Kong');
    });

    it('a page cannot claim to be official: the sender URL decides', async () => {
      const { deps, badges } = env;
      const state = { carrier: 'cmhk', trust: 'official', step: null };
      await answer({ type: 'page-state', state }, top(8, { url: 'https://www.hk.chinamobile.com.evil.example/' }), deps);
      expect((await deps.tabs.get(8))?.state.trust).toBe('suspicious');
      expect(badges.get(8)?.text).toBe('!');
      // Right host, wrong carrier.
      await answer({ type: 'page-state', state: { ...state, carrier: 'three' } }, top(9), deps);
      expect((await deps.tabs.get(9))?.state.trust).toBe('suspicious');
    });

    it('is refused from sub-frames and extension pages', async () => {
      const { deps } = env;
      const msg = { type: 'page-state', state: { carrier: 'cmhk', trust: 'official', step: null } };
      expect(await answer(msg, frame(1), deps)).toEqual({ error: 'rejected' });
      expect(await answer(msg, popup, deps)).toEqual({ error: 'rejected' });
      expect(await deps.tabs.get(1)).toBeUndefined();
    });

    it('uses the chosen language for the toolbar title', async () => {
      const { deps, badges } = env;
      await deps.store.apply({ kind: 'settings', patch: { language: 'zh-Hant' } });
      await reportPage(deps, 7);
      expect(badges.get(7)?.title).toContain('中國移動香港');
    });
  });

  describe('field-focus', () => {
    it('from a sub-frame of a known tab: forwarded to frame 0 with the severity, and answered', async () => {
      const { deps, sent } = env;
      await reportPage(deps, 5, 'submit-request');
      const reply = await answer({ type: 'field-focus', kind: 'password' }, frame(5), deps);
      expect(reply).toEqual({ severity: 'warn', mark: null });
      expect(deps.fieldSeverity).toHaveBeenCalledWith('password', { trust: 'official', step: 'submit-request', verificationPage: false });
      expect(sent).toEqual([{ tabId: 5, frameId: 0, msg: { type: 'frame-field', kind: 'password', severity: 'warn' } }]);
    });

    it('severity follows the tab’s step (sign-in: a password is info)', async () => {
      const { deps, sent } = env;
      await reportPage(deps, 5, 'sign-in');
      expect(await answer({ type: 'field-focus', kind: 'password' }, frame(5), deps)).toEqual({ severity: 'info', mark: null });
      expect(await answer({ type: 'field-focus', kind: 'card-number' }, frame(5), deps)).toEqual({ severity: 'warn', mark: null });
      expect(sent.map((s) => s.msg)).toEqual([
        { type: 'frame-field', kind: 'password', severity: 'info' },
        { type: 'frame-field', kind: 'card-number', severity: 'warn' },
      ]);
    });

    it('a blur (kind null) is forwarded with no severity', async () => {
      const { deps, sent } = env;
      await reportPage(deps, 5);
      expect(await answer({ type: 'field-focus', kind: null }, frame(5), deps)).toEqual({ severity: null, mark: null });
      expect(sent).toEqual([{ tabId: 5, frameId: 0, msg: { type: 'frame-field', kind: null, severity: null } }]);
    });

    it('accepts about:blank frames that inherit the page (payment forms written by script)', async () => {
      const { deps } = env;
      await reportPage(deps, 5);
      expect(await answer({ type: 'field-focus', kind: 'otp' }, frame(5, 4, 'about:blank'), deps)).toEqual({ severity: 'info', mark: null });
    });

    // Issue 15: a popup the official page opened on about:blank and wrote a form into.
    it('accepts the top frame of an about:blank popup opened by a known tab: its trust, no step, nothing forwarded', async () => {
      const { deps, sent } = env;
      await reportPage(deps, 5, 'sign-in');
      const popupFrame: SenderLike = { id: ID, url: 'about:blank', frameId: 0, tab: { id: 9, openerTabId: 5 } };
      expect(await answer({ type: 'field-focus', kind: 'password' }, popupFrame, deps)).toEqual({ severity: 'warn', mark: null });
      expect(deps.fieldSeverity).toHaveBeenCalledWith('password', { trust: 'official', step: null, verificationPage: false });
      expect(sent).toEqual([]);
      // Not from a popup on a real address, and not from one whose opener never reported.
      expect(await answer({ type: 'field-focus', kind: 'password' }, { ...popupFrame, url: 'https://evil.example/' }, deps)).toEqual({ error: 'rejected' });
      expect(await answer({ type: 'field-focus', kind: 'password' }, { ...popupFrame, tab: { id: 9, openerTabId: 6 } }, deps)).toEqual({ error: 'rejected' });
    });

    it('classifies for a data: frame (issue 15)', async () => {
      const { deps } = env;
      const field = { tag: 'input', type: 'text', autocomplete: 'cc-number', name: '', id: '', label: '', placeholder: '', title: '', nearby: '', groupLabel: '', following: '', imageNearby: false, maxLength: null, inputMode: '', options: [], optionCount: 0, groupSize: 1, contentEditable: false };
      const reply = await answer({ type: 'classify-field', field, form: [field], pageLang: 'en' }, frame(5, 4, 'data:text/html,<input>'), deps);
      expect(reply).toMatchObject({ kind: 'card-number' });
    });

    it.each([
      ['the top frame', { ...frame(5), frameId: 0 }],
      ['a sender with no frame id', { ...frame(5), frameId: undefined }],
      ['a negative frame id', { ...frame(5), frameId: -1 }],
      ['another extension', { ...frame(5), id: 'evil-extension' }],
      ['a sender with no tab', { id: ID, url: 'https://www.hk.chinamobile.com/x', frameId: 2 }],
      ['an extension page', { ...popup, frameId: 2, tab: { id: 5 } }],
    ])('is rejected from %s', async (_name, sender) => {
      const { deps, sent } = env;
      await reportPage(deps, 5);
      expect(await answer({ type: 'field-focus', kind: 'card-number' }, sender as SenderLike, deps)).toEqual({ error: 'rejected' });
      expect(sent).toEqual([]);
      expect(deps.fieldSeverity).not.toHaveBeenCalled();
    });

    it('is rejected from a tab that never reported a page-state', async () => {
      const { deps, sent } = env;
      await reportPage(deps, 5);
      expect(await answer({ type: 'field-focus', kind: 'card-number' }, frame(6), deps)).toEqual({ error: 'rejected' });
      expect(sent).toEqual([]);
    });

    it("gives the frame's callout the user's mark with a verdict, and none without one", async () => {
      const { deps } = env;
      deps.markArea = areaFrom({ [MARK_KEY]: { word: 'Lotus', color: '#1f6feb' } });
      await reportPage(deps, 5);
      expect(await answer({ type: 'field-focus', kind: 'card-number' }, frame(5), deps)).toEqual({ severity: 'warn', mark: { word: 'Lotus', color: '#1f6feb' } });
      expect(await answer({ type: 'field-focus', kind: null }, frame(5), deps)).toEqual({ severity: null, mark: null });
      // A corrupt or unreadable mark is no mark; the verdict still comes.
      deps.markArea = areaFrom({ [MARK_KEY]: { word: '<b>x</b>'.repeat(9), color: 'red' } });
      expect(await answer({ type: 'field-focus', kind: 'card-number' }, frame(5), deps)).toEqual({ severity: 'warn', mark: null });
      deps.markArea = areaFrom({}, true);
      expect(await answer({ type: 'field-focus', kind: 'card-number' }, frame(5), deps)).toEqual({ severity: 'warn', mark: null });
    });

    it('still answers the frame when the top frame is gone', async () => {
      const { deps } = setup({ deadTabs: [5] });
      await reportPage(deps, 5);
      expect(await answer({ type: 'field-focus', kind: 'card-cvc' }, frame(5), deps)).toEqual({ severity: 'warn', mark: null });
    });
  });

  describe('classify-field and classify-fields', () => {
    const d = (label: string, extra: Record<string, unknown> = {}) => ({
      tag: 'input', type: 'text', autocomplete: '', name: '', id: '', label, placeholder: '', title: '', nearby: '', groupLabel: '',
      following: '', imageNearby: false, maxLength: null, inputMode: '', options: [], optionCount: 0, groupSize: 1, contentEditable: false, ...extra,
    });

    it('answers the top frame and sub-frames of a tab, each form with its own card context', async () => {
      const { deps } = env;
      const payForm = [d('Card number', { type: 'tel' }), d('CVC', { maxLength: 3 })];
      const forms = [payForm, [d('Full name'), d('Customer password', { type: 'password' })]];
      const kinds = [['card-number', 'card-cvc'], [null, 'password']];
      expect(await answer({ type: 'classify-fields', forms }, top(5), deps)).toEqual({ kinds });
      expect(await answer({ type: 'classify-fields', forms }, frame(5), deps)).toEqual({ kinds });
      const one = await answer({ type: 'classify-field', field: payForm[0], form: payForm, pageLang: 'en' }, top(5), deps);
      expect(one).toMatchObject({ kind: 'card-number' });
    });

    it("says the warning in the user's chosen language, else the frame page's, else the browser's", async () => {
      const { deps } = env;
      await reportPage(deps, 5);
      const card = [d('Card number', { type: 'tel' })];
      const title = async (pageLang: string) => {
        const reply = await answer({ type: 'classify-field', field: card[0], form: card, pageLang }, frame(5), deps);
        return (reply as { texts: { warn: { title: string } } }).texts.warn.title;
      };
      const [en, hant, hans] = [await title('en'), await title('zh-HK'), await title('zh-CN')];
      expect(new Set([en, hant, hans]).size).toBe(3);
      expect(await title('')).toBe(en); // deps.uiLanguage
      expect(await title('fr')).toBe(en);
      await deps.store.apply({ kind: 'settings', patch: { language: 'zh-Hans' } });
      expect(await title('en')).toBe(hans);
      expect(await title('zh-HK')).toBe(hans);
    });

    it.each([
      ['a sender with no tab', { id: ID, url: 'https://www.hk.chinamobile.com/x', frameId: 0 }],
      ['an extension page', popup],
      ['another extension', { ...top(5), id: 'evil-extension' }],
    ])('is rejected from %s', async (_name, sender) => {
      const { deps } = env;
      expect(await answer({ type: 'classify-fields', forms: [[d('Card number')]] }, sender as SenderLike, deps)).toEqual({ error: 'rejected' });
    });

    it('refuses a malformed or oversized batch as invalid', async () => {
      const { deps } = env;
      for (const forms of [[], [[]], 'x', [[d('x'), { tag: 'input' }]], [Array(201).fill(d('x'))], Array(6).fill(Array(200).fill(d('x'))), [[d('x'.repeat(401))]]]) {
        expect(await answer({ type: 'classify-fields', forms }, top(5), deps)).toEqual({ error: 'invalid' });
      }
    });
  });

  describe('progress broadcast', () => {
    it('sends the new progress to every panel tab of the same kind of window, top frame only', async () => {
      const { deps, sent } = env;
      await reportPage(deps, 1);
      await reportPage(deps, 2);
      await reportPage(deps, 100); // a private window
      const state = await answer({ type: 'update-progress', action: { kind: 'reach-step', carrier: 'cmhk', step: 'sign-in' } }, top(1), deps);
      expect(sent.map((s) => [s.tabId, s.frameId])).toEqual([
        [1, 0],
        [2, 0],
      ]);
      for (const s of sent) expect(s.msg).toEqual({ type: 'progress', state });
    });

    it('forgets tabs whose panel is gone', async () => {
      const { deps } = setup({ deadTabs: [2] });
      await reportPage(deps, 1);
      await reportPage(deps, 2);
      await answer({ type: 'update-progress', action: { kind: 'reset', carrier: 'cmhk' } }, top(1), deps);
      expect(await deps.tabs.get(2)).toBeUndefined();
      expect(await deps.tabs.get(1)).toBeDefined();
    });
  });

  describe('incognito', () => {
    it('keeps private-window progress apart and out of storage', async () => {
      const { deps, data, sent } = env;
      await reportPage(deps, 1);
      await reportPage(deps, 100);
      await reportPage(deps, 101);
      const priv = await answer(
        { type: 'update-progress', action: { kind: 'add-card', carrier: 'cmhk', label: 'Secret card' } },
        top(100),
        deps,
      );
      expect((priv as { progress: ProgressV1 }).progress.carriers.cmhk?.activeCard).toBe('secret-card');
      expect(JSON.stringify(data)).not.toContain('Secret');
      expect(sent.map((s) => s.tabId)).toEqual([100, 101]);
      const normal = (await answer({ type: 'get-progress' }, top(1), deps)) as { progress: ProgressV1 };
      expect(normal.progress.carriers.cmhk).toBeUndefined();
    });

    it('the popup’s changes follow the tab it names', async () => {
      const { deps, data } = env;
      await answer({ type: 'update-progress', action: { kind: 'settings', patch: { language: 'zh-Hans' } }, tabId: 100 }, popup, deps);
      expect(data[STORAGE_KEY]).toBeUndefined();
      const s = (await answer({ type: 'get-tab-state', tabId: 100 }, popup, deps)) as { incognito: boolean; progress: { progress: ProgressV1 } };
      expect(s.incognito).toBe(true);
      expect(s.progress.progress.settings.language).toBe('zh-Hans');
      // A content script cannot borrow another tab's window kind by naming it.
      await answer({ type: 'update-progress', action: { kind: 'settings', patch: { collapsed: true } }, tabId: 100 }, top(1), deps);
      expect((data[STORAGE_KEY] as ProgressV1).settings.collapsed).toBe(true);
    });
  });

  it('storage failure: progress keeps working in memory, with a notice', async () => {
    const { deps } = setup({ failStorage: true });
    const s = (await answer({ type: 'update-progress', action: { kind: 'toggle-check', carrier: 'three', item: 'x' } }, top(1), deps)) as {
      progress: ProgressV1;
      notice: string;
    };
    expect(s.notice).toBe('storage-unavailable');
    expect(cardOf(s.progress, 'three').checklist).toEqual(['x']);
    const again = (await answer({ type: 'get-progress' }, top(2), deps)) as { progress: ProgressV1; notice: string };
    expect(again.notice).toBe('storage-unavailable');
    expect(cardOf(again.progress, 'three').checklist).toEqual(['x']);
  });

  describe('popup messages', () => {
    it('panel-command goes to the named tab’s top frame', async () => {
      const { deps, sent } = env;
      expect(await answer({ type: 'panel-command', tabId: 4, command: 'collapse' }, popup, deps)).toEqual({ ok: true });
      expect(sent).toEqual([{ tabId: 4, frameId: 0, msg: { type: 'panel-command', command: 'collapse' } }]);
      const dead = setup({ deadTabs: [4] });
      expect(await answer({ type: 'panel-command', tabId: 4, command: 'open' }, popup, dead.deps)).toEqual({ ok: false });
    });

    it('panel-command and get-tab-state are refused from content scripts', async () => {
      const { deps, sent } = env;
      expect(await answer({ type: 'panel-command', tabId: 4, command: 'open' }, top(1), deps)).toEqual({ error: 'rejected' });
      expect(await answer({ type: 'get-tab-state', tabId: 4 }, top(1), deps)).toEqual({ error: 'rejected' });
      expect(sent).toEqual([]);
    });

    it('get-tab-state tells the page state and the progress of that tab', async () => {
      const { deps } = env;
      await reportPage(deps, 3, 'submit-request');
      const s = await answer({ type: 'get-tab-state', tabId: 3 }, popup, deps);
      expect(s).toMatchObject({ tabId: 3, page: { carrier: 'cmhk', trust: 'official', step: 'submit-request' }, incognito: false });
      expect(await answer({ type: 'get-tab-state', tabId: 4 }, popup, deps)).toMatchObject({ page: null, incognito: false });
    });

    it('open-checklist opens the sheet beside the tab that asked', async () => {
      const { deps } = env;
      expect(await answer({ type: 'open-checklist', carrier: 'cmhk', lang: 'zh-Hant' }, top(3), deps)).toEqual({ ok: true });
      expect(deps.openChecklist).toHaveBeenCalledWith('cmhk', 'zh-Hant', { windowId: 1, tabId: 3, incognito: false });
      expect(await answer({ type: 'open-checklist', carrier: 'cmhk', lang: 'en' }, frame(3), deps)).toEqual({ error: 'rejected' });
    });
  });
});

describe('tab life cycle', () => {
  it('forgetTab clears the state and the badge, but not for a newer document', async () => {
    const { deps, badges } = setup();
    await answer({ type: 'page-state', state: { carrier: 'cmhk', trust: 'official', step: null } }, top(1, { documentId: 'new' }), deps);
    await forgetTab(1, deps, 'old');
    expect(await deps.tabs.get(1)).toBeDefined();
    await forgetTab(1, deps, 'new');
    expect(await deps.tabs.get(1)).toBeUndefined();
    expect(badges.get(1)?.text).toBe('');
  });

  it('the registry survives a service-worker restart through the session area', async () => {
    fakeBrowser.reset();
    const session = fakeBrowser.storage.session as unknown as StorageAreaLike;
    const first = createTabRegistry(session);
    await first.set(3, { state: { carrier: 'csl', trust: 'official', step: 'find-entry' }, incognito: false });
    await fakeBrowser.storage.session.set({ tabs: { ...(await fakeBrowser.storage.session.get('tabs')).tabs as object, '4': { state: { carrier: 'evil' }, incognito: false } } });
    const second = createTabRegistry(session);
    expect(await second.get(3)).toEqual({ state: { carrier: 'csl', trust: 'official', step: 'find-entry' }, incognito: false });
    expect(await second.get(4)).toBeUndefined(); // validated on the way in
  });

  it('badgeFor gives each trust its own mark', () => {
    expect(badgeFor({ carrier: 'three', trust: 'official', step: null }, 'en').text).toBe('✓');
    expect(badgeFor({ carrier: 'three', trust: 'enabled', step: null }, 'en').title).toContain('not an official 3HK address');
    expect(badgeFor({ carrier: 'other', trust: 'suspicious', step: null }, 'zh-Hans').text).toBe('!');
    expect(badgeFor(null, 'en').text).toBe('');
  });
});

describe('commands', () => {
  it('focus-panel asks the active tab’s panel to take focus', async () => {
    const sent: Sent[] = [];
    const deps = {
      sendToTab: async (tabId: number, msg: ToContent, frameId: number) => void sent.push({ tabId, msg, frameId }),
      activeTabId: async () => 9,
    };
    await handleCommand('focus-panel', undefined, deps);
    await handleCommand('focus-panel', 4, deps);
    await handleCommand('something-else', 4, deps);
    expect(sent).toEqual([
      { tabId: 9, frameId: 0, msg: { type: 'panel-command', command: 'focus' } },
      { tabId: 4, frameId: 0, msg: { type: 'panel-command', command: 'focus' } },
    ]);
  });
});

describe('injectIntoOpenTabs', () => {
  it('injects the manifest’s content scripts into open official tabs only, surviving failures', async () => {
    const calls: [number, boolean, string[]][] = [];
    const reached = await injectIntoOpenTabs({
      contentScripts: [
        { matches: ['https://www.hk.chinamobile.com/*', 'https://www.three.com.hk/*'], js: ['content-scripts/panel.js'] },
        { matches: ['https://www.hk.chinamobile.com/*', 'https://www.three.com.hk/*'], js: ['content-scripts/guard.js'], all_frames: true },
        { matches: ['https://www.cuniq.com/*'], js: ['content-scripts/other.js'] },
      ],
      queryTabs: async () => [
        { id: 1, url: 'https://www.hk.chinamobile.com/en/' },
        { id: 2 }, // no host access: no URL
        { id: 3, url: 'https://www.hk.chinamobile.com.evil.example/' },
        { id: 4, url: 'http://www.hk.chinamobile.com/' },
        { id: 5, url: 'https://www.three.com.hk/' },
        { id: 6, url: 'https://www.hk.chinamobile.com/crashed' },
      ],
      async executeScript(tabId, allFrames, files) {
        if (tabId === 6) throw new Error('Frame with ID 0 is showing error page');
        calls.push([tabId, allFrames, files]);
      },
    });
    expect(reached).toEqual([1, 5]);
    expect(calls).toEqual([
      [1, false, ['content-scripts/panel.js']],
      [1, true, ['content-scripts/guard.js']],
      [5, false, ['content-scripts/panel.js']],
      [5, true, ['content-scripts/guard.js']],
    ]);
  });

  it('a failing tab query injects nothing and does not throw', async () => {
    expect(
      await injectIntoOpenTabs({
        contentScripts: [{ js: ['a.js'] }],
        queryTabs: async () => {
          throw new Error('no');
        },
        executeScript: async () => undefined,
      }),
    ).toEqual([]);
  });
});
