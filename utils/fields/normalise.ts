// Text normalisation for keyword matching. `normaliseByRules` is the definition (a chain of
// replacements); `normaliseText` gives the same result in one pass over the text for the texts
// pages are made of (ASCII, CJK, kana, Hangul), which is several times faster, and falls back to
// the rules for anything else. Classifying a page normalises a few texts per control, so this
// pass is on the hot path (issue 6).

/** Lower case, full-width folded, camelCase and letter/digit boundaries split, separators to spaces. */
export function normaliseByRules(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/[_\[\].:;,()（）【】「」*|]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

// Character classes of the one-pass normaliser (by UTF-16 code unit).
const KEEP = 0; // kept as is (lower-cased when an ASCII capital)
const GAP = 1; // whitespace or a separator: becomes one space, none next to a slash or at the ends
const SLASH = 2;
const OTHER = 3; // anything the one pass does not model: use the rules

const ASCII_CLASS: number[] = [];
for (let c = 0; c < 128; c++) ASCII_CLASS.push(KEEP);
for (const c of [9, 10, 11, 12, 13, 32]) ASCII_CLASS[c] = GAP; // what \s and trim() match in ASCII
for (const ch of '_[].:;,()*|') ASCII_CLASS[ch.charCodeAt(0)] = GAP;
ASCII_CLASS[47] = SLASH;

/**
 * Class of a non-ASCII code unit. Kept: CJK punctuation, kana, bopomofo, Hangul jamo and
 * syllables, CJK ideographs. None of them is whitespace, changes case or changes under NFKC
 * once normalised, so the rules leave them alone; 「」【】 are separators. (（） never remain:
 * NFKC folds them to ASCII parentheses.)
 */
function wideClass(c: number): number {
  if (c === 0x300c || c === 0x300d || c === 0x3010 || c === 0x3011) return GAP;
  if (c >= 0x3001 && c <= 0x30ff) return KEEP;
  if (c >= 0x3100 && c <= 0x318f) return KEEP;
  if (c >= 0x3400 && c <= 0x4dbf) return KEEP;
  if (c >= 0x4e00 && c <= 0x9fff) return KEEP;
  if (c >= 0xac00 && c <= 0xd7a3) return KEEP;
  return OTHER;
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isLetter = (c: number): boolean => isUpper(c) || isLower(c);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A space goes before character i of `t` (both kept characters): aB, ABc, a1, 1a. */
function boundary(t: string, i: number): boolean {
  const p = t.charCodeAt(i - 1);
  const c = t.charCodeAt(i);
  if (isLetter(p)) return (isLower(p) && isUpper(c)) || isDigit(c) || (isUpper(p) && isUpper(c) && isLower(t.charCodeAt(i + 1)));
  return isDigit(p) && isLetter(c);
}

/**
 * The rules in one pass: runs of kept characters are copied (lower-cased) with a space at each
 * boundary (lower then capital; the last capital of a run before a lower-case letter; between a
 * letter and a digit); runs of whitespace and separators become one space, dropped next to a
 * slash and at both ends. Null when the text holds a character the pass does not model.
 */
function normaliseOnePass(t: string): string | null {
  const lower = t.toLowerCase();
  // Only characters the pass does not model change length when lower-cased (İ).
  if (lower.length !== t.length) return null;
  let out = '';
  let gap = false; // whitespace or a separator since the last kept character
  let afterSlash = false;
  let seg = -1; // start of the run of kept characters being copied
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    const cls = c < 128 ? (ASCII_CLASS[c] as number) : wideClass(c);
    if (cls === KEEP) {
      if (seg >= 0 && !boundary(t, i)) continue;
      if (seg >= 0) {
        out += lower.slice(seg, i);
        gap = true;
      }
      if (gap && !afterSlash && out.length > 0) out += ' ';
      seg = i;
      gap = false;
      afterSlash = false;
      continue;
    }
    if (seg >= 0) {
      out += lower.slice(seg, i);
      seg = -1;
    }
    if (cls === GAP) {
      gap = true;
    } else if (cls === SLASH) {
      out += '/';
      gap = false;
      afterSlash = true;
    } else {
      return null;
    }
  }
  if (seg >= 0) out += lower.slice(seg);
  return out;
}

/** Lower case, full-width folded, camelCase and letter/digit boundaries split, separators to spaces. */
export function normaliseText(s: string): string {
  // NFKC leaves ASCII as it is (names and ids mostly are), and costs more than the pass.
  return normaliseOnePass(PRINTABLE_ASCII.test(s) ? s : s.normalize('NFKC')) ?? normaliseByRules(s);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
