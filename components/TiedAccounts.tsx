// Accounts tied to the number: move them while the card still receives SMS. Shown before the
// steps; each item ticked (moved) or dismissed (not used), kept per card; folds away once every
// item is one or the other (it can still be opened). Once the card is cancelled the number gets no
// more codes: the heading says so and the list folds (what is left needs a branch or a help desk).
import { localize } from '../utils/language';
import type { CardProgress } from '../utils/types';
import type { Texts } from '../utils/texts';

interface Props {
  texts: Texts;
  card: CardProgress | null;
  onSet(item: string, state: 'done' | 'skipped' | 'todo'): void;
}

function cancelled(card: CardProgress | null): boolean {
  return card ? card.stepsReached.includes('confirmed') || card.stepsDone.includes('confirmed') : false;
}

export function TiedAccounts({ texts, card, onSet }: Props) {
  const { t, lang, guide } = texts;
  const done = card?.tiedDone ?? [];
  const skipped = card?.tiedSkipped ?? [];
  const left = guide.tied.filter((a) => !done.includes(a.id) && !skipped.includes(a.id)).length;
  return (
    <details class="tied" open={left > 0 && !cancelled(card)}>
      <summary>{t(cancelled(card) ? 'tiedTitleAfter' : 'tiedTitle', { n: left })}</summary>
      <ul>
        {guide.tied.map((a) => {
          const id = `tied-${a.id}`;
          const isDone = done.includes(a.id);
          const isSkipped = skipped.includes(a.id);
          return (
            <li key={a.id} data-tied-account={a.id}>
              <input type="checkbox" id={id} checked={isDone} onChange={() => onSet(a.id, isDone ? 'todo' : 'done')} />
              <label for={id}>{localize(a.name, lang)}</label>
              <button type="button" class="link-button" aria-pressed={isSkipped} onClick={() => onSet(a.id, isSkipped ? 'todo' : 'skipped')}>
                {t('tiedSkip')}
              </button>
              <p class="do">{localize(a.how, lang)}</p>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
