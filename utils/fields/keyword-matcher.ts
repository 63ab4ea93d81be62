// Compiles a keyword list into a matcher that answers "does any entry occur in this text?" fast:
// classifying a page asks it a few times per control. Two kinds of entries (see fields.json):
// - ASCII entries match whole words of the normalised text: one regular expression, its
//   alternatives merged into a trie, so each position of the text costs a step or two instead
//   of a try per entry (a plain alternation of a few hundred entries is several times slower);
// - other entries (CJK) match as substrings of the text with spaces removed: an index by first
//   character, so most characters cost one bit test.
// The answers are exactly those of the plain alternations (tests/unit/fields/keyword-matcher.test.ts).
import { normaliseText } from './normalise';

const ASCII = /^[\x20-\x7e]+$/;
const SPECIAL = /[.*+?^${}()|[\]\\#/-]/;

/** A regex atom per character of a normalised entry; words joined by "space, hyphen or nothing". */
function wordAtoms(raw: string): string[] | null {
  const prefix = raw.endsWith('*');
  const entry = normaliseText(prefix ? raw.slice(0, -1) : raw);
  if (!entry) return null;
  const atoms: string[] = [];
  entry.split(' ').forEach((word, i) => {
    if (i > 0) atoms.push('[ -]?');
    for (const ch of word) atoms.push(SPECIAL.test(ch) ? '\\' + ch : ch);
  });
  if (prefix) atoms.push('[a-z]*'); // a trailing * matches any word ending
  return atoms;
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/** One pattern for all atom sequences, shared prefixes merged: (?:ab(?:c|d)) for abc|abd. */
function triePattern(sequences: string[][]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const atoms of sequences) {
    let node = root;
    for (const atom of atoms) {
      let child = node.next.get(atom);
      if (!child) node.next.set(atom, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const alternatives = [...node.next].map(([atom, child]) => atom + emit(child));
    if (alternatives.length === 0) return '';
    const body = alternatives.length === 1 ? (alternatives[0] as string) : `(?:${alternatives.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

/** Substring search for many literals: a bitmap of first characters (hashed), then the candidates. */
class Literals {
  private readonly firsts = new Uint32Array(128); // 4,096 bits, by code unit & 4095
  private readonly byFirst = new Map<number, string[]>();
  /** An entry that normalised to nothing occurs in every text (as the empty alternative did). */
  private readonly always: boolean;

  constructor(entries: readonly string[]) {
    let always = false;
    for (const e of entries) {
      if (!e) {
        always = true;
        continue;
      }
      const c = e.charCodeAt(0);
      const bucket = c & 4095;
      this.firsts[bucket >> 5] = (this.firsts[bucket >> 5] as number) | (1 << (bucket & 31));
      const list = this.byFirst.get(c);
      if (list) list.push(e);
      else this.byFirst.set(c, [e]);
    }
    this.always = always;
  }

  test(s: string): boolean {
    if (this.always) return true;
    const firsts = this.firsts;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const bucket = c & 4095;
      if (((firsts[bucket >> 5] as number) & (1 << (bucket & 31))) === 0) continue;
      const list = this.byFirst.get(c);
      if (list) for (const e of list) if (s.startsWith(e, i)) return true;
    }
    return false;
  }
}

export interface KeywordMatcher {
  /** Whether any entry occurs: `spaced` is the normalised text, `compact` the same without spaces. */
  test(spaced: string, compact: string): boolean;
}

export function keywordMatcher(entries: readonly string[]): KeywordMatcher {
  const words: string[][] = [];
  const cjk: string[] = [];
  for (const raw of entries) {
    if (ASCII.test(raw)) {
      const atoms = wordAtoms(raw);
      if (atoms) words.push(atoms);
    } else {
      cjk.push(normaliseText(raw).replace(/\s+/g, ''));
    }
  }
  const wordRe = words.length ? new RegExp(`(?<![a-z0-9])(?:${triePattern(words)})(?![a-z0-9])`) : null;
  const literals = cjk.length ? new Literals(cjk) : null;
  return {
    test: (spaced, compact) => (wordRe !== null && wordRe.test(spaced)) || (literals !== null && literals.test(compact)),
  };
}
