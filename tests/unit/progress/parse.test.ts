import { describe, expect, it } from 'vitest';
import {
  MAX_BYTES,
  cardLabelProblem,
  defaultProgress,
  migrate,
  parseProgress,
  readProgress,
} from '../../../utils/progress';
import type { ProgressV1 } from '../../../utils/types';

const NEW_CARD = { route: null, tiedDone: [], tiedSkipped: [], record: null };

function sample(): ProgressV1 {
  return {
    version: 2,
    carriers: {
      cmhk: {
        activeCard: 'work',
        cards: {
          main: {
            label: '',
            checklist: ['backup-contacts'],
            stepsDone: ['sign-in'],
            stepsReached: ['sign-in', 'find-entry'],
            route: 'shop',
            tiedDone: ['whatsapp'],
            tiedSkipped: ['taobao'],
            record: { date: '2026-12-01', route: 'shop', ref: 'Ms Chan' },
          },
          work: { label: 'Work card', checklist: [], stepsDone: [], stepsReached: [], ...NEW_CARD },
        },
      },
    },
    settings: {
      language: 'zh-Hant',
      disabledEverywhere: false,
      disabledHosts: ['www.hk.chinamobile.com'],
      collapsed: true,
      enabledSites: [{ origin: 'https://practice.example', carrier: 'other' }],
      lookalikeWarning: true,
    },
  };
}

/** A deep copy with one change made by `edit`. */
function changed(edit: (p: any) => void): unknown {
  const copy = structuredClone(sample()) as any;
  edit(copy);
  return copy;
}

describe('parseProgress', () => {
  it('gives the default, without a notice, when nothing is stored', () => {
    expect(parseProgress(undefined)).toEqual({ progress: defaultProgress(), notice: null });
    expect(readProgress(undefined).rewrite).toBe(false);
  });

  it('accepts a valid value unchanged, as a copy', () => {
    const stored = sample();
    const { progress, notice } = parseProgress(stored);
    expect(notice).toBeNull();
    expect(progress).toEqual(stored);
    expect(progress).not.toBe(stored);
    expect(readProgress(stored).rewrite).toBe(false);
  });

  it.each([
    ['null', null],
    ['a string', 'progress'],
    ['a number', 1],
    ['an array', [1, 2]],
    ['an empty object', {}],
    ['a class instance', new Date()],
    ['no carriers', changed((p) => delete p.carriers)],
    ['no settings', changed((p) => delete p.settings)],
    ['an extra top-level key', changed((p) => (p.url = 'https://evil.example/'))],
    ['a carrier id that is a web address', changed((p) => (p.carriers['https://evil.example'] = p.carriers.cmhk))],
    ['a carrier that is not an object', changed((p) => (p.carriers.cmhk = 'x'))],
    ['no cards', changed((p) => (p.carriers.cmhk.cards = {}))],
    ['an active card that does not exist', changed((p) => (p.carriers.cmhk.activeCard = 'gone'))],
    ['a card id with capitals', changed((p) => (p.carriers.cmhk.cards.Work = p.carriers.cmhk.cards.work))],
    ['a card id made of a number', changed((p) => (p.carriers.cmhk.cards['c91234567'] = p.carriers.cmhk.cards.work))],
    ['a card id __proto__', changed((p) => Object.defineProperty(p.carriers.cmhk.cards, '__proto__', { value: {}, enumerable: true }))],
    ['a step id with a digit run', changed((p) => p.carriers.cmhk.cards.main.stepsDone.push('step-9123456'))],
    ['a duplicated step', changed((p) => p.carriers.cmhk.cards.main.stepsDone.push('sign-in'))],
    ['a checklist id with a URL', changed((p) => p.carriers.cmhk.cards.main.checklist.push('https://x.example/'))],
    ['a checklist id with a digit run', changed((p) => p.carriers.cmhk.cards.main.checklist.push('item-9123456'))],
    ['a checklist id that is not a string', changed((p) => p.carriers.cmhk.cards.main.checklist.push(7))],
    ['a label that is a phone number', changed((p) => (p.carriers.cmhk.cards.work.label = '9123 4567'))],
    ['a label that is a card number', changed((p) => (p.carriers.cmhk.cards.work.label = '4111-1111-1111-1111'))],
    ['a label in full-width digits', changed((p) => (p.carriers.cmhk.cards.work.label = '卡 ９１２３４５６７'))],
    ['a label that is too long', changed((p) => (p.carriers.cmhk.cards.work.label = 'x'.repeat(41)))],
    ['a label that is a web address', changed((p) => (p.carriers.cmhk.cards.work.label = 'https://evil.example'))],
    ['a card with an extra key', changed((p) => (p.carriers.cmhk.cards.work.number = '91234567'))],
    ['a bad language', changed((p) => (p.settings.language = 'fr'))],
    ['a non-boolean setting', changed((p) => (p.settings.collapsed = 'yes'))],
    ['a disabled host that is a URL', changed((p) => p.settings.disabledHosts.push('https://www.hk.chinamobile.com/path?q=1'))],
    ['a missing setting', changed((p) => delete p.settings.disabledEverywhere)],
  ])('resets %s with a corrupt notice', (_name, raw) => {
    const result = readProgress(raw);
    expect(result.state).toEqual({ progress: defaultProgress(), notice: 'reset-corrupt' });
    expect(result.rewrite).toBe(true);
  });

  it('resets values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { version: 1 };
    cyclic.self = cyclic;
    expect(parseProgress(cyclic).notice).toBe('reset-corrupt');
    expect(parseProgress({ version: 1n }).notice).toBe('reset-corrupt');
  });

  it.each([3, 99, -1, '1', '2', null, 1.5])('resets version %s as unknown', (version) => {
    const raw = changed((p) => (p.version = version));
    expect(parseProgress(raw)).toEqual({ progress: defaultProgress(), notice: 'reset-unknown-version' });
  });

  it('resets oversized values before looking inside them', () => {
    const raw = { version: 1, carriers: {}, settings: {}, junk: 'x'.repeat(MAX_BYTES) };
    expect(parseProgress(raw)).toEqual({ progress: defaultProgress(), notice: 'reset-oversized' });
    // Bytes, not characters: CJK takes three bytes each.
    const cjk = { version: 99, junk: '卡'.repeat(Math.ceil(MAX_BYTES / 3) + 10) };
    expect(parseProgress(cjk).notice).toBe('reset-oversized');
  });
});

