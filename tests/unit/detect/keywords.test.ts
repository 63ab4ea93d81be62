// The keyword data: sorted and stable (small diffs), normalised, complete; and how words match.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { has, KEYWORDS, mask, near, normalise } from '../../../utils/detect/words';
import { LANGUAGES } from '../../../utils/types';

const FILE = join(__dirname, '../../../assets/keywords/steps.json');

describe('assets/keywords/steps.json', () => {
  const raw = readFileSync(FILE, 'utf8');

  it('is round-trip stable', () => {
    expect(`${JSON.stringify(JSON.parse(raw), null, 2)}\n`).toBe(raw);
  });

  it('has sorted keys, and every list in every language, sorted, unique and normalised', () => {
    const groups = Object.keys(KEYWORDS);
    expect(groups).toEqual([...groups].sort());
    expect(groups).toEqual(expect.arrayContaining(['common', 'sign-in', 'find-entry', 'submit-request', 'await-review', 'confirmed']));
    for (const group of groups) {
      const lists = Object.keys(KEYWORDS[group] ?? {});
      expect(lists, group).toEqual([...lists].sort());
      for (const list of lists) {
        const entry = KEYWORDS[group]?.[list];
        expect(Object.keys(entry ?? {}), `${group}.${list}`).toEqual([...LANGUAGES]);
        for (const lang of LANGUAGES) {
          const words = entry?.[lang] ?? [];
          expect(words.length, `${group}.${list}.${lang}`).toBeGreaterThan(0);
          expect(words, `${group}.${list}.${lang}`).toEqual([...new Set(words)].sort());
          for (const w of words) expect(w, `${group}.${list}.${lang}`).toBe(normalise(w));
        }
      }
    }
  });

  it('has negative phrases for the steps that need them', () => {
    for (const group of ['sign-in', 'find-entry', 'await-review', 'confirmed']) expect(KEYWORDS[group]?.negative).toBeDefined();
  });
});

describe('matching', () => {
  it('matches English at word boundaries, spaces and hyphens flexible', () => {
    for (const t of ['Sign in', 'SIGN-IN', 'signin', 'Sign_in now']) expect(has(t, 'sign-in.action'), t).toBe(true);
    for (const t of ['design interface', 'assign into', 'signing']) expect(has(t, 'sign-in.action'), t).toBe(false);
    expect(has('LogInNow', 'sign-in.action')).toBe(true);
    expect(has('registration', 'common.deregistration')).toBe(false);
    expect(has('De-register', 'common.deregistration')).toBe(true);
  });

  it('normalises full-width text and case', () => {
    expect(has('ＬＯＧ　ＩＮ', 'sign-in.action')).toBe(true);
    expect(has('ＨＫＩＤ', 'submit-request.idField')).toBe(true);
  });

  it('matches Chinese inside running text, in both scripts', () => {
    expect(has('你的取消登記申請已收到', 'common.deregistration')).toBe(true);
    expect(has('您的取消登记申请已收到', 'common.deregistration')).toBe(true);
    expect(has('實名登記', 'common.deregistration')).toBe(false);
  });

  it('masks negatives before matching', () => {
    expect(has(mask('A processing fee applies', 'await-review.negative'), 'await-review.status')).toBe(false);
    expect(has(mask('Status: processing', 'await-review.negative'), 'await-review.status')).toBe(true);
    expect(has(mask('本公司不收取處理費', 'await-review.negative'), 'await-review.status')).toBe(false);
  });

  it('finds words near each other', () => {
    const far = `Deregistration ${'x '.repeat(100)} pending`;
    expect(near('Deregistration: pending', ['await-review.status'], ['common.deregistration'], 120)).toBe(true);
    expect(near(far, ['await-review.status'], ['common.deregistration'], 120)).toBe(false);
  });
});
