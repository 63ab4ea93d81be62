// Cautions, what to do if it fails, which card this is, and when the facts were checked.
import { localize } from '../utils/language';
import type { Caution, Carrier, Language } from '../utils/types';
import { ContactLine } from './ContactLine';
import type { Texts } from '../utils/texts';

function List({ items, lang }: { items: readonly Caution[]; lang: Language }) {
  return (
    <ul>
      {items.map((c) => (
        <li key={c.id}>{localize(c.text, lang)}</li>
      ))}
    </ul>
  );
}

export function InfoSections({ carrier, texts }: { carrier: Carrier; texts: Texts }) {
  const { t, lang, guide } = texts;
  const notes = carrier.notes;
  return (
    <>
      <section class="cautions" aria-labelledby="cautions-title">
        <h3 id="cautions-title">{t('cautions')}</h3>
        <List items={[...notes, ...guide.cautions]} lang={lang} />
      </section>
      <details class="more">
        <summary>{t('ifItFails')}</summary>
        <ContactLine carrier={carrier} texts={texts} />
        <List items={guide.ifItFails} lang={lang} />
      </details>
      <details class="more">
        <summary>{t('cardNotes')}</summary>
        <List items={guide.cardNotes} lang={lang} />
      </details>
      <p class="checked-date">{t('lastChecked', { date: guide.lastChecked })}</p>
    </>
  );
}
