// The personal mark in the popup (issue 16, item 2): pick a word and a colour that only the real
// panel shows. Until the welcome and settings pages exist (issue 14), this is where it is set.
import { useEffect, useState } from 'preact/hooks';
import { MARK_COLORS, parseMark, type PersonalMark } from '../../utils/mark';
import type { Language } from '../../utils/types';
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
  return (
    <section class="mark-setting" aria-labelledby="mark-title">
      <h2 id="mark-title">{pt('markTitle', lang)}</h2>
      <p class="muted">{pt('markExplain', lang)}</p>
      <label>
        {pt('markWord', lang)}{' '}
        <input type="text" maxLength={16} value={word} data-mark-word onInput={(e) => (setWord((e.currentTarget as HTMLInputElement).value), setSaved(false))} />
      </label>
      <div class="row" role="radiogroup" aria-label={pt('markTitle', lang)}>
        {MARK_COLORS.map((c) => (
          <input
            key={c}
            type="radio"
            name="mark-color"
            aria-label={c}
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
