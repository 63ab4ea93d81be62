// Cautions, what to do if it fails, which card this is, and when the facts were checked.
import { carrierNotes, GUIDE, localize } from '../utils/guide';
import { t } from '../utils/i18n';
import type { Caution, Carrier, Language } from '../utils/types';
import { ContactLine } from './ContactLine';

function List({ items, lang }: { items: readonly Caution[]; lang: Language }) {
  return (
    <ul>
      {items.map((c) => (
        <li key={c.id}>{localize(c.text, lang)}</li>
      ))}
    </ul>
  );
}

export function InfoSections({ carrier, lang }: { carrier: Carrier; lang: Language }) {
  const notes = carrierNotes(carrier);
  return (
    <>
      <section class="cautions" aria-labelledby="cautions-title">
        <h3 id="cautions-title">{t('cautions', lang)}</h3>
        <List items={[...notes, ...GUIDE.cautions]} lang={lang} />
      </section>
      <details class="more">
        <summary>{t('ifItFails', lang)}</summary>
        <ContactLine carrier={carrier} lang={lang} />
        <List items={GUIDE.ifItFails} lang={lang} />
      </details>
      <details class="more">
        <summary>{t('cardNotes', lang)}</summary>
        <List items={GUIDE.cardNotes} lang={lang} />
      </details>
      <p class="checked-date">{t('lastChecked', lang, { date: GUIDE.lastChecked })}</p>
    </>
  );
}
