// The settings page's cards (issue 12; they were in the panel, whose content script has a size
// budget): per carrier with progress, the card in hand and a new card by a name, never a number.
// The panel's own CardPicker, fed the full data's texts.
import { CardPicker } from '../CardPicker';
import { carrierById } from '../../utils/carriers';
import { dataTexts } from '../../utils/i18n';
import { localize } from '../../utils/language';
import type { ProgressAction } from '../../utils/messages';
import type { CarrierId, Language, ProgressV1 } from '../../utils/types';
import { pg } from './texts';

interface Props {
  lang: Language;
  progress: ProgressV1;
  /** The carriers that have progress, in the data's order. */
  carriers: readonly CarrierId[];
  onAction(action: ProgressAction): void;
}

export function CardSettings({ lang, progress, carriers, onAction }: Props) {
  const texts = dataTexts(lang);
  return (
    <section aria-labelledby="cards-title" data-card-settings="">
      <h2 id="cards-title">{pg('cardsTitle', lang)}</h2>
      <p class="muted">{pg('cardsExplain', lang)}</p>
      {carriers.length ? (
        carriers.map((carrier) => (
          <div key={carrier} class="card-carrier" role="group" aria-labelledby={`cards-${carrier}`} data-cards={carrier}>
            <h3 id={`cards-${carrier}`}>{localize(carrierById(carrier).name, lang)}</h3>
            <CardPicker
              texts={texts}
              carrierProgress={progress.carriers[carrier] ?? null}
              onSelect={(card) => onAction({ kind: 'select-card', carrier, card })}
              onAdd={(label) => onAction({ kind: 'add-card', carrier, label })}
            />
          </div>
        ))
      ) : (
        <p class="muted">{pg('resetNone', lang)}</p>
      )}
    </section>
  );
}
