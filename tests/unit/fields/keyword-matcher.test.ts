// keywordMatcher must answer exactly as the plain alternations it replaces (one regular
// expression of every whole-word entry, one of every CJK entry): on the real lists, one group at a
// time and all together, against the keywords themselves and random text made of their pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fieldKeywords from '../../../assets/keywords/fields.json';
import { keywordMatcher } from '../../../utils/fields/keyword-matcher';
import { normaliseText } from '../../../utils/fields/normalise';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\#/-]/g, '\\$&');

/** The reference: the alternations as the classifier first built them. */
function plainMatcher(entries: readonly string[]): (spaced: string, compact: string) => boolean {
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
  return (spaced, compact) => (w !== null && w.test(spaced)) || (c !== null && c.test(compact));
}

const GROUPS = Object.values(fieldKeywords.groups) as Record<string, string[]>[];
const LISTS = [...GROUPS.flatMap((lists) => [Object.values(lists).flat(), [...(lists['attr'] ?? []), ...(lists['en'] ?? [])]]), GROUPS.flatMap((lists) => Object.values(lists).flat())];
const ALL = LISTS[LISTS.length - 1] as string[];

function agree(entries: readonly string[], texts: readonly string[]): void {
  const fast = keywordMatcher(entries);
  const plain = plainMatcher(entries);
  for (const raw of texts) {
    const spaced = normaliseText(raw);
    const compact = spaced.replace(/ /g, '');
    expect(fast.test(spaced, compact), JSON.stringify(raw)).toBe(plain(spaced, compact));
  }
}

describe('keywordMatcher', () => {
  it('agrees with the plain alternations on every keyword, alone and inside words', () => {
    const texts = ALL.flatMap((k) => [k, `x${k}`, `${k}x`, `my ${k} no`, k.replace(/ /g, '-'), k.replace(/ /g, ''), k.slice(0, -1)]);
    for (const entries of LISTS) agree(entries, texts);
  });

  it('agrees on random text made of keyword pieces', () => {
    const piece = fc.oneof(fc.constantFrom(...ALL), fc.constantFrom(...ALL).map((k) => k.slice(0, 3)), fc.constantFrom(' ', '-', '/', '_', 'x', '1', 's', 'ing', '卡', '号'));
    const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    const matchers = LISTS.map((entries) => ({ fast: keywordMatcher(entries), plain: plainMatcher(entries) }));
    fc.assert(
      fc.property(text, fc.nat({ max: LISTS.length - 1 }), (raw, i) => {
        const { fast, plain } = matchers[i]!;
        const spaced = normaliseText(raw);
        const compact = spaced.replace(/ /g, '');
        return fast.test(spaced, compact) === plain(spaced, compact);
      }),
      { numRuns: 20_000 },
    );
  });

  it('treats an entry that normalises to nothing as the empty alternative did: it occurs everywhere', () => {
    expect(keywordMatcher(['（）']).test('abc', 'abc')).toBe(true);
    expect(keywordMatcher(['卡号']).test('abc', 'abc')).toBe(false);
  });
});
