// Keyword matching for the step detectors. The words are data (assets/keywords/steps.json); this
// file only turns a list into a matcher. Rules: text is NFKC-normalised (full-width letters become
// ASCII), lower-cased and whitespace-collapsed; every language's words are tried on every page
// (pages mix languages); an English phrase matches only at word boundaries, and a space or hyphen
// inside a phrase matches any run of spaces, hyphens or underscores, or none ("sign in" matches
// "Sign-in" and "SignIn", but not "design interface").
import stepsJson from '../../assets/keywords/steps.json';
import { LANGUAGES, type Language } from '../types';

type WordList = Record<Language, string[]>;
export type KeywordData = Record<string, Record<string, WordList>>;

export const KEYWORDS = stepsJson as unknown as KeywordData;

/** A list of the keyword file, named `group.list` (e.g. `common.deregistration`). */
export type ListName = string;

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ASCII_WORD = /[a-z0-9]/;

function phraseSource(phrase: string): string {
  const body = phrase
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(escape)
    .join('[\\s\\-_]*');
  const first = phrase.charAt(0);
  const last = phrase.charAt(phrase.length - 1);
  return (ASCII_WORD.test(first) ? '(?<![a-z0-9])' : '') + body + (ASCII_WORD.test(last) ? '(?![a-z0-9])' : '');
}

export function wordsOf(name: ListName): string[] {
  const [group, list] = name.split('.');
  const entry = group !== undefined && list !== undefined ? KEYWORDS[group]?.[list] : undefined;
  if (!entry) throw new Error(`No keyword list ${name}`);
  return LANGUAGES.flatMap((lang) => entry[lang] ?? []);
}

const compiled = new Map<string, { once: RegExp; all: RegExp }>();

function regexFor(names: readonly ListName[]): { once: RegExp; all: RegExp } {
  const key = names.join('|');
  let re = compiled.get(key);
  if (re === undefined) {
    // Longest first, so the most specific phrase is the one reported.
    const phrases = [...new Set(names.flatMap(wordsOf))].sort((a, b) => b.length - a.length);
    const src = phrases.length ? phrases.map(phraseSource).join('|') : '(?!)'; // empty list: never
    re = { once: new RegExp(src, 'u'), all: new RegExp(src, 'gu') };
    compiled.set(key, re);
  }
  return re;
}

// Answers of has(), per list set and text: detection runs again on every page change, over the
// same labels and buttons; a bounded cache makes a re-evaluation cost next to nothing.
const answers = new Map<string, Map<string, boolean>>();
const ANSWERS_MAX = 4000;

/** True when `text` (normalised here) contains a word of any of the lists. */
export function has(text: string, ...names: ListName[]): boolean {
  const key = names.join('|');
  let cache = answers.get(key);
  if (cache === undefined) answers.set(key, (cache = new Map()));
  let answer = cache.get(text);
  if (answer === undefined) {
    answer = regexFor(names).once.test(normalise(text));
    if (cache.size >= ANSWERS_MAX) cache.clear();
    cache.set(text, answer);
  }
  return answer;
}

/** `text` normalised, with every word of the lists blanked out (so "processing fee" hides "processing"). */
export function mask(text: string, ...names: ListName[]): string {
  return normalise(text).replace(regexFor(names).all, (m) => ' '.repeat(m.length));
}

/** Start offsets of every word of the lists in normalise(text). */
function positions(text: string, ...names: ListName[]): number[] {
  const out: number[] = [];
  for (const m of normalise(text).matchAll(regexFor(names).all)) out.push(m.index);
  return out;
}

/** True when a word of `a` starts within `window` characters of a word of `b` (in normalise(text)). */
export function near(text: string, a: readonly ListName[], b: readonly ListName[], window: number): boolean {
  const pa = positions(text, ...a);
  if (pa.length === 0) return false;
  const pb = positions(text, ...b);
  return pa.some((i) => pb.some((j) => Math.abs(i - j) <= window));
}
