// The user's personal mark in the real panel (issue 16, item 2): a page can copy the panel's look
// but not this, which lives in the extension's storage and is drawn only inside the closed shadow
// root. Without a mark, the panel says where to set one.
import type { PersonalMark } from '../utils/mark';
import type { Texts } from '../utils/texts';

export function PersonalMarkLine({ mark, texts: { t } }: { mark: PersonalMark | null | undefined; texts: Texts }) {
  if (!mark) return <p class="mark-line">{t('markNone')}</p>;
  return (
    <p class="mark-line" data-personal-mark="">
      <span class="mark" style={{ background: mark.color }}>
        {mark.word}
      </span>{' '}
      {t('markHint')}
    </p>
  );
}
