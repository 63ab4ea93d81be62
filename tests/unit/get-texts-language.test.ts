// The panel's first text pack is asked for without a language: the background picks it from the
// page's and the browser's language tags (utils/language.ts), as the panel itself used to.
import { describe, expect, it } from 'vitest';
import type { RouterDeps } from '../../utils/background/deps';
import { parseMessage } from '../../utils/background/protocol';
import { panelShortcutOf } from '../../utils/shortcut';
import type { TextPack } from '../../utils/texts';
import { answer, quietRouterDeps } from './fake-router-deps';

describe('get-texts', () => {
  it('keeps a language the user chose', () => {
    expect(parseMessage({ type: 'get-texts', lang: 'zh-Hant', carrier: 'cmhk' })).toEqual({ type: 'get-texts', lang: 'zh-Hant', carrier: 'cmhk' });
  });
  it('picks the page language first, then the browser language, then English', () => {
    expect(parseMessage({ type: 'get-texts', pageLang: 'zh-HK', browserLang: 'en-GB', carrier: 'cmhk' })).toEqual({ type: 'get-texts', lang: 'zh-Hant', carrier: 'cmhk' });
    expect(parseMessage({ type: 'get-texts', pageLang: '', browserLang: 'zh-CN' })).toEqual({ type: 'get-texts', lang: 'zh-Hans' });
    expect(parseMessage({ type: 'get-texts', pageLang: 'fr', browserLang: 'de' })).toEqual({ type: 'get-texts', lang: 'en' });
    expect(parseMessage({ type: 'get-texts', pageLang: 42 })).toEqual({ type: 'get-texts', lang: 'en' });
  });
  it('refuses a language or carrier it does not know', () => {
    expect(parseMessage({ type: 'get-texts', lang: 'fr' })).toBeNull();
    expect(parseMessage({ type: 'get-texts', pageLang: 'en', carrier: 'nope' })).toBeNull();
  });
});

describe('get-texts for the panel', () => {
  const top = (d: RouterDeps) => ({ id: d.runtimeId, url: 'https://www.hk.chinamobile.com/tc/', frameId: 0, tab: { id: 3 } });

  it('brings the keyboard shortcut as the browser has it, and null where it has none', async () => {
    for (const shortcut of ['Alt+Shift+K', '', null]) {
      const d: RouterDeps = { ...quietRouterDeps(), panelShortcut: async () => shortcut };
      const pack = (await answer({ type: 'get-texts', lang: 'en', carrier: 'cmhk' }, top(d), d)) as TextPack;
      expect(pack.shortcut).toBe(shortcut);
    }
    const d = quietRouterDeps();
    expect(((await answer({ type: 'get-texts', lang: 'en', carrier: 'cmhk' }, top(d), d)) as TextPack).shortcut).toBeNull();
    // A pack asked for without a carrier (not the panel's) carries none.
    const off: RouterDeps = { ...quietRouterDeps(), panelShortcut: async () => 'Alt+Shift+G' };
    expect(((await answer({ type: 'get-texts', lang: 'en' }, top(off), off)) as TextPack).shortcut).toBeUndefined();
  });
});

describe('the shortcut as the browser has it', () => {
  it('is its keys, empty when removed, null without a commands API or when it fails', async () => {
    expect(await panelShortcutOf({ getAll: async () => [{ name: 'other', shortcut: 'X' }, { name: 'focus-panel', shortcut: 'Alt+Shift+G' }] })).toBe('Alt+Shift+G');
    expect(await panelShortcutOf({ getAll: async () => [{ name: 'focus-panel' }] })).toBe('');
    expect(await panelShortcutOf(undefined)).toBeNull();
    expect(await panelShortcutOf({})).toBeNull();
    expect(await panelShortcutOf({ getAll: () => Promise.reject(new Error('no')) })).toBeNull();
  });
});
