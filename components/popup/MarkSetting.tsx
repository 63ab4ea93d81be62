// The personal mark chooser (issue 16, item 2): pick a word and a colour that only the real
// panel shows. Set on the welcome page and in settings (issue 14).
import { useEffect, useState } from 'preact/hooks';
import { MARK_COLORS, parseMark, type PersonalMark } from '../../utils/mark';
import type { Language } from '../../utils/types';
import { pg } from '../pages/texts';
import { pt } from './texts';

export interface MarkActions {
  load(): Promise<PersonalMark | null>;
  save(mark: PersonalMark): Promise<boolean>;
}

export function MarkSetting({ lang, actions }: { lang: Language; actions: MarkActions }) {
  const [word, setWord] = useState('');
  const [color, setColor] = useState<string>(MARK_COLORS[0]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void actions.load().then((mark) => {
      if (!mark) return;
      setWord(mark.word);
      setColor(mark.color);
    });
  }, []);
  const mark = parseMark({ word, color });
  // Each colour by its name (in MARK_COLORS' order), so a screen reader says "Green", not "#0a6e5c".
  const colorNames = pg('markColorNames', lang).split(',');
  return (
    <section class="mark-setting" aria-labelledby="mark-title">
      <h2 id="mark-title">{pt('markTitle', lang)}</h2>
      <p class="muted">{pt('markExplain', lang)}</p>
      <label>
        {pt('markWord', lang)}{' '}
        <input type="text" maxLength={16} value={word} data-mark-word onInput={(e) => (setWord((e.currentTarget as HTMLInputElement).value), setSaved(false))} />
      </label>
      <div class="row" role="radiogroup" aria-label={pt('markTitle', lang)}>
        {MARK_COLORS.map((c, i) => (
          <input
            key={c}
            type="radio"
            name="mark-color"
            aria-label={colorNames[i] ?? c}
            data-mark-color={c}
            checked={c === color}
            style={{ accentColor: c, outline: `3px solid ${c}` }}
            onChange={() => (setColor(c), setSaved(false))}
          />
        ))}
      </div>
      <button type="button" data-mark-save disabled={!mark} onClick={() => mark && void actions.save(mark).then(setSaved)}>
        {pt('markSave', lang)}
      </button>
      {saved ? <span role="status"> {pt('markSaved', lang)}</span> : null}
    </section>
  );
}
