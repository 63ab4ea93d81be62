// The keyboard shortcut, as the browser has it now (the user may have changed or removed it).
import type { Language } from '../../utils/types';
import { pg } from './texts';

/** `keys`: the shortcut, '' when none is set, null when the browser has none (Firefox for Android), undefined while loading. */
export function Shortcut({ lang, keys }: { lang: Language; keys: string | null | undefined }) {
  if (keys === undefined) return null;
  if (keys === null) return <p data-shortcut="none">{pg('shortcutNone', lang)}</p>;
  if (keys === '') return <p data-shortcut="">{pg('shortcutUnset', lang)}</p>;
  const parts = pg('shortcutIs', lang, { keys: '\u0000' }).split('\u0000');
  return (
    <p data-shortcut={keys}>
      {parts[0]}
      <kbd>{keys}</kbd>
      {parts[1]}
    </p>
  );
}
