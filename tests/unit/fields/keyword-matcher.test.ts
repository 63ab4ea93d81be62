// keywordMatcher must answer exactly as the regular expressions it replaces (per group, one
// alternation of its whole-word entries and one of its CJK entries, as the classifier first built
// them): on the real lists, for both sets the classifier uses, against the keywords themselves and
// random text made of their pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fieldKeywords from '../../../assets/keywords/fields.json';
import { keywordEntry, keywordMatcher } from '../../../utils/fields/keyword-matcher';
import { normaliseText } from '../../../utils/fields/normalise';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\#/-]/g, '\\$&');

/** The reference: one group's alternations as the classifier first built them. */
function plainMatcher(entries: readonly string[]): (spaced: string) => boolean {
  const words: string[] = [];
  const cjk: string[] = [];
  for (const raw of entries) {
    if (/^[\x20-\x7e]+$/.test(raw)) {
      const prefix = raw.endsWith('*');
      const entry = normaliseText(prefix ? raw.slice(0, -1) : raw);
      if (entry) words.push(entry.split(' ').map(escape).join('[ -]?') + (prefix ? '[a-z]*' : ''));
    } else {
      cjk.push(escape(normaliseText(raw).replace(/\s+/g, '')));
    }
  }
  const w = words.length ? new RegExp(`(?<![a-z0-9])(?:${words.join('|')})(?![a-z0-9])`) : null;
  const c = cjk.length ? new RegExp(cjk.join('|')) : null;
  return (spaced) => (w !== null && w.test(spaced)) || (c !== null && c.test(spaced.replace(/ /g, '')));
}

const GROUPS = Object.values(fieldKeywords.groups) as Record<string, string[]>[];
/** The classifier's two sets: label/nearby text (every language but attr), name/id (attr and en). */
const SETS = [
  GROUPS.map((lists) => Object.entries(lists).flatMap(([lang, list]) => (lang === 'attr' ? [] : list))),
  GROUPS.map((lists) => [...(lists['attr'] ?? []), ...(lists['en'] ?? [])]),
];
const ALL = GROUPS.flatMap((lists) => Object.values(lists).flat());

function compiled(groups: string[][]) {
  return { fast: keywordMatcher(groups.map((entries) => entries.map(keywordEntry))), plain: groups.map(plainMatcher) };
}

/** The groups the reference finds in `raw`, as a bitmask. */
function plainGroups(plain: ((spaced: string) => boolean)[], spaced: string): number {
  return plain.reduce((mask, test, i) => (test(spaced) ? mask | (1 << i) : mask), 0);
}

describe('keywordMatcher', () => {
  const sets = SETS.map(compiled);

  it('finds the groups the regular expressions find, on every keyword, alone and inside words', () => {
    const texts = ALL.flatMap((k) => [k, `x${k}`, `${k}x`, `${k}2`, `${k}s`, `my ${k} no`, k.replace(/ /g, '-'), k.replace(/ /g, ''), k.replace(/ /g, '  '), k.slice(0, -1), k.split('').join(' ')]);
    for (const { fast, plain } of sets) {
      for (const raw of texts) {
        const spaced = normaliseText(raw);
        expect(fast.groupsIn(spaced), JSON.stringify(raw)).toBe(plainGroups(plain, spaced));
      }
    }
  });

  it('finds the same groups in random text made of keyword pieces', () => {
    const piece = fc.oneof(
      fc.constantFrom(...ALL),
      fc.constantFrom(...ALL).map((k) => k.slice(0, 3)),
      fc.constantFrom(' ', '-', '/', '_', 'x', '1', 's', 'ing', '卡', '号', 'card', 'no'),
    );
    const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.nat({ max: sets.length - 1 }), (raw, i) => {
        const { fast, plain } = sets[i]!;
        const spaced = normaliseText(raw);
        return fast.groupsIn(spaced) === plainGroups(plain, spaced);
      }),
      { numRuns: 20_000 },
    );
  });

  it('treats an entry that normalises to nothing as the empty alternative did, and skips spaces in CJK text', () => {
    const m = keywordMatcher([['（）'].map(keywordEntry), ['卡号'].map(keywordEntry), ['card no*'].map(keywordEntry)]);
    expect(m.groupsIn('abc')).toBe(0b001);
    expect(m.groupsIn('信用卡 号码')).toBe(0b011);
    expect(m.groupsIn('card-nos')).toBe(0b101);
    expect(m.groupsIn('card nos1')).toBe(0b001);
  });
});
