// Says whose site this is. A site the user enabled is never shown as official.
import { localize } from '../utils/guide';
import { t } from '../utils/i18n';
import type { Carrier, Language, SiteTrust } from '../utils/types';

export function TrustBanner({ carrier, trust, lang }: { carrier: Carrier; trust: SiteTrust; lang: Language }) {
  const name = localize(carrier.name, lang);
  const official = carrier.website ? new URL(carrier.website).host : (carrier.hosts[0] ?? '');
  if (trust === 'official') return <p class="trust official">{t('trustOfficial', lang, { carrier: name })}</p>;
  const key = trust === 'enabled' ? 'trustEnabled' : 'trustSuspicious';
  return (
    <p class={`trust ${trust}`} role={trust === 'suspicious' ? 'alert' : undefined}>
      {t(key, lang, { carrier: name, official })}
    </p>
  );
}
