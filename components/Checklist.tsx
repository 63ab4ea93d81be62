// "Before you start": ticks are kept per carrier and card by the background.
import { GUIDE, localize } from '../utils/guide';
import { t } from '../utils/i18n';
import type { CardProgress, Language } from '../utils/types';

interface Props {
  lang: Language;
  card: CardProgress | null;
  onToggle(item: string): void;
  onPrint(): void;
}

export function Checklist({ lang, card, onToggle, onPrint }: Props) {
  return (
    <section class="checklist" aria-labelledby="checklist-title">
      <h3 id="checklist-title">{t('checklist', lang)}</h3>
      <ul>
        {GUIDE.checklist.map((item) => {
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
        {t('printChecklist', lang)}
      </button>
    </section>
  );
}
