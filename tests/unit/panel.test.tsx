// The panel's markup against the test contract in DESIGN.md, rendered in happy-dom.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/Panel';
import type { PanelActions, PanelState } from '../../components/panel-state';
import { panelCarrier, panelTexts } from './panel-texts';
import { STEP_IDS, type ProgressV1 } from '../../utils/types';

const NEW_CARD = { route: null, tiedDone: [], tiedSkipped: [], record: null };

const progress: ProgressV1 = {
  version: 2,
  carriers: {
    cmhk: {
      activeCard: 'main',
      cards: { main: { label: 'Main', checklist: ['decide'], stepsDone: ['sign-in'], stepsReached: ['sign-in'], ...NEW_CARD } },
    },
  },
  settings: { language: null, disabledEverywhere: false, disabledHosts: [], collapsed: false, enabledSites: [], lookalikeWarning: false, fieldWarnings: true },
};

function state(patch: Partial<PanelState> = {}): PanelState {
  return {
    carrier: panelCarrier('cmhk'),
    trust: 'official',
    texts: panelTexts('en'),
    step: 'find-entry',
    hasTarget: true,
    highlightShown: false,
    spotlight: false,
    progress,
    notice: null,
    expanded: true,
    turnedOff: false,
    field: null,
    thirdPartyFrame: false,
    focusRequest: 0,
    ...patch,
  };
}

function actions(): PanelActions {
  return {
    setExpanded: vi.fn(),
    setLanguage: vi.fn(),
    toggleCheck: vi.fn(),
    markStep: vi.fn(),
    showTarget: vi.fn(),
    hideHighlight: vi.fn(),
    openSettings: vi.fn(),
    dismissNotice: vi.fn(),
    printChecklist: vi.fn(),
    setRoute: vi.fn(),
    setTied: vi.fn(),
  };
}

/** The progress above with the card changed. */
function withCard(card: Partial<ProgressV1['carriers']['cmhk'] extends infer C ? C extends { cards: Record<string, infer K> } ? K : never : never>): ProgressV1 {
  const main = { ...progress.carriers.cmhk!.cards.main!, ...card };
  return { ...progress, carriers: { cmhk: { activeCard: 'main', cards: { main } } } };
}

