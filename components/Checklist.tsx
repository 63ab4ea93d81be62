// "Before you start": ticks are kept per carrier and card by the background.
import { localize } from '../utils/language';
import type { CardProgress } from '../utils/types';
import type { Texts } from '../utils/texts';

interface Props {
  texts: Texts;
  card: CardProgress | null;
  onToggle(item: string): void;
  onPrint(): void;
}

export function Checklist({ texts, card, onToggle, onPrint }: Props) {
  const { t, lang, guide } = texts;
  return (
    <section class="checklist" aria-labelledby="checklist-title">
      <h3 id="checklist-title">{t('checklist')}</h3>
      <ul>
        {guide.checklist.map((item) => {
          const id = `check-${item.id}`;
          const checked = card?.checklist.includes(item.id) ?? false;
          return (
            <li key={item.id}>
              <input
                type="checkbox"
                id={id}
                checked={checked}
                aria-checked={checked ? 'true' : 'false'}
                data-checklist-item={item.id}
                onChange={() => onToggle(item.id)}
              />
              <label for={id}>{localize(item.text, lang)}</label>
            </li>
          );
        })}
      </ul>
      <button type="button" class="link-button" onClick={onPrint}>
        {t('printChecklist')}
      </button>
    </section>
  );
}
