// Several cards at one carrier: the user names them (never by number) and picks the one in hand.
import { Component } from 'preact';
import type { CarrierProgress } from '../utils/types';
import type { Texts } from '../utils/texts';

interface Props {
  texts: Texts;
  carrierProgress: CarrierProgress | null;
  onSelect(card: string): void;
  onAdd(label: string): void;
}

interface State {
  adding: boolean;
  label: string;
}

// A class component: the panel uses no hooks (see Panel.tsx).
export class CardPicker extends Component<Props, State> {
  override state = { adding: false, label: '' };
  override render({ texts: { t }, carrierProgress, onSelect, onAdd }: Props, { adding, label }: State) {
    const setAdding = (adding: boolean) => this.setState({ adding });
    const setLabel = (label: string) => this.setState({ label });
    const cards = carrierProgress ? Object.entries(carrierProgress.cards) : [];
    const submit = (e: Event) => {
      e.preventDefault();
      const trimmed = label.trim();
      if (trimmed) onAdd(trimmed);
      setLabel('');
      setAdding(false);
    };
    return (
      <div class="cards">
        {cards.length > 1 ? (
          <label class="card-select">
            {t('card')}{' '}
            <select
              value={carrierProgress?.activeCard}
              onChange={(e) => onSelect((e.currentTarget as HTMLSelectElement).value)}
            >
              {cards.map(([id, card]) => (
                <option key={id} value={id}>
                  {/* The first card is unnamed until the user names another. */}
                  {card.label || t('firstCard')}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {adding ? (
          <form class="add-card" onSubmit={submit}>
            <label>
              {t('cardLabelPrompt')}
              <input
                type="text"
                maxLength={40}
                autocomplete="off"
                value={label}
                onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <button type="submit">{t('add')}</button>
            <button type="button" onClick={() => setAdding(false)}>
              {t('cancel')}
            </button>
          </form>
        ) : (
          <button type="button" class="link-button" onClick={() => setAdding(true)}>
            {t('addCard')}
          </button>
        )}
      </div>
    );
  }
}
