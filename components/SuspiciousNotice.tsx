// What the panel shows on a site that imitates a carrier (issue 16, item 3; the contract in
// DESIGN.md): the warning (in the header's TrustBanner) and the official address, nothing else.
// No step, no highlight, no "Show me where", no checklist: the guide lends no authority to a
// phishing page, and the controller records no progress there (nor would the background take it).
import type { Carrier } from '../utils/types';
import type { Texts } from '../utils/texts';

export function SuspiciousNotice({ carrier, texts: { t } }: { carrier: Carrier; texts: Texts }) {
  const official = carrier.website ? new URL(carrier.website).host : (carrier.hosts[0] ?? '');
  return (
    <section class="suspicious" data-suspicious-notice="">
      <p>
        <strong>{t('suspiciousStop')}</strong>
      </p>
      {official ? (
        <p>
          {t('suspiciousGoTo')} <strong class="official-address" data-official-address={official}>{official}</strong>
        </p>
      ) : null}
    </section>
  );
}
