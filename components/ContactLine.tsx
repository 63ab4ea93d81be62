// How to reach a real person at the carrier: its hotline, else its website, else the packaging.
import { localize, primaryContact } from '../utils/guide';
import { t } from '../utils/i18n';
import type { Carrier, Language } from '../utils/types';

export function ContactLine({ carrier, lang }: { carrier: Carrier; lang: Language }) {
  const contact = primaryContact(carrier);
  if (!contact) return <p class="contact">{t('otherContact', lang)}</p>;
  if (contact.kind === 'phone') {
    return (
      <p class="contact">
        {t('call', lang, { label: localize(contact.label, lang), number: contact.number })}
      </p>
    );
  }
  return <p class="contact">{t('visitWebsite', lang, { url: contact.url })}</p>;
}