describe('card labels', () => {
  it.each(['Work card', '工作卡', 'Mum’s 鸭聊佳', 'Card 2', 'Travel 2024', '12345 five digits'])('accepts %s', (label) => {
    expect(cardLabelProblem(label)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['91234567', 'digits'],
    ['+852 9123 4567', 'digits'],
    ['card 123-456', 'digits'],
    ['x'.repeat(41), 'too-long'],
    ['www.hk.chinamobile.com', 'address'],
    ['http://x', 'address'],
    ['me@mail.example.com', 'address'],
    ['evil.com', 'address'],
    ['tab\there', 'characters'],
    ['rtl\u202eoverride', 'characters'],
  ])('refuses %j (%s)', (label, problem) => {
    expect(cardLabelProblem(label)).toBe(problem);
  });
});

describe('migrate', () => {
  it('leaves the current version and unknown shapes alone', () => {
    expect(migrate(sample())).toBeNull();
    expect(migrate({ version: 7 })).toBeNull();
    expect(migrate('x')).toBeNull();
  });

  it('brings version 1 to version 2: each card gains no route, no tied accounts and no record', () => {
    const v1 = {
      version: 1,
      carriers: { cmhk: { activeCard: 'main', cards: { main: { label: '', checklist: ['decide'], stepsDone: ['sign-in'], stepsReached: ['sign-in', 'find-entry'] } } } },
      settings: { language: 'en', disabledEverywhere: false, disabledHosts: [], collapsed: false },
    };
    const result = readProgress(v1);
    expect(result.rewrite).toBe(true);
    expect(result.state.notice).toBeNull();
    expect(result.state.progress.version).toBe(2);
    expect(result.state.progress.carriers.cmhk!.cards.main).toEqual({
      label: '',
      checklist: ['decide'],
      stepsDone: ['sign-in'],
      stepsReached: ['sign-in', 'find-entry'],
      ...NEW_CARD,
    });
    expect(readProgress(structuredClone(result.state.progress))).toEqual({ state: result.state, rewrite: false });
    // A broken version 1 is still corrupt after migration, not half read.
    expect(parseProgress({ ...v1, carriers: 'garbage' }).notice).toBe('reset-corrupt');
  });

  it('drops a route or record it does not know with a notice, and keeps the rest of the card', () => {
    for (const edit of [
      (p: any) => (p.carriers.cmhk.cards.main.route = 'carrier-pigeon'),
      (p: any) => (p.carriers.cmhk.cards.main.record = { date: '2026-13-40', route: 'shop', ref: '' }),
      (p: any) => (p.carriers.cmhk.cards.main.record = { date: '2026-12-01', route: 'shop', ref: '91234567' }),
    ]) {
      const result = readProgress(changed(edit));
      expect(result.state.notice).toBe('dropped-unknown');
      expect(result.rewrite).toBe(true);
      const card = result.state.progress.carriers.cmhk!.cards.main!;
      expect(card.checklist).toEqual(['backup-contacts']);
      expect(card.tiedDone).toEqual(['whatsapp']);
      expect([card.route, card.record === null || card.record.date === '2026-12-01']).toBeTruthy();
    }
    const route = readProgress(changed((p) => (p.carriers.cmhk.cards.main.route = 'carrier-pigeon')));
    expect(route.state.progress.carriers.cmhk!.cards.main!.route).toBeNull();
    expect(route.state.progress.carriers.cmhk!.cards.main!.record).toEqual({ date: '2026-12-01', route: 'shop', ref: 'Ms Chan' });
    // Anything else malformed in the new keys is corrupt, as before.
    expect(parseProgress(changed((p) => (p.carriers.cmhk.cards.main.tiedDone = ['https://x.example']))).notice).toBe('reset-corrupt');
  });

  it('drops only the ids this version does not know (a carrier, step, checklist or tied item renamed or removed), with a notice', () => {
    // Issue 12: these used to reset everything; now the rest of the user's progress stays.
    const known = { checklist: ['backup-contacts', 'use-balance'], tied: ['whatsapp'] };
    const result = readProgress(
      changed((p) => {
        p.carriers.oldtel = p.carriers.cmhk;
        p.carriers.cmhk.cards.main.stepsDone.push('pay-now');
        p.carriers.cmhk.cards.main.checklist.push('renamed-item');
        p.carriers.cmhk.cards.main.tiedDone.push('gone-app');
        p.settings.enabledSites = [
          { origin: 'https://a.example', carrier: 'oldtel' },
          { origin: 'https://b.example', carrier: 'csl' },
        ];
      }),
      known,
    );
    expect(result.state.notice).toBe('dropped-unknown');
    expect(result.rewrite).toBe(true);
    const { progress } = result.state;
    expect(Object.keys(progress.carriers)).toEqual(Object.keys(sample().carriers));
    const main = progress.carriers.cmhk!.cards.main!;
    const before = sample().carriers.cmhk!.cards.main!;
    expect(main.stepsDone).toEqual(before.stepsDone);
    expect(main.checklist).toEqual(before.checklist.filter((c) => known.checklist.includes(c)));
    expect(main.tiedDone).toEqual(before.tiedDone.filter((c) => known.tied.includes(c)));
    expect(progress.settings.enabledSites).toEqual([{ origin: 'https://b.example', carrier: 'csl' }]);
    // Written back without them: the next read has nothing to drop and no notice.
    const again = readProgress(progress, known);
    expect(again.state.notice).toBeNull();
    expect(again.rewrite).toBe(false);
  });

  it('brings the unversioned legacy checklist to version 2 (kept for CMHK)', () => {
    const legacy = { checked: ['backup-contacts', 'use-balance', 'https://bad.example/', 'backup-contacts', 'x91234567'] };
    const result = readProgress(legacy);
    expect(result.state.notice).toBeNull();
    expect(result.rewrite).toBe(true);
    expect(result.state.progress).toEqual({
      version: 2,
      carriers: {
        cmhk: {
          activeCard: 'main',
          cards: { main: { label: '', checklist: ['backup-contacts', 'use-balance'], stepsDone: [], stepsReached: [], ...NEW_CARD } },
        },
      },
      settings: defaultProgress().settings,
    });
  });

  it('an empty legacy checklist becomes the default', () => {
    expect(parseProgress({ checked: [] })).toEqual({ progress: defaultProgress(), notice: null });
  });

  it('brings version 0 to version 2, keeping what is valid', () => {
    const v0 = {
      version: 0,
      language: 'zh-Hans',
      carriers: {
        three: { checked: ['move-bank-verification'], stepsDone: ['find-entry', 'sign-in', 'nonsense'] },
        evil: { checked: ['x'] },
        csl: 'not an object',
      },
    };
    const result = readProgress(v0);
    expect(result.rewrite).toBe(true);
    expect(result.state.notice).toBeNull();
    expect(result.state.progress.settings.language).toBe('zh-Hans');
    expect(result.state.progress.carriers).toEqual({
      three: {
        activeCard: 'main',
        cards: {
          main: {
            label: '',
            checklist: ['move-bank-verification'],
            stepsDone: ['sign-in', 'find-entry'],
            stepsReached: ['sign-in', 'find-entry'],
            ...NEW_CARD,
          },
        },
      },
    });
    // What migration wrote is accepted as it is on the next read.
    expect(readProgress(structuredClone(result.state.progress))).toEqual({ state: result.state, rewrite: false });
  });
});
