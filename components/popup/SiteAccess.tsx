// "Use the guide on this site", the sites the user enabled, and the look-alike warning setting.
// It only renders and calls `actions`; entrypoints/popup/main.tsx asks the browser for the
// permission synchronously inside the click handler that calls them (before any await).
import { useState } from 'preact/hooks';
import { CARRIER_IDS, CARRIERS, carrierById } from '../../utils/carriers';
import type { EnableCheck } from '../../utils/enable-risk';
import { localize } from '../../utils/language';
import type { CarrierId, EnabledSite, Language } from '../../utils/types';
import { pg } from '../pages/texts';
import { pt } from './texts';

export type SiteResult = 'done' | 'pending' | 'refused';

export interface SiteActions {
  /** Must be called straight from a click handler: it asks the browser for the permission first thing. */
  enableSite(origin: string, carrier: CarrierId): Promise<SiteResult>;
  disableSite(origin: string): void;
  setLookalike(on: boolean): Promise<SiteResult>;
}

function officialHost(carrier: CarrierId): string {
  const c = carrierById(carrier);
  try {
    return c.website ? new URL(c.website).host : (c.hosts[0] ?? '');
  } catch {
    return c.hosts[0] ?? '';
  }
}

function EnableSite({ lang, check, actions }: { lang: Language; check: Extract<EnableCheck, { ok: true }>; actions: SiteActions }) {
  const [carrier, setCarrier] = useState<CarrierId>(check.imitates ?? 'other');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<SiteResult | null>(null);
  const host = check.origin.slice(check.origin.indexOf('//') + 2);
  const risky = check.risks.length > 0;
  const enable = () => {
    setConfirming(false);
    setResult('pending');
    // No await before this call: the permission request needs the click's user gesture.
    void actions.enableSite(check.origin, carrier).then(setResult);
  };

  return (
    <div class="enable-site" data-enable-origin={check.origin}>
      <label>
        {pt('enableSiteCarrier', lang)}{' '}
        <select value={carrier} data-enable-carrier onChange={(e) => setCarrier((e.currentTarget as HTMLSelectElement).value as CarrierId)}>
          {CARRIER_IDS.map((id) => (
            <option key={id} value={id}>
              {localize(carrierById(id).name, lang)}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">{pt('enableSiteNote', lang, { origin: check.origin })}</p>
      {confirming ? (
        <div class="risk" role="alert" data-enable-risk={check.risks.join(' ')}>
          <p>
            <strong>{pt('riskTitle', lang)}</strong>
          </p>
          <ul>
            {check.risks.includes('http') ? <li data-risk="http">{pt('riskHttp', lang)}</li> : null}
            {check.risks.includes('punycode') ? <li data-risk="punycode">{pt('riskPunycode', lang, { host })}</li> : null}
            {check.risks.includes('lookalike') && check.imitates ? (
              <li data-risk="lookalike">
                {pt('riskLookalike', lang, { carrier: localize(carrierById(check.imitates).name, lang), official: officialHost(check.imitates) })}
              </li>
            ) : null}
          </ul>
          <div class="row">
            <button type="button" onClick={() => setConfirming(false)}>
              {pt('riskCancel', lang)}
            </button>
            <button type="button" class="danger" data-confirm-enable onClick={enable}>
              {pt('riskConfirm', lang)}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="primary" data-enable-site onClick={() => (risky ? setConfirming(true) : enable())}>
          {pt('enableSite', lang)}
        </button>
      )}
      {result === 'pending' ? <p class="muted" role="status">{pt('enablePending', lang)}</p> : null}
      {result === 'refused' ? <p class="notice" role="status">{pt('enableRefused', lang)}</p> : null}
      {result === 'done' ? <p role="status" data-enable-done>{pt('enableDone', lang)}</p> : null}
    </div>
  );
}

export function SiteAccess({
  lang,
  check,
  sites,
  lookalikeWarning,
  actions,
}: {
  lang: Language;
  /** The current tab, when it is a page the guide could be enabled on (and is not yet). */
  check: EnableCheck | null;
  sites: readonly EnabledSite[];
  lookalikeWarning: boolean;
  actions: SiteActions;
}) {
  const [lookalikeRefused, setLookalikeRefused] = useState(false);
  const enabledHere = check?.ok ? sites.some((s) => s.origin === check.origin) : false;
  const known = new Set(CARRIERS.map((c) => c.id));
  // Three parts, each under a heading that says what it governs (issue 14): this tab's site, the
  // sites the user enabled, and the look-alike warning, which is a setting for all sites.
  return (
    <div class="site-access">
      {check?.ok && !enabledHere ? (
        <section aria-labelledby="site-access-title">
          <h2 id="site-access-title">{pt('siteTitle', lang)}</h2>
          <EnableSite key={check.origin} lang={lang} check={check} actions={actions} />
        </section>
      ) : null}

      {sites.length > 0 ? (
        <section aria-labelledby="enabled-sites-title">
          <h2 id="enabled-sites-title">{pt('enabledSitesTitle', lang)}</h2>
          <ul class="enabled-sites" aria-labelledby="enabled-sites-title">
            {sites.map((s) => (
              <li key={s.origin} data-enabled-origin={s.origin} data-carrier={s.carrier}>
                <span class="origin">{s.origin}</span>{' '}
                <span class="muted">{known.has(s.carrier) ? localize(carrierById(s.carrier).name, lang) : s.carrier}</span>{' '}
                <button type="button" data-remove-site={s.origin} aria-label={pt('removeSiteLabel', lang, { origin: s.origin })} onClick={() => actions.disableSite(s.origin)}>
                  {pt('removeSite', lang)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="lookalike-title">
        <h2 id="lookalike-title">{pg('lookalikeTitle', lang)}</h2>
        <label class="lookalike">
          <input
            type="checkbox"
            data-lookalike-setting
            checked={lookalikeWarning}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              setLookalikeRefused(false);
              // Straight from the change event: turning it on asks for access to all sites first thing.
              void actions.setLookalike(on).then((r) => setLookalikeRefused(on && r === 'refused'));
            }}
          />{' '}
          {pt('lookalikeSetting', lang)}
        </label>
        <p class="muted">{pt('lookalikeNote', lang)}</p>
        {lookalikeRefused ? <p class="notice" role="status">{pt('lookalikeRefused', lang)}</p> : null}
      </section>
    </div>
  );
}
