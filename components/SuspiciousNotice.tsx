// What the panel shows on a site that imitates a carrier (issue 16, item 3; the contract in
// DESIGN.md): the warning (in the header's TrustBanner) and the official address, nothing else.
// No step, no highlight, no "Show me where", no checklist: the guide lends no authority to a
// phishing page, and the controller records no progress there (nor would the background take it).
import { t } from '../utils/i18n';
import type { Carrier, Language } from '../utils/types';

export function SuspiciousNotice({ carrier, lang }: { carrier: Carrier; lang: Language }) {
  const official = carrier.website ? new URL(carrier.website).host : (carrier.hosts[0] ?? '');
  return (
    <section class="suspicious" data-suspicious-notice="">
      <p>
        <strong>{t('suspiciousStop', lang)}</strong>
      </p>
      {official ? (
        <p>
          {t('suspiciousGoTo', lang)} <strong class="official-address" data-official-address={official}>{official}</strong>
        </p>
      ) : null}
    </section>
  );
}
