// The whole guide on an extension page (issue 14): per carrier and route the five steps, the
// accounts tied to the number, the checklist, the cautions and what to do if it fails. Extension
// pages may carry the full data (only content scripts have a size budget).
import { useState } from 'preact/hooks';
import { ContactLine } from '../ContactLine';
import { CARRIERS } from '../../utils/carriers';
import { GUIDE, shownCarrier } from '../../utils/guide';
import { dataTexts, t } from '../../utils/i18n';
import { localize } from '../../utils/language';
import { carrierRoutes } from '../../utils/shown-carrier';
import { stepText } from '../../utils/route';
import type { CarrierId, Language, LocalText, RouteId } from '../../utils/types';
import { pg } from './texts';

/** Text with line breaks as separate lines (the data uses \n between sentences that stand apart). */
function Lines({ text, lang }: { text: LocalText; lang: Language }) {
  const lines = localize(text, lang).split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <span key={i} class="line">
          {line}
        </span>
      ))}
    </>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function GuideReader({ lang, initialCarrier = 'cmhk' }: { lang: Language; initialCarrier?: CarrierId }) {
  const [carrierId, setCarrierId] = useState<CarrierId>(initialCarrier);
  const carrier = shownCarrier(carrierId);
  const routes = carrierRoutes(carrier);
  const [chosenRoute, setRoute] = useState<RouteId | null>(null);
  const route = chosenRoute && routes.includes(chosenRoute) ? chosenRoute : routes.includes(carrier.defaultRoute) ? carrier.defaultRoute : (routes[0] ?? 'hotline');
  const routeName = (id: RouteId) => {
    const r = GUIDE.routes.find((x) => x.id === id);
    return r ? localize(r.name, lang) : id;
  };
  const carrierName = localize(carrier.name, lang);

  return (
    <section class="guide" aria-labelledby="guide-title" data-carrier={carrierId} data-route={route}>
      <h2 id="guide-title">{pg('guideTitle', lang)}</h2>
      <p>{pg('guideIntro', lang)}</p>
      <div class="choices">
        <label>
          <span>{pg('carrierChoice', lang)}</span>
          <select data-guide-carrier value={carrierId} onChange={(e) => setCarrierId((e.currentTarget as HTMLSelectElement).value as CarrierId)}>
            {CARRIERS.map((c) => (
              <option key={c.id} value={c.id}>
                {localize(c.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{pg('routeChoice', lang)}</span>
          <select data-guide-route value={route} onChange={(e) => setRoute((e.currentTarget as HTMLSelectElement).value as RouteId)}>
            {routes.map((id) => (
              <option key={id} value={id}>
                {routeName(id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {carrier.website ? (
        <p>
          {pg('officialSite', lang, { host: '' })}
          <a href={carrier.website} target="_blank" rel="noopener noreferrer">
            {hostOf(carrier.website)}
          </a>
        </p>
      ) : null}
      <ContactLine carrier={carrier} texts={dataTexts(lang)} />

      <h3 id="tied-title">{pg('tiedTitle', lang)}</h3>
      <ul class="tied" aria-labelledby="tied-title">
        {GUIDE.tied.map((a) => (
          <li key={a.id} data-tied-account={a.id}>
            <strong>{localize(a.name, lang)}</strong> <Lines text={a.how} lang={lang} />
          </li>
        ))}
      </ul>

      <h3 id="checklist-title">{t('checklist', lang)}</h3>
      <ul aria-labelledby="checklist-title">
        {GUIDE.checklist.map((item) => (
          <li key={item.id}>{localize(item.text, lang)}</li>
        ))}
      </ul>

      <h3 id="steps-title">{pg('stepsTitle', lang, { carrier: carrierName, route: routeName(route) })}</h3>
      <ol class="steps" aria-labelledby="steps-title">
        {GUIDE.steps.map((step, i) => {
          const text = stepText(GUIDE, carrier, step, route);
          return (
            <li key={step.id} data-step-id={step.id}>
              <h4>{t('stepOf', lang, { n: i + 1, title: localize(text.title, lang) })}</h4>
              <p>
                <Lines text={text.do} lang={lang} />
              </p>
              <p class="muted">
                {t('looksLike', lang)}: {localize(step.looksLike, lang)}
              </p>
              <p class="never">
                <strong>{t('neverType', lang)}</strong> {localize(step.neverType, lang)}
              </p>
            </li>
          );
        })}
      </ol>
      {carrier.notes.length ? (
        <ul class="notes">
          {carrier.notes.map((n) => (
            <li key={n.id}>{localize(n.text, lang)}</li>
          ))}
        </ul>
      ) : null}

      <h3 id="cautions-title">{t('cautions', lang)}</h3>
      <ul aria-labelledby="cautions-title">
        {GUIDE.cautions.map((c) => (
          <li key={c.id}>{localize(c.text, lang)}</li>
        ))}
      </ul>

      <h3 id="fails-title">{t('ifItFails', lang)}</h3>
      <ul aria-labelledby="fails-title">
        {GUIDE.ifItFails.map((c) => (
          <li key={c.id}>{localize(c.text, lang)}</li>
        ))}
      </ul>

      <h3 id="cards-title">{t('cardNotes', lang)}</h3>
      <ul aria-labelledby="cards-title">
        {GUIDE.cardNotes.map((c) => (
          <li key={c.id}>{localize(c.text, lang)}</li>
        ))}
      </ul>
      <p class="muted">{t('lastChecked', lang, { date: GUIDE.lastChecked })}</p>
    </section>
  );
}
