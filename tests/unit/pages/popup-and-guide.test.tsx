// Issue 14: the popup anywhere (headings that say what they govern, the off state and the way back
// on, the full guide and settings, the shortcut), the shortcut's three cases, and the guide reader.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from './mount';
import { GuideReader } from '../../../components/pages/GuideReader';
import { Shortcut } from '../../../components/pages/Shortcut';
import { Popup, type PopupActions, type PopupView } from '../../../components/popup/Popup';
import { carrierById } from '../../../utils/carriers';
import { GUIDE, shownCarrier } from '../../../utils/guide';
import { localize } from '../../../utils/language';
import { defaultProgress } from '../../../utils/progress';
import { applyAction } from '../../../utils/progress-actions';
import { stepText } from '../../../utils/route';

afterEach(() => document.body.replaceChildren());


function popup(view: Partial<PopupView>, actions: Partial<PopupActions> = {}) {
  const all: PopupActions = { command: vi.fn(async () => true), setLanguage: vi.fn(), reset: vi.fn(), turnOn: vi.fn(), ...actions };
  const full: PopupView = { lang: 'en', tabId: 3, carrier: null, trust: null, incognito: false, progress: { progress: defaultProgress(), notice: null }, ...view };
  return { root: mount(<Popup view={full} actions={all} />), actions: all };
}

describe('popup anywhere', () => {
  it('off a carrier site: the official sites as links, the full guide, settings that say what they govern, the shortcut', () => {
    const { root } = popup({ shortcut: 'Alt+Shift+G', loaded: true });
    expect(root.querySelector('a[href="/welcome.html"]')?.textContent).toBe('Read the full guide');
    expect(root.querySelector('a[href="/options.html"]')?.textContent).toBe('Open the settings');
    expect(root.textContent).toMatch(/Settings: the guide on or off, field warnings/);
    expect(root.querySelector('[data-shortcut="Alt+Shift+G"] kbd')?.textContent).toBe('Alt+Shift+G');
    // No heading 「此網站」 over settings that are global.
    const zh = popup({ lang: 'zh-Hant', loaded: true }, { sites: { enableSite: vi.fn(), disableSite: vi.fn(), setLookalike: vi.fn() } }).root;
    const headings = [...zh.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).not.toContain('此網站');
    expect(headings).toContain('仿冒網站警告（所有網站）');
  });

  it('the guide turned off here or everywhere: said with the field warnings\' state, and turned back on in one click', async () => {
    const off = { progress: applyAction(defaultProgress(), { kind: 'settings', patch: { disabledHosts: ['www.hk.chinamobile.com'] } }), notice: null };
    const { root, actions } = popup({ carrier: 'cmhk', trust: 'official', host: 'www.hk.chinamobile.com', progress: off });
    const notice = root.querySelector('[data-guide-off="site"]')!;
    expect(notice.textContent).toMatch(/off on this site\. Field warnings: on\./);
    await act(() => (root.querySelector('[data-guide-on]') as HTMLElement).click());
    expect(actions.turnOn).toHaveBeenCalled();
    // On another host, that site's switch does not show.
    expect(popup({ host: 'example.com', progress: off }).root.querySelector('[data-guide-off]')).toBeNull();
    const everywhere = { progress: applyAction(defaultProgress(), { kind: 'settings', patch: { disabledEverywhere: true, fieldWarnings: false } }), notice: null };
    expect(popup({ host: null, progress: everywhere }).root.querySelector('[data-guide-off="everywhere"]')?.textContent).toMatch(/off everywhere\. Field warnings: off\./);
  });
});

describe('the shortcut', () => {
  it('names the keys, says when none is set, and says when the browser has none (Firefox for Android)', () => {
    expect(mount(<Shortcut lang="en" keys="Alt+Shift+G" />).textContent).toBe('Alt+Shift+G moves you into the guide\'s panel on a carrier site (and opens it).');
    expect(mount(<Shortcut lang="en" keys="" />).textContent).toMatch(/No keyboard shortcut is set/);
    expect(mount(<Shortcut lang="zh-Hans" keys={null} />).textContent).toMatch(/Android 版 Firefox/);
    expect(mount(<Shortcut lang="en" keys={undefined} />).textContent).toBe('');
  });
});

describe('the full guide on the welcome page', () => {
  it('shows the five steps for the chosen carrier and route, the tied accounts and the cautions', async () => {
    const root = mount(<GuideReader lang="en" />);
    const cmhk = shownCarrier('cmhk');
    expect(root.querySelector('.guide')?.getAttribute('data-route')).toBe(cmhk.defaultRoute);
    const select = root.querySelector('[data-guide-route]') as HTMLSelectElement;
    select.value = 'shop';
    await act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.querySelector('.guide')?.getAttribute('data-route')).toBe('shop');
    const steps = [...root.querySelectorAll('[data-step-id]')];
    expect(steps.map((s) => s.getAttribute('data-step-id'))).toEqual(GUIDE.steps.map((s) => s.id));
    for (const [i, step] of GUIDE.steps.entries()) expect(steps[i]!.textContent).toContain(localize(stepText(GUIDE, cmhk, step, 'shop').title, 'en'));
    expect(root.querySelectorAll('[data-tied-account]')).toHaveLength(GUIDE.tied.length);
    for (const c of GUIDE.cautions) expect(root.textContent).toContain(localize(c.text, 'en'));
    expect(root.querySelector('a[href="https://www.hk.chinamobile.com/"]')).not.toBeNull();
    // Another carrier: its own routes only.
    const carrier = root.querySelector('[data-guide-carrier]') as HTMLSelectElement;
    carrier.value = 'fetnet';
    await act(() => {
      carrier.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.querySelector('.guide')?.getAttribute('data-carrier')).toBe('fetnet');
    const offered = [...(root.querySelector('[data-guide-route]') as HTMLSelectElement).options].map((o) => o.value);
    expect(offered).toContain(root.querySelector('.guide')?.getAttribute('data-route'));
  });
});

describe('the personal mark chooser', () => {
  it('names each colour in the chosen language (unique accessible names)', async () => {
    const { MarkSetting } = await import('../../../components/popup/MarkSetting');
    const root = mount(<MarkSetting lang="zh-Hant" actions={{ load: async () => null, save: async () => true }} />);
    const names = [...root.querySelectorAll('input[type=radio]')].map((r) => r.getAttribute('aria-label'));
    expect(names).toEqual(['綠色', '藍色', '紫色', '粉紅色', '橙色', '灰色']);
  });
});
