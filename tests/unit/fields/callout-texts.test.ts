// Issue 14: the same warning is not on the page twice. The callout says a short headline; the
// panel's field message (the one live region) says the full explanation; neither repeats the other.
import { describe, expect, it } from 'vitest';
import { fieldText } from '../../../utils/field-texts';
import { calloutText } from '../../../utils/fields/callout-text';
import { FIELD_KINDS, LANGUAGES } from '../../../utils/types';

/** The longest run of characters two texts share (case ignored). */
function longestShared(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let best = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) {
    let n = 0;
    while (x[i + n] !== undefined && x[i + n] === y[j + n]) n++;
    best = Math.max(best, n);
  }
  return best;
}

describe('callout headlines', () => {
  for (const lang of LANGUAGES) {
    for (const kind of FIELD_KINDS) {
      for (const severity of ['warn', 'info'] as const) {
        it(`${lang} ${kind} ${severity}: a headline of its own, short, not a piece of the field message`, () => {
          const { title } = calloutText(kind, severity, (key) => fieldText(key, lang));
          const message = `${fieldText(severity === 'warn' ? 'warningTitle' : 'noteTitle', lang)} ${fieldText(`field-${kind}-${severity}`, lang)}`;
          expect(title).not.toBe(`callout-${kind}-${severity}`); // the text exists
          expect(title.length).toBeLessThan(lang === 'en' ? 50 : 20);
          expect(message).not.toContain(title);
          // The field's name may be in both ("Bank card number"), the sentence not: most of the
          // headline is its own.
          expect(longestShared(title, message) / title.length).toBeLessThan(0.6);
        });
      }
    }
  }
});
