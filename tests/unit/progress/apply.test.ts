import { describe, expect, it } from 'vitest';
import type { ProgressAction } from '../../../utils/messages';
import { MAX_CARDS, MAX_CHECKLIST, defaultProgress, parseProgress } from '../../../utils/progress';
import { applyAction, cardIdFor } from '../../../utils/progress-actions';
import { cardOf } from '../../../utils/card';
import type { ProgressV1 } from '../../../utils/types';

function run(...actions: ProgressAction[]): ProgressV1 {
  return actions.reduce(applyAction, defaultProgress());
}

const NEW_CARD = { route: null, tiedDone: [], tiedSkipped: [], record: null };

describe('cardOf', () => {
  it('gives an empty default card for a carrier without progress', () => {
    expect(cardOf(defaultProgress(), 'cmhk')).toEqual({ label: '', checklist: [], stepsDone: [], stepsReached: [], ...NEW_CARD });
  });
});

describe('applyAction', () => {
  it('never mutates its input', () => {
    const p = run({ kind: 'toggle-check', carrier: 'cmhk', item: 'a' });
    const frozen = structuredClone(p);
    applyAction(p, { kind: 'toggle-check', carrier: 'cmhk', item: 'b' });
    applyAction(p, { kind: 'add-card', carrier: 'cmhk', label: 'Work' });
    applyAction(p, { kind: 'settings', patch: { language: 'en' } });
    expect(p).toEqual(frozen);
  });

  it('toggle-check ticks and unticks', () => {
    const p = run({ kind: 'toggle-check', carrier: 'cmhk', item: 'backup-contacts' });
    expect(cardOf(p, 'cmhk').checklist).toEqual(['backup-contacts']);
    expect(cardOf(p, 'three').checklist).toEqual([]);
    const q = applyAction(p, { kind: 'toggle-check', carrier: 'cmhk', item: 'backup-contacts' });
    expect(cardOf(q, 'cmhk').checklist).toEqual([]);
  });

  it('toggle-check refuses ids that are not short ids', () => {
    const p = defaultProgress();
    for (const item of ['https://x.example', 'ID 91234567', 'a'.repeat(41), 'Upper', '', 'item-1234567']) {
      expect(applyAction(p, { kind: 'toggle-check', carrier: 'cmhk', item })).toBe(p);
    }
  });

  it('toggle-check stops at the checklist limit', () => {
    let p = defaultProgress();
    for (let i = 0; i < MAX_CHECKLIST + 5; i++) p = applyAction(p, { kind: 'toggle-check', carrier: 'cmhk', item: `item-${i}` });
    expect(cardOf(p, 'cmhk').checklist).toHaveLength(MAX_CHECKLIST);
  });

  it('mark-step marks done (and reached) in flow order, and undone', () => {
    const p = run(
      { kind: 'mark-step', carrier: 'csl', step: 'submit-request', done: true },
      { kind: 'mark-step', carrier: 'csl', step: 'sign-in', done: true },
    );
    expect(cardOf(p, 'csl').stepsDone).toEqual(['sign-in', 'submit-request']);
    expect(cardOf(p, 'csl').stepsReached).toEqual(['sign-in', 'submit-request']);
    const q = applyAction(p, { kind: 'mark-step', carrier: 'csl', step: 'sign-in', done: false });
    expect(cardOf(q, 'csl').stepsDone).toEqual(['submit-request']);
    expect(cardOf(q, 'csl').stepsReached).toEqual(['sign-in', 'submit-request']);
    expect(applyAction(q, { kind: 'mark-step', carrier: 'csl', step: 'sign-in', done: false })).toBe(q);
    expect(applyAction(q, { kind: 'mark-step', carrier: 'csl', step: 'submit-request', done: true })).toBe(q);
    expect(applyAction(q, { kind: 'mark-step', carrier: 'csl', step: 'pay' as never, done: true })).toBe(q);
  });

  it('reach-step adds once', () => {
    const p = run({ kind: 'reach-step', carrier: 'three', step: 'await-review' }, { kind: 'reach-step', carrier: 'three', step: 'sign-in' });
    expect(cardOf(p, 'three').stepsReached).toEqual(['sign-in', 'await-review']);
    expect(applyAction(p, { kind: 'reach-step', carrier: 'three', step: 'sign-in' })).toBe(p);
    expect(cardOf(p, 'three').stepsDone).toEqual([]);
  });

  it('reset clears the carrier back to one default card and leaves the others', () => {
    const p = run(
      { kind: 'toggle-check', carrier: 'cmhk', item: 'a' },
      { kind: 'add-card', carrier: 'cmhk', label: 'Work' },
      { kind: 'toggle-check', carrier: 'three', item: 'b' },
      { kind: 'settings', patch: { language: 'zh-Hans' } },
    );
    const q = applyAction(p, { kind: 'reset', carrier: 'cmhk' });
    expect(q.carriers.cmhk).toBeUndefined();
    expect(cardOf(q, 'cmhk')).toEqual(cardOf(defaultProgress(), 'cmhk'));
    expect(cardOf(q, 'three').checklist).toEqual(['b']);
    expect(q.settings.language).toBe('zh-Hans');
    expect(applyAction(q, { kind: 'reset', carrier: 'cmhk' })).toBe(q);
  });

  it('add-card adds a labelled card, selects it, and keeps the first', () => {
    const p = run({ kind: 'toggle-check', carrier: 'cmhk', item: 'a' }, { kind: 'add-card', carrier: 'cmhk', label: '  Work card ' });
    const cp = p.carriers.cmhk!;
    expect(Object.keys(cp.cards)).toEqual(['main', 'work-card']);
    expect(cp.activeCard).toBe('work-card');
    expect(cp.cards['work-card']).toEqual({ label: 'Work card', checklist: [], stepsDone: [], stepsReached: [], ...NEW_CARD });
    expect(cp.cards.main!.checklist).toEqual(['a']);
  });

  it('add-card ids are deterministic, unique and never carry a digit run', () => {
    expect(cardIdFor('Work', [])).toBe('work');
    expect(cardIdFor('Work', ['work'])).toBe('work-2');
    expect(cardIdFor('work!', ['work', 'work-2'])).toBe('work-3');
    expect(cardIdFor('工作卡', [])).toBe('card');
    expect(cardIdFor('2nd card', [])).toBe('nd-card');
    expect(cardIdFor('Trip 2024 No 12345', [])).toBe('trip-no');
    expect(cardIdFor('ＳＩＭ', [])).toBe('sim');
    const p = run({ kind: 'add-card', carrier: 'cmhk', label: 'Work' }, { kind: 'add-card', carrier: 'cmhk', label: 'work' });
    expect(Object.keys(p.carriers.cmhk!.cards)).toEqual(['main', 'work', 'work-2']);
  });

  it('add-card refuses labels that look like numbers or addresses, and too many cards', () => {
    const p = defaultProgress();
    for (const label of ['9123 4567', '4111111111111111', 'www.example.com', '', 'x'.repeat(41)]) {
      expect(applyAction(p, { kind: 'add-card', carrier: 'cmhk', label })).toBe(p);
    }
    let q = p;
    for (let i = 0; i < MAX_CARDS + 3; i++) q = applyAction(q, { kind: 'add-card', carrier: 'cmhk', label: 'Card' });
    expect(Object.keys(q.carriers.cmhk!.cards)).toHaveLength(MAX_CARDS);
  });

  it('select-card switches to an existing card only', () => {
    const p = run({ kind: 'add-card', carrier: 'cmhk', label: 'Work' });
    const q = applyAction(p, { kind: 'select-card', carrier: 'cmhk', card: 'main' });
    expect(q.carriers.cmhk!.activeCard).toBe('main');
    expect(applyAction(q, { kind: 'select-card', carrier: 'cmhk', card: 'main' })).toBe(q);
    expect(applyAction(q, { kind: 'select-card', carrier: 'cmhk', card: 'nope' })).toBe(q);
    expect(applyAction(q, { kind: 'select-card', carrier: 'cmhk', card: 'constructor' })).toBe(q);
  });

  it('remove-card removes a card, moves the selection, and never removes the last', () => {
    const p = run({ kind: 'add-card', carrier: 'cmhk', label: 'Work' });
    const q = applyAction(p, { kind: 'remove-card', carrier: 'cmhk', card: 'work' });
    expect(q.carriers.cmhk).toEqual({ activeCard: 'main', cards: { main: cardOf(defaultProgress(), 'cmhk') } });
    expect(applyAction(q, { kind: 'remove-card', carrier: 'cmhk', card: 'main' })).toBe(q);
    expect(applyAction(q, { kind: 'remove-card', carrier: 'cmhk', card: 'nope' })).toBe(q);
    const r = applyAction(p, { kind: 'remove-card', carrier: 'cmhk', card: 'main' });
    expect(r.carriers.cmhk!.activeCard).toBe('work');
    expect(Object.keys(r.carriers.cmhk!.cards)).toEqual(['work']);
  });

  it('settings patches valid fields and refuses anything else whole', () => {
    const p = run({ kind: 'settings', patch: { language: 'zh-Hant', collapsed: true, disabledHosts: ['www.cuniq.com', 'www.cuniq.com'] } });
    expect(p.settings).toEqual({
      language: 'zh-Hant',
      disabledEverywhere: false,
      disabledHosts: ['www.cuniq.com'],
      collapsed: true,
      enabledSites: [],
      lookalikeWarning: false,
      fieldWarnings: true,
    });
    const q = applyAction(p, { kind: 'settings', patch: { language: null } });
    expect(q.settings.language).toBeNull();
    // Field warnings: their own switch (issue 14), a boolean only.
    expect(applyAction(p, { kind: 'settings', patch: { fieldWarnings: false } }).settings.fieldWarnings).toBe(false);
    for (const patch of [
      { language: 'fr' },
      { collapsed: 'yes' },
      { fieldWarnings: 'off' },
      { disabledHosts: ['https://www.cuniq.com/'] },
      { disabledHosts: 'www.cuniq.com' },
      { phone: '91234567' },
      { language: 'en', extra: 1 },
    ]) {
      expect(applyAction(p, { kind: 'settings', patch: patch as never })).toBe(p);
    }
  });

  it('ignores unknown carriers and unknown actions', () => {
    const p = defaultProgress();
    expect(applyAction(p, { kind: 'toggle-check', carrier: 'evil' as never, item: 'a' })).toBe(p);
    expect(applyAction(p, { kind: 'explode' } as never)).toBe(p);
    expect(applyAction(p, null as never)).toBe(p);
  });

  it('every result is accepted by parseProgress as it is', () => {
    const p = run(
      { kind: 'toggle-check', carrier: 'cmhk', item: 'a' },
      { kind: 'add-card', carrier: 'cmhk', label: '工作卡' },
      { kind: 'mark-step', carrier: 'cmhk', step: 'confirmed', done: true },
      { kind: 'settings', patch: { disabledEverywhere: true } },
    );
    expect(parseProgress(JSON.parse(JSON.stringify(p)))).toEqual({ progress: p, notice: null });
  });
});

