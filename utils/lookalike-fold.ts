// Brand words and hosts, normalised alike (issue 16, item 5): a phishing page writes 中國 移動 with
// a space, ＣＭＨＫ in full-width letters, chinamоbile with a Cyrillic о, c​m​h​k with zero-width
// spaces. Both sides of every comparison go through skeleton(), so what looks the same compares the
// same. Background only (the probe sends text; it carries none of this).
//
// Confusable letters come from `unhomoglyph` (Unicode's confusables.txt as a table, about 28 KB
// gzip in the background bundle), not from a hand list: it knows thousands of look-alikes across
// scripts that a hand list would miss.
import unhomoglyph from 'unhomoglyph';
import { CARRIERS } from './carriers';
import type { Carrier, CarrierId } from './types';

/** Characters that draw nothing: zero-width spaces and joiners, soft hyphens, BOM, bidi marks, variation selectors, fillers. */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0]/gu;

/**
 * The skeleton of a text: compatibility forms folded (NFKC: full-width, ligatures, circled
 * letters), invisible characters dropped, lower case, confusables mapped to their prototype, and
 * the digits that pass for letters (0 → o, 1 → l, 3 → e, 5 → s; `vv` → w). Case-insensitive.
 */
export function skeleton(text: string): string {
  const folded = text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  return unhomoglyph(folded)
    .toLowerCase()
    .replace(/vv/g, 'w')
    .replace(/0/g, 'o')
    .replace(/1/g, 'l')
    .replace(/3/g, 'e')
    .replace(/5/g, 's');
}

const HAN = /\p{Script=Han}/u;

interface PageWord {
  carrier: CarrierId;
  /** The word's skeleton without spaces. */
  word: string;
  /** Chinese names match anywhere (no spaces between words in Chinese); Latin ones as whole words. */
  han: boolean;
}

function pageWordsOf(carriers: readonly Carrier[]): PageWord[] {
  return carriers.flatMap((c) =>
    (c.brand?.pageWords ?? []).map((w) => ({ carrier: c.id, word: skeleton(w).replace(/[^\p{L}\p{N}]+/gu, ''), han: HAN.test(w) })),
  );
}

const PAGE_WORDS: readonly PageWord[] = pageWordsOf(CARRIERS);

/** Longest run of tokens a spaced-out brand may take (`C M H K`, `c.s.l`). */
const MAX_RUN = 12;

/**
 * Carriers whose names a text carries, normalised: full-width, look-alike letters, invisible
 * characters and spacing do not hide them. Latin names count as whole words only (`csl`, not the
 * `csl` of "physics lab"); names of eight letters or more also inside a longer word.
 */
export function brandsInText(text: string, carriers?: readonly Carrier[]): CarrierId[] {
  const words = carriers ? pageWordsOf(carriers) : PAGE_WORDS;
  const sk = skeleton(text.slice(0, 20_000));
  const squashed = sk.replace(/[^\p{L}\p{N}]+/gu, '');
  // Han and Latin meet without a space in Chinese text (中國移動CMHK): split them.
  const tokens = sk
    .replace(/(\p{Script=Han})(?=[\p{Script=Latin}\p{N}])|([\p{Script=Latin}\p{N}])(?=\p{Script=Han})/gu, '$1$2 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const latin = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let run = '';
    for (let j = i; j < tokens.length && j - i < MAX_RUN; j++) {
      run += tokens[j];
      latin.add(run);
      if (run.length > 24) break;
    }
  }
  const found: CarrierId[] = [];
  for (const w of words) {
    if (found.includes(w.carrier) || !w.word) continue;
    const hit = w.han ? squashed.includes(w.word) : latin.has(w.word) || (w.word.length >= 8 && squashed.includes(w.word));
    if (hit) found.push(w.carrier);
  }
  return found;
}
