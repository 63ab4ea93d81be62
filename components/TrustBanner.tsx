// Says whose site this is. A site the user enabled is never shown as official. On a look-alike
// the warning names the real site and, where we know one, the carrier's hotline.
import { localize } from '../utils/language';
import { primaryContact } from '../utils/shown-carrier';
import type { Carrier, SiteTrust } from '../utils/types';
import type { Texts } from '../utils/texts';

export function TrustBanner({ carrier, trust, texts }: { carrier: Carrier; trust: SiteTrust; texts: Texts }) {
  const { t, lang } = texts;
  const name = localize(carrier.name, lang);
  const official = carrier.website ? new URL(carrier.website).host : (carrier.hosts[0] ?? '');
  if (trust === 'official') return <p class="trust official">{t('trustOfficial', { carrier: name })}</p>;
  // The generic guide ('other') has no official address to name.
  const key = trust === 'enabled' ? (official ? 'trustEnabled' : 'trustEnabledOther') : 'trustSuspicious';
  const contact = trust === 'suspicious' ? primaryContact(carrier) : null;
  return (
    <p class={`trust ${trust}`} role={trust === 'suspicious' ? 'alert' : undefined}>
      {t(key, { carrier: name, official })}
      {contact?.kind === 'phone' ? (
        <>
          {' '}
          <span class="trust-hotline" data-hotline={contact.number}>
            {t('trustSuspiciousHotline', { number: contact.number })}
          </span>
        </>
      ) : null}
    </p>
  );
}