describe('issue 13 actions: route, tied accounts, request record', () => {
  it('sets a known route per card, and ignores an unknown one', () => {
    const p = applyAction(defaultProgress(), { kind: 'set-route', carrier: 'cmhk', route: 'shop' });
    expect(cardOf(p, 'cmhk').route).toBe('shop');
    expect(applyAction(p, { kind: 'set-route', carrier: 'cmhk', route: 'shop' })).toBe(p);
    expect(applyAction(p, { kind: 'set-route', carrier: 'cmhk', route: 'pigeon' as never })).toBe(p);
    const other = applyAction(applyAction(p, { kind: 'add-card', carrier: 'cmhk', label: 'Work' }), { kind: 'set-route', carrier: 'cmhk', route: 'lapse' });
    expect(other.carriers.cmhk!.cards.main!.route).toBe('shop');
    expect(cardOf(other, 'cmhk').route).toBe('lapse');
  });

  it('ticks, dismisses and un-ticks a tied account, one state at a time', () => {
    let p = applyAction(defaultProgress(), { kind: 'tied', carrier: 'cmhk', item: 'whatsapp', state: 'done' });
    expect(cardOf(p, 'cmhk')).toMatchObject({ tiedDone: ['whatsapp'], tiedSkipped: [] });
    p = applyAction(p, { kind: 'tied', carrier: 'cmhk', item: 'whatsapp', state: 'skipped' });
    expect(cardOf(p, 'cmhk')).toMatchObject({ tiedDone: [], tiedSkipped: ['whatsapp'] });
    p = applyAction(p, { kind: 'tied', carrier: 'cmhk', item: 'whatsapp', state: 'todo' });
    expect(cardOf(p, 'cmhk')).toMatchObject({ tiedDone: [], tiedSkipped: [] });
    expect(applyAction(p, { kind: 'tied', carrier: 'cmhk', item: 'https://x', state: 'done' })).toBe(p);
    expect(applyAction(p, { kind: 'tied', carrier: 'cmhk', item: 'apple', state: 'maybe' as never })).toBe(p);
  });

  it('keeps the user\'s record of the request, refuses numbers, and deletes it with the card', () => {
    const record = { date: '2026-12-02', route: 'hotline' as const, ref: 'REF-0042 Ms Chan' };
    let p = applyAction(defaultProgress(), { kind: 'add-card', carrier: 'cmhk', label: 'Work' });
    p = applyAction(p, { kind: 'record', carrier: 'cmhk', record });
    expect(cardOf(p, 'cmhk').record).toEqual(record);
    for (const ref of ['9123 4567', 'A123456(7)', '4111 1111 1111 1111', 'www.evil.example']) {
      expect(applyAction(p, { kind: 'record', carrier: 'cmhk', record: { ...record, ref } })).toBe(p);
    }
    expect(applyAction(p, { kind: 'record', carrier: 'cmhk', record: { ...record, date: '2026-02-30' } })).toBe(p);
    expect(cardOf(applyAction(p, { kind: 'record', carrier: 'cmhk', record: null }), 'cmhk').record).toBeNull();
    const removed = applyAction(p, { kind: 'remove-card', carrier: 'cmhk', card: 'work' });
    expect(JSON.stringify(removed)).not.toContain('REF-0042');
  });
});
