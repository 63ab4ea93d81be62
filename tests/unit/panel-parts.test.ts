// The panel's texts part (entrypoints/panel/panel-texts.ts): texts come from the background's pack,
// and when language answers cross, the latest wish wins.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PanelState } from '../../components/panel-state';
import { createStore } from '../../components/store';
import type { PanelRun } from '../../entrypoints/panel/panel-run';
import { buildTextPack } from '../../utils/text-pack';
import type { Language } from '../../utils/types';
import { panelCarrier, panelTexts } from './panel-texts';

const sent: { msg: unknown; resolve(value: unknown): void }[] = [];
vi.mock('../../entrypoints/panel/send', () => ({
  send: (msg: unknown) => new Promise((resolve) => sent.push({ msg, resolve })),
}));

const { fetchTexts, languageSwitcher } = await import('../../entrypoints/panel/panel-texts');

const SITE = { trust: 'official' as const, carrier: 'cmhk', host: 'www.hk.chinamobile.com' };

function run(): PanelRun {
  const store = createStore({ texts: panelTexts('en'), carrier: panelCarrier('cmhk') } as PanelState);
  return { doc: document, site: SITE, store } as unknown as PanelRun;
}

const answer = (i: number, lang: Language) => sent[i]!.resolve({ ok: true, value: buildTextPack(lang, 'cmhk') });

afterEach(() => {
  sent.length = 0;
});

describe('panel texts', () => {
  it('asks for the page carrier’s pack, with the page and browser language tags the first time', async () => {
    document.documentElement.lang = 'zh-HK';
    const pending = fetchTexts(SITE, document);
    expect(sent[0]!.msg).toMatchObject({ type: 'get-texts', pageLang: 'zh-HK', carrier: 'cmhk' });
    answer(0, 'zh-Hant');
    expect((await pending)?.lang).toBe('zh-Hant');
  });

  it('treats no answer, or a pack without the carrier, as no texts', async () => {
    const a = fetchTexts(SITE, document, 'en');
    sent[0]!.resolve({ ok: false, error: 'unreachable' });
    expect(await a).toBeNull();
    const b = fetchTexts(SITE, document, 'en');
    sent[1]!.resolve({ ok: true, value: buildTextPack('en') });
    expect(await b).toBeNull();
  });

  it('switches language, and the latest wish wins when answers cross', async () => {
    const r = run();
    const switchTo = languageSwitcher(r);
    switchTo('en'); // the current language: nothing to ask
    expect(sent).toHaveLength(0);
    switchTo('zh-Hans');
    switchTo('zh-Hant');
    expect(sent.map((s) => (s.msg as { lang: string }).lang)).toEqual(['zh-Hans', 'zh-Hant']);
    answer(1, 'zh-Hant');
    await vi.waitFor(() => expect(r.store.get().texts.lang).toBe('zh-Hant'));
    answer(0, 'zh-Hans'); // late: ignored
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(r.store.get().texts.lang).toBe('zh-Hant');
    expect(r.store.get().texts.t('appName')).toBe(panelTexts('zh-Hant').t('appName'));
    expect(r.store.get().carrier.name).toEqual(panelCarrier('cmhk', 'zh-Hant').name);
  });
});
