// Says whose site this is. A site the user enabled is never shown as official. On a look-alike
// the warning names the real site and, where we know one, the carrier's hotline.
import { localize, primaryContact } from '../utils/guide';
import { t } from '../utils/i18n';
import type { Carrier, Language, SiteTrust } from '../utils/types';

export function TrustBanner({ carrier, trust, lang }: { carrier: Carrier; trust: SiteTrust; lang: Language }) {
  const name = localize(carrier.name, lang);
  const official = carrier.website ? new URL(carrier.website).host : (carrier.hosts[0] ?? '');
  if (trust === 'official') return <p class="trust official">{t('trustOfficial', lang, { carrier: name })}</p>;
  // The generic guide ('other') has no official address to name.
  const key = trust === 'enabled' ? (official ? 'trustEnabled' : 'trustEnabledOther') : 'trustSuspicious';
  const contact = trust === 'suspicious' ? primaryContact(carrier) : null;
  return (
    <p class={`trust ${trust}`} role={trust === 'suspicious' ? 'alert' : undefined}>
      {t(key, lang, { carrier: name, official })}
      {contact?.kind === 'phone' ? (
        <>
          {' '}
          <span class="trust-hotline" data-hotline={contact.number}>
            {t('trustSuspiciousHotline', lang, { number: contact.number })}
          </span>
        </>
      ) : null}
    </p>
  );
}
