// How to reach a real person at the carrier: its hotline, else its website, else the packaging.
import { localize } from '../utils/language';
import { primaryContact } from '../utils/shown-carrier';
import type { Carrier } from '../utils/types';
import type { Texts } from '../utils/texts';

export function ContactLine({ carrier, texts }: { carrier: Carrier; texts: Texts }) {
  const { t, lang } = texts;
  const contact = primaryContact(carrier);
  if (!contact) return <p class="contact">{t('otherContact')}</p>;
  if (contact.kind === 'phone') {
    return (
      <p class="contact">
        {t('call', { label: localize(contact.label, lang), number: contact.number })}
      </p>
    );
  }
  return <p class="contact">{t('visitWebsite', { url: contact.url })}</p>;
}