function mount(s: PanelState, a = actions()) {
  const el = document.createElement('div');
  document.body.append(el);
  render(<Panel state={s} actions={a} />, el);
  return { el, a };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('Panel', () => {
  it('carries the contract attributes on its root', () => {
    const { el } = mount(state());
    const root = el.querySelector('[data-guide-panel]')!;
    expect(root.getAttribute('role')).toBe('complementary');
    expect(root.getAttribute('data-carrier')).toBe('cmhk');
    expect(root.getAttribute('data-site-trust')).toBe('official');
    const labelId = root.getAttribute('aria-labelledby')!;
    expect(el.querySelector(`#${labelId}`)?.textContent).toMatch(/SIM exit guide/);
    expect(root.getAttribute('lang')).toBe('en');
  });

  it('lists the five steps and marks only the current one', () => {
    const { el } = mount(state({ step: 'submit-request' }));
    const steps = [...el.querySelectorAll('[data-step-id]')];
    expect(steps.map((s) => s.getAttribute('data-step-id'))).toEqual([...STEP_IDS]);
    const current = el.querySelectorAll('[aria-current="step"]');
    expect(current).toHaveLength(1);
    expect(current[0]!.getAttribute('data-step-id')).toBe('submit-request');
  });

  it('carries the route on its root: the carrier default, else the card\'s choice, changeable', () => {
    const { el, a } = mount(state());
    const root = el.querySelector('[data-guide-panel]')!;
    expect(root.getAttribute('data-route')).toBe('hotline');
    const select = el.querySelector<HTMLSelectElement>('[data-route-select]')!;
    expect([...select.options].map((o) => o.value)).toEqual(['hotline', 'shop', 'online', 'port-out', 'lapse']);
    select.value = 'shop';
    select.dispatchEvent(new Event('change'));
    expect(a.setRoute).toHaveBeenCalledWith('shop');
    document.body.replaceChildren();
    const chosen = mount(state({ progress: withCard({ route: 'lapse' }) }));
    expect(chosen.el.querySelector('[data-guide-panel]')!.getAttribute('data-route')).toBe('lapse');
    // The step texts follow the route: on the hotline, find-entry is CMHK's number, not an online link.
    document.body.replaceChildren();
    const hotline = mount(state());
    expect(hotline.el.querySelector('.this-page')!.textContent).toMatch(/12580/);
  });

  it('gives each step its state: done when marked or passed, current, todo; all done at confirmed', () => {
    const states = (el: Element) => [...el.querySelectorAll('[data-step-id]')].map((s) => s.getAttribute('data-step-state'));
    const first = mount(state({ step: 'submit-request' }));
    expect(states(first.el)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(first.el.querySelector('[aria-current="step"]')!.getAttribute('data-step-id')).toBe('submit-request');
    expect(first.el.textContent).toMatch(/Steps done: 2 of 5/);
    document.body.replaceChildren();
    const done = mount(state({ step: 'confirmed' }));
    expect(states(done.el)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(done.el.querySelector('[aria-current="step"]')!.getAttribute('data-step-id')).toBe('confirmed');
    expect(done.el.textContent).toMatch(/Steps done: 5 of 5/);
    document.body.replaceChildren();
    const marked = mount(state({ step: null, progress: withCard({ stepsDone: ['await-review'], stepsReached: [] }) }));
    expect(states(marked.el)).toEqual(['todo', 'todo', 'todo', 'done', 'todo']);
  });

  it('lists the accounts tied to the number before the steps, tickable, folding away once all are settled', () => {
    const { el, a } = mount(state());
    const items = [...el.querySelectorAll('[data-tied-account]')];
    expect(items.length).toBeGreaterThan(10);
    const firstStep = el.querySelector('[data-step-id]')!;
    expect(items[0]!.compareDocumentPosition(firstStep) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const list = el.querySelector<HTMLDetailsElement>('details.tied')!;
    expect(list.open).toBe(true);
    const whatsapp = el.querySelector('[data-tied-account="whatsapp"]')!;
    whatsapp.querySelector<HTMLInputElement>('input')!.click();
    expect(a.setTied).toHaveBeenCalledWith('whatsapp', 'done');
    whatsapp.querySelector<HTMLButtonElement>('button')!.click();
    expect(a.setTied).toHaveBeenCalledWith('whatsapp', 'skipped');
    document.body.replaceChildren();
    const ids = items.map((i) => i.getAttribute('data-tied-account')!);
    const settled = mount(state({ progress: withCard({ tiedDone: ids.slice(0, 3), tiedSkipped: ids.slice(3) }) }));
    expect(settled.el.querySelector<HTMLDetailsElement>('details.tied')!.open).toBe(false);
    expect(settled.el.querySelector('[data-tied-account="whatsapp"] input')).not.toBeNull();
  });

  it('says, once the card is cancelled, that tied accounts no longer get codes on the number, and folds the list', () => {
    const before = mount(state()).el.querySelector('details.tied summary')!.textContent!;
    expect(before).toMatch(/while the card still gets SMS/);
    document.body.replaceChildren();
    const { el } = mount(state({ step: 'confirmed', progress: withCard({ stepsReached: ['sign-in', 'confirmed'] }) }));
    const list = el.querySelector<HTMLDetailsElement>('details.tied')!;
    expect(list.open).toBe(false);
    expect(list.querySelector('summary')!.textContent).toMatch(/cancelled: its number no longer gets SMS codes/);
    expect(list.querySelector('summary')!.textContent).not.toMatch(/still gets SMS/);
  });

  it('marks no step on a page that is not a cancellation step', () => {
    const { el } = mount(state({ step: null }));
    expect(el.querySelectorAll('[aria-current]')).toHaveLength(0);
    expect(el.textContent).toMatch(/not a cancellation step/);
  });

  it('shows the field message with kind, severity and the matching role, also when collapsed', () => {
    for (const expanded of [true, false]) {
      const { el } = mount(state({ expanded, field: { kind: 'card-number', severity: 'warn' } }));
      const msgs = el.querySelectorAll('[data-field-kind]');
      expect(msgs).toHaveLength(1);
      expect(msgs[0]!.getAttribute('data-field-kind')).toBe('card-number');
      expect(msgs[0]!.getAttribute('data-severity')).toBe('warn');
      expect(msgs[0]!.getAttribute('role')).toBe('alert');
      document.body.replaceChildren();
    }
    const { el } = mount(state({ field: { kind: 'password', severity: 'info' } }));
    expect(el.querySelector('[data-field-kind]')!.getAttribute('role')).toBe('status');
  });

  it('carries no field kind when no sensitive field has focus', () => {
    const { el } = mount(state());
    expect(el.querySelectorAll('[data-field-kind]')).toHaveLength(0);
  });

  it('shows the saved ticks and sends changes as actions', () => {
    const { el, a } = mount(state());
    const first = el.querySelector<HTMLInputElement>('[data-checklist-item="decide"]')!;
    expect(first.checked).toBe(true);
    const second = el.querySelectorAll<HTMLInputElement>('[data-checklist-item]')[1]!;
    second.click();
    expect(a.toggleCheck).toHaveBeenCalledWith(second.getAttribute('data-checklist-item'));
    expect(el.querySelector<HTMLInputElement>('[data-step-done="sign-in"]')!.checked).toBe(true);
  });

  it('switches language through its buttons and speaks the chosen one', () => {
    const { el, a } = mount(state({ texts: panelTexts('zh-Hant') }));
    expect(el.querySelector('[data-guide-panel]')!.getAttribute('lang')).toBe('zh-Hant');
    expect(el.textContent).toMatch(/開始之前/);
    el.querySelector<HTMLButtonElement>('[data-language-option="zh-Hans"]')!.click();
    expect(a.setLanguage).toHaveBeenCalledWith('zh-Hans');
  });

  it('collapses on Escape to a compact next-step card with a named open button', () => {
    const { el, a } = mount(state());
    el.querySelector('[data-guide-panel]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(a.setExpanded).toHaveBeenCalledWith(false);
    expect(el.querySelector('[data-guide-panel]')!.getAttribute('data-panel-state')).toBe('expanded');
    expect(el.querySelector('button.open')).toBeNull();
    document.body.replaceChildren();
    const collapsed = mount(state({ expanded: false, shortcut: 'Alt+Shift+G' }));
    const root = collapsed.el.querySelector('[data-guide-panel]')!;
    expect(root.getAttribute('data-panel-state')).toBe('collapsed');
    const open = collapsed.el.querySelector<HTMLButtonElement>('button.open')!;
    expect(open.textContent).toMatch(/Open the full guide/);
    // The keyboard shortcut is shown on the open button.
    expect(open.textContent).toMatch(/Alt\+Shift\+G/);
    open.click();
    expect(collapsed.a.setExpanded).toHaveBeenCalledWith(true);
    // Collapsed, every contract element stays in the DOM; the card shows this page's step item.
    expect(collapsed.el.querySelectorAll('[data-step-id]')).toHaveLength(5);
    expect(collapsed.el.querySelectorAll('[data-tied-account]').length).toBeGreaterThan(0);
    const focus = collapsed.el.querySelectorAll('[data-step-id].focus');
    expect([...focus].map((f) => f.getAttribute('data-step-id'))).toEqual(['find-entry']);
    expect(focus[0]!.getAttribute('aria-current')).toBe('step');
    expect(focus[0]!.textContent).toMatch(/Step 2 of 5/);
  });

  it('shows the shortcut the browser has now, and none where it has none (Firefox for Android) or the user removed it', () => {
    const changed = mount(state({ expanded: false, shortcut: 'Ctrl+Shift+Y' }));
    expect(changed.el.querySelector('button.open kbd')?.textContent).toMatch(/Ctrl\+Shift\+Y/);
    for (const shortcut of [null, '']) {
      document.body.replaceChildren();
      const none = mount(state({ expanded: false, shortcut }));
      expect(none.el.querySelector('button.open')).not.toBeNull();
      expect(none.el.querySelector('button.open kbd')).toBeNull();
    }
  });

  it('shows the next step not done in the card when the page is no step', () => {
    const { el } = mount(state({ step: null, expanded: false }));
    const focus = [...el.querySelectorAll('[data-step-id].focus')];
    // sign-in is done in this progress: the next is find-entry.
    expect(focus.map((f) => f.getAttribute('data-step-id'))).toEqual(['find-entry']);
  });

  it('names every control of a step uniquely, and the icon buttons', () => {
    const { el } = mount(state());
    const names = [...el.querySelectorAll('[data-step-done]')].map((c) => c.getAttribute('aria-label'));
    expect(names).toEqual(['Step 1 done', 'Step 2 done', 'Step 3 done', 'Step 4 done', 'Step 5 done']);
    const summaries = [...el.querySelectorAll('.steps summary')].map((s) => s.textContent);
    expect(new Set(summaries).size).toBe(5);
    expect(summaries[1]).toBe('How to do step 2');
    // The ⋯ icon button went with its menu (issue 12): Settings is named by its own text.
    expect(el.querySelector('[data-open-settings]')!.textContent).toBe('Settings');
    expect(button(el, /×/).getAttribute('aria-label')).toBe('Collapse the guide');
    document.body.replaceChildren();
    const zh = mount(state({ texts: panelTexts('zh-Hant') }));
    expect(zh.el.querySelector('[data-step-done="confirmed"]')!.getAttribute('aria-label')).toBe('第 5 步已完成');
  });

  it('says that an enabled site is not official and names the official address', () => {
    const { el } = mount(state({ trust: 'enabled' }));
    expect(el.querySelector('[data-guide-panel]')!.getAttribute('data-site-trust')).toBe('enabled');
    expect(el.textContent).toMatch(/Not an official address.*www\.hk\.chinamobile\.com/);
  });

  it('offers to show the element to use when the page has one', () => {
    const { el, a } = mount(state());
    const button = [...el.querySelectorAll('button')].find((b) => /Show me/.test(b.textContent ?? ''))!;
    button.click();
    expect(a.showTarget).toHaveBeenCalled();
  });

  // The panel's own small state (the focus request), and its Settings button. Turning off, reset
  // and several cards moved to the popup and the settings page (issue 12): their tests are in
  // tests/unit/pages/turning-off.test.tsx and tests/unit/pages/cards-and-reset.test.tsx.
  const button = (el: Element, text: RegExp) => [...el.querySelectorAll('button')].find((b) => text.test(b.textContent ?? ''))!;

  it('has a visible, named Settings button that asks for the settings page, and no turn-off menu, reset or card form', () => {
    const { el, a } = mount(state());
    const settings = el.querySelector<HTMLButtonElement>('[data-open-settings]')!;
    expect(settings.tagName).toBe('BUTTON');
    expect(settings.textContent).toBe('Settings');
    expect(settings.hasAttribute('aria-label')).toBe(false);
    expect(settings.hasAttribute('aria-expanded')).toBe(false);
    settings.click();
    expect(a.openSettings).toHaveBeenCalledTimes(1);
    expect(button(el, /⋯/)).toBeUndefined();
    expect(el.querySelector('[data-turn-off], [data-turn-off-confirm], .menu, .add-card, .cards')).toBeNull();
    expect(el.textContent).not.toMatch(/Turn off|Reset progress|Add another card/);
    document.body.replaceChildren();
    expect(mount(state({ texts: panelTexts('zh-Hant') })).el.querySelector('[data-open-settings]')!.textContent).toBe('設定');
  });

  it('moves focus to its heading only when asked (the keyboard shortcut)', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    const a = actions();
    render(<Panel state={state({ focusRequest: 0 })} actions={a} />, el);
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(document.body);
    render(<Panel state={state({ focusRequest: 1 })} actions={a} />, el);
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('guide-title'));
    button(el, /English/).focus();
    render(<Panel state={state({ focusRequest: 1, texts: panelTexts('zh-Hant') })} actions={a} />, el);
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement?.id).not.toBe('guide-title');
    render(<Panel state={state({ focusRequest: 2, texts: panelTexts('zh-Hant') })} actions={a} />, el);
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('guide-title'));
  });
});
