// Finds which keyword groups occur in a text, all groups in one pass: classifying a page asks
// this for a few texts per control. Two kinds of entries (see fields.json):
// - ASCII entries match whole words of the normalised text (a space or hyphen, or nothing, may
//   join their words; a trailing * allows any word ending): a trie of them is walked from each
//   word start of the text;
// - other entries (CJK) match as substrings of the text with its spaces removed: an index by
//   first character (most characters cost one bit test), candidates read skipping spaces.
// The answers are exactly those of one regular expression per group, as the classifier first
// had them (tests/unit/fields/keyword-matcher.test.ts), at a fraction of the cost to build and
// to run: no regular expression is compiled at all.
import { normaliseText } from './normalise';

const ASCII = /^[\x20-\x7e]+$/;

/** A keyword entry as matched: whole words, normalised, or a CJK literal, normalised without spaces. */
export type KeywordEntry = { words: string; prefix: boolean } | { literal: string };

/** Reads one entry of the lists (normalising it: done once per entry). Null: it never matches. */
export function keywordEntry(raw: string): KeywordEntry | null {
  if (!ASCII.test(raw)) return { literal: normaliseText(raw).replace(/ /g, '') }; // normalised text has no other whitespace
  const prefix = raw.endsWith('*'); // a trailing * matches any word ending
  const words = normaliseText(prefix ? raw.slice(0, -1) : raw);
  return words ? { words, prefix } : null;
}

const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordChar = (c: number): boolean => isLower(c) || isDigit(c);

/**
 * Whole-word entries. Node 0 is the root; a node's children by character are in `next` (key
 * node * 128 + code: entry characters are ASCII), its child after a word break in `joint`.
 */
class WordTrie {
  private readonly next = new Map<number, number>();
  private readonly joint: number[] = [0];
  /** Groups of entries ending at the node (a word end must follow). */
  private readonly ends: number[] = [0];
  /** Groups of prefix entries ending at the node (any letters, then a word end). */
  private readonly prefixEnds: number[] = [0];
  private mask = 0;

  add(words: string, prefix: boolean, groups: number): void {
    let node = 0;
    for (let i = 0; i < words.length; i++) {
      const c = words.charCodeAt(i);
      if (c === 32) {
        node = this.joint[node] || (this.joint[node] = this.newNode());
        continue;
      }
      const key = node * 128 + c;
      let child = this.next.get(key);
      if (child === undefined) this.next.set(key, (child = this.newNode()));
      node = child;
    }
    if (prefix) this.prefixEnds[node] = (this.prefixEnds[node] as number) | groups;
    else this.ends[node] = (this.ends[node] as number) | groups;
  }

  private newNode(): number {
    this.joint.push(0);
    this.ends.push(0);
    this.prefixEnds.push(0);
    return this.joint.length - 1;
  }

  /** Groups with an entry in `text`, each match starting and ending at a word boundary ([a-z0-9]). */
  groupsIn(text: string): number {
    this.mask = 0;
    for (let p = 0; p < text.length; p++) {
      if (p === 0 || !isWordChar(text.charCodeAt(p - 1))) this.walk(text, 0, p);
    }
    return this.mask;
  }

  private walk(text: string, node: number, pos: number): void {
    const n = text.length;
    const c = pos < n ? text.charCodeAt(pos) : -1;
    const ends = this.ends[node] as number;
    if (ends !== 0 && !isWordChar(c)) this.mask |= ends;
    const prefixEnds = this.prefixEnds[node] as number;
    if (prefixEnds !== 0) {
      // [a-z]* then no [a-z0-9]: the longest run of letters must not run into a digit.
      let q = pos;
      while (q < n && isLower(text.charCodeAt(q))) q++;
      if (q === n || !isDigit(text.charCodeAt(q))) this.mask |= prefixEnds;
    }
    const joint = this.joint[node] as number;
    if (joint !== 0) {
      // Words joined by a space, a hyphen or nothing.
      this.walk(text, joint, pos);
      if (c === 32 || c === 45) this.walk(text, joint, pos + 1);
    }
    if (c >= 0 && c < 128) {
      const child = this.next.get(node * 128 + c);
      if (child !== undefined) this.walk(text, child, pos + 1);
    }
  }
}

/** CJK literals (no spaces in them), found in a text whose spaces do not count. */
class Literals {
  private readonly firsts = new Uint32Array(128); // 4,096 bits, by code unit & 4095
  private readonly byFirst = new Map<number, { literal: string; groups: number }[]>();
  /** Groups of entries that normalised to nothing: they occur in every text (as an empty alternative did). */
  private always = 0;

  add(literal: string, groups: number): void {
    if (!literal) {
      this.always |= groups;
      return;
    }
    const c = literal.charCodeAt(0);
    const bucket = c & 4095;
    this.firsts[bucket >> 5] = (this.firsts[bucket >> 5] as number) | (1 << (bucket & 31));
    const list = this.byFirst.get(c);
    if (list) list.push({ literal, groups });
    else this.byFirst.set(c, [{ literal, groups }]);
  }

  groupsIn(s: string): number {
    let mask = this.always;
    const firsts = this.firsts;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const bucket = c & 4095;
      if (((firsts[bucket >> 5] as number) & (1 << (bucket & 31))) === 0) continue;
      const list = this.byFirst.get(c);
      if (list) for (const e of list) if ((mask & e.groups) !== e.groups && occursAt(s, i, e.literal)) mask |= e.groups;
    }
    return mask;
  }
}

/** `entry` is read at `s[i]`, spaces in `s` skipped (s[i] itself is its first character). */
function occursAt(s: string, i: number, entry: string): boolean {
  let j = i;
  for (let k = 0; k < entry.length; k++, j++) {
    while (j < s.length && s.charCodeAt(j) === 32) j++;
    if (j >= s.length || s.charCodeAt(j) !== entry.charCodeAt(k)) return false;
  }
  return true;
}

export interface KeywordMatcher {
  /** The groups (bits: the index given to keywordMatcher) with an entry in `text`, a normalised text (normaliseText). */
  groupsIn(text: string): number;
}

/** A matcher for up to 31 groups: `groups[i]` holds group i's entries. */
export function keywordMatcher(groups: readonly (readonly (KeywordEntry | null)[])[]): KeywordMatcher {
  const words = new WordTrie();
  const literals = new Literals();
  groups.forEach((entries, i) => {
    for (const entry of entries) {
      if (entry === null) continue;
      if ('literal' in entry) literals.add(entry.literal, 1 << i);
      else words.add(entry.words, entry.prefix, 1 << i);
    }
  });
  return { groupsIn: (text) => words.groupsIn(text) | literals.groupsIn(text) };
}
