// The user's personal mark in the real panel (issue 16, item 2): a page can copy the panel's look
// but not this, which lives in the extension's storage and is drawn only inside the closed shadow
// root. Without a mark, the panel says where to set one.
import { t } from '../utils/i18n';
import type { PersonalMark } from '../utils/mark';
import type { Language } from '../utils/types';

export function PersonalMarkLine({ mark, lang }: { mark: PersonalMark | null | undefined; lang: Language }) {
  if (!mark) return <p class="mark-line">{t('markNone', lang)}</p>;
  return (
    <p class="mark-line" data-personal-mark="">
      <span class="mark" style={{ background: mark.color }}>
        {mark.word}
      </span>{' '}
      {t('markHint', lang)}
    </p>
  );
}
