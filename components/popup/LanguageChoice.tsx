// The language the guide speaks everywhere (saved in settings; "automatic" follows page and browser).
import { LANGUAGES, type Language } from '../../utils/types';
import { LANGUAGE_NAMES } from '../../utils/language';
import { pt } from './texts';

export function LanguageChoice({
  lang,
  chosen,
  onChange,
}: {
  lang: Language;
  chosen: Language | null;
  onChange: (lang: Language | null) => void;
}) {
  return (
    <div class="language">
      <label for="language-choice">{pt('language', lang)}</label>
      <select
        id="language-choice"
        value={chosen ?? ''}
        onChange={(e) => {
          const value = (e.currentTarget as HTMLSelectElement).value;
          onChange((LANGUAGES as readonly string[]).includes(value) ? (value as Language) : null);
        }}
      >
        <option value="">{pt('languageAuto', lang)}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
