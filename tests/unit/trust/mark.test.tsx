// Issue 16, item 2: the personal mark. Stored by the background only, set from an extension page
// only, read by our own panel (top frame), drawn only inside the panel.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PersonalMarkLine } from '../../../components/PersonalMarkLine';
import type { RouterDeps } from '../../../utils/background/deps';
import { parseMark } from '../../../utils/mark';
import { panelTexts } from '../panel-texts';
import type { StorageAreaLike } from '../../../utils/background/progress-store';
import { quietRouterDeps, answer } from '../fake-router-deps';

function deps(): RouterDeps & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const markArea: StorageAreaLike = { get: async (k) => ({ [k]: data[k] }), set: async (items) => void Object.assign(data, items) };
  return Object.assign({ ...quietRouterDeps(), markArea }, { data });
}

describe('personal mark', () => {
  it('accepts a short word and one of the offered colours, nothing else', () => {
    expect(parseMark({ word: ' 小狗 ', color: '#1f6feb' })).toEqual({ word: '小狗', color: '#1f6feb' });
    expect(parseMark({ word: '', color: '#1f6feb' })).toBeNull();
    expect(parseMark({ word: 'x'.repeat(17), color: '#1f6feb' })).toBeNull();
    expect(parseMark({ word: 'a\u200Bb', color: '#1f6feb' })).toBeNull();
    expect(parseMark({ word: 'ok', color: 'red; background:url(x)' })).toBeNull();
    expect(parseMark('ok')).toBeNull();
  });

  it('only an extension page sets it; our panel in a top frame reads it; frames and pages of the web cannot', async () => {
    const d = deps();
    const popup = { id: d.runtimeId, url: `${d.extensionUrl}popup.html` };
    const top = { id: d.runtimeId, url: 'https://www.hk.chinamobile.com/tc/', frameId: 0, tab: { id: 3 } };
    const frame = { ...top, frameId: 2 };
    const mark = { word: 'Mango', color: '#8250df' };
    expect(await answer({ type: 'set-mark', mark }, top, d)).toEqual({ error: 'rejected' });
    expect(await answer({ type: 'set-mark', mark: { word: 'x', color: 'red' } }, popup, d)).toEqual({ error: 'invalid' });
    expect(await answer({ type: 'set-mark', mark }, popup, d)).toEqual({ ok: true });
    expect(await answer({ type: 'get-mark' }, top, d)).toEqual({ mark });
    expect(await answer({ type: 'get-mark' }, frame, d)).toEqual({ error: 'rejected' });
    expect(await answer({ type: 'get-mark' }, { ...top, id: 'another-extension' }, d)).toEqual({ error: 'rejected' });
    // A corrupt stored value is no mark.
    d.data.mark = { word: 42 };
    expect(await answer({ type: 'get-mark' }, top, d)).toEqual({ mark: null });
  });

  it('the panel shows the mark, or says where to set one', () => {
    const el = document.createElement('div');
    render(<PersonalMarkLine mark={{ word: 'Mango', color: '#8250df' }} texts={panelTexts('en')} />, el);
    expect(el.querySelector('[data-personal-mark] .mark')?.textContent).toBe('Mango');
    render(<PersonalMarkLine mark={null} texts={panelTexts('en')} />, el);
    expect(el.querySelector('[data-personal-mark]')).toBeNull();
    expect(el.textContent).toMatch(/not us/);
  });
});

describe('popup: data-tab-trust and the fighting page', () => {
  it('carries the tab trust once known, and names a page that keeps hiding the panel', async () => {
    const { Popup } = await import('../../../components/popup/Popup');
    const el = document.createElement('div');
    const actions = { command: async () => true, setLanguage: () => {}, reset: () => {} };
    const view = { lang: 'en' as const, tabId: 3, carrier: null, trust: null, incognito: false, progress: null };
    render(<Popup view={view} actions={actions} />, el);
    expect(el.querySelector('[data-tab-trust]')).toBeNull(); // not known yet
    render(<Popup view={{ ...view, loaded: true }} actions={actions} />, el);
    expect(el.querySelector('.popup')?.getAttribute('data-tab-trust')).toBe('none');
    render(<Popup view={{ ...view, loaded: true, carrier: 'cmhk', trust: 'suspicious', fighting: true }} actions={actions} />, el);
    expect(el.querySelector('.popup')?.getAttribute('data-tab-trust')).toBe('suspicious');
    expect(el.querySelector('[data-page-fighting]')?.getAttribute('role')).toBe('alert');
    render(null, el);
  });
});
