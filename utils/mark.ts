// The user's personal mark (issue 16, item 2): a word and a colour the user picks, stored by the
// extension (storage.local, key `mark`, written by the background only), shown only inside the
// panel's closed shadow root. A page can copy the panel's look, never the mark: a "guide" without
// the user's mark is not us.
export const MARK_KEY = 'mark';

/** The colours offered (readable on white and dark backgrounds); stored as given here. */
export const MARK_COLORS = ['#0a6e5c', '#1f6feb', '#8250df', '#bf3989', '#c2410c', '#57606a'] as const;

export interface PersonalMark {
  word: string;
  color: (typeof MARK_COLORS)[number];
}

/** A mark as the user may set it: a word of 1 to 16 characters (no control characters) and one of the colours. */
export function parseMark(value: unknown): PersonalMark | null {
  if (typeof value !== 'object' || value === null) return null;
  const { word, color } = value as Record<string, unknown>;
  if (typeof word !== 'string' || typeof color !== 'string') return null;
  const w = word.normalize('NFC').trim();
  if (w.length < 1 || [...w].length > 16 || /[\p{Cc}\p{Cf}]/u.test(w)) return null;
  return (MARK_COLORS as readonly string[]).includes(color) ? { word: w, color: color as PersonalMark['color'] } : null;
}
