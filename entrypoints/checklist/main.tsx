// A printable copy of the card's plan: the accounts to move, the checklist, the steps on the card's
// route with their state, and the user's record of the request (which they can note here: the date,
// the route, and a reference number or staff name the carrier gave; their own words, never page
// data). Opened by the panel.
import { Component, render } from 'preact';
import { browser } from 'wxt/browser';
import { GUIDE, shownCarrier } from '../../utils/guide';
import { dataTexts, t } from '../../utils/i18n';
import { isLanguage, localize } from '../../utils/language';
import type { ProgressAction, ProgressState } from '../../utils/messages';
import { cardOf } from '../../utils/card';
import { recordRefProblem } from '../../utils/progress';
import { routeOf, stepText } from '../../utils/route';
import { carrierRoutes } from '../../utils/shown-carrier';
import { createSend } from '../../utils/send';
import { stepStates } from '../../utils/step-state';
import { isCarrierId } from '../../utils/carriers';
import type { CardProgress, CarrierId, Language, RouteId } from '../../utils/types';
import { ContactLine } from '../../components/ContactLine';

const send = createSend(browser.runtime);

const box = (on: boolean) => <span class="box">{on ? '☑' : '☐'}</span>;

const routeName = (id: RouteId, lang: Language) => localize(GUIDE.routes.find((r) => r.id === id)!.name, lang);

interface RecordProps {
  carrier: CarrierId;
  lang: Language;
  card: CardProgress | null;
  route: RouteId;
  onAction(action: ProgressAction): void;
}

interface Draft {
  date: string;
  route: RouteId;
  ref: string;
}

interface RecordState {
  /** What the user is typing; null: the saved record (or today, the card's route, no reference). */
  draft: Draft | null;
  error: string;
}

/** The user's note of the request: shown, editable, deletable (and gone with the card). */
class RequestRecordForm extends Component<RecordProps, RecordState> {
  override state: RecordState = { draft: null, error: '' };
  override render({ carrier, lang, card, route, onAction }: RecordProps, { draft, error }: RecordState) {
    const record = card?.record ?? null;
    const value: Draft = draft ?? { date: record?.date ?? new Date().toISOString().slice(0, 10), route: record?.route ?? route, ref: record?.ref ?? '' };
    const edit = (patch: Partial<Draft>) => this.setState({ draft: { ...value, ...patch }, error: '' });
    const save = (e: Event) => {
      e.preventDefault();
      const ref = value.ref.trim();
      const problem = recordRefProblem(ref);
      if (problem) {
        this.setState({ error: t(problem === 'digits' ? 'recordRefDigits' : 'recordRefBad', lang) });
        return;
      }
      onAction({ kind: 'record', carrier, record: { ...value, ref } });
      this.setState({ draft: null, error: '' });
    };
    return (
      <section data-request-record={record ? 'saved' : 'none'}>
        <h2>{t('recordTitle', lang)}</h2>
        {record ? (
          <p>
            {t('recordSaved', lang, { date: record.date, route: routeName(record.route, lang), ref: record.ref || '—' })}
          </p>
        ) : (
          <p class="muted">{t('recordNone', lang)}</p>
        )}
        <form class="record" onSubmit={save}>
          <label>
            {t('recordDate', lang)}{' '}
            <input type="date" value={value.date} required onInput={(e) => edit({ date: (e.currentTarget as HTMLInputElement).value })} />
          </label>{' '}
          <label>
            {t('route', lang)}{' '}
            <select onChange={(e) => edit({ route: (e.currentTarget as HTMLSelectElement).value as RouteId })}>
              {carrierRoutes(shownCarrier(carrier)).map((id) => (
                <option key={id} value={id} selected={id === value.route}>
                  {routeName(id, lang)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('recordRef', lang)}{' '}
            <input
              type="text"
              value={value.ref}
              maxLength={40}
              autocomplete="off"
              onInput={(e) => edit({ ref: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>{' '}
          <button type="submit">{t('recordSave', lang)}</button>{' '}
          {record ? (
            <button type="button" onClick={() => onAction({ kind: 'record', carrier, record: null })}>
              {t('recordDelete', lang)}
            </button>
          ) : null}
          {error ? <p role="alert">{error}</p> : null}
        </form>
      </section>
    );
  }
}

interface SheetProps {
  carrier: CarrierId;
  lang: Language;
  card: CardProgress | null;
  onAction(action: ProgressAction): void;
}

function Sheet({ carrier, lang, card, onAction }: SheetProps) {
  const c = shownCarrier(carrier);
  const route = routeOf(c, card);
  const states = stepStates(card, null);
  const done = Object.values(states).filter((s) => s === 'done').length;
  return (
    <>
      <h1>
        {t('appName', lang)} · {localize(c.name, lang)}
      </h1>
      <p>
        <button type="button" onClick={() => window.print()}>
          {t('print', lang)}
        </button>
      </p>
      <h2>{t('tiedTitle', lang, { n: GUIDE.tied.filter((a) => !card?.tiedDone.includes(a.id) && !card?.tiedSkipped.includes(a.id)).length })}</h2>
      <ul>
        {GUIDE.tied.map((a) => (
          <li key={a.id} data-tied-account={a.id}>
            {box(!!card?.tiedDone.includes(a.id))}{' '}
            {t('labelled', lang, {
              label: card?.tiedSkipped.includes(a.id) ? t('notUsed', lang, { name: localize(a.name, lang) }) : localize(a.name, lang),
              text: localize(a.how, lang),
            })}
          </li>
        ))}
      </ul>
      <h2>{t('checklist', lang)}</h2>
      <ul>
        {GUIDE.checklist.map((item) => (
          <li key={item.id}>
            {box(!!card?.checklist.includes(item.id))} {localize(item.text, lang)}
          </li>
        ))}
      </ul>
      <h2>{t('stepsDone', lang, { done })}</h2>
      <p>{t('labelled', lang, { label: t('routeName', lang), text: routeName(route, lang) })}</p>
      <ol data-route={route}>
        {GUIDE.steps.map((step) => {
          const text = stepText(GUIDE, c, step, route);
          return (
            <li key={step.id} data-step-id={step.id} data-step-state={states[step.id]}>
              {box(states[step.id] === 'done')}{' '}
              <span class="do">{t('labelled', lang, { label: localize(text.title, lang), text: localize(text.do, lang) })}</span>
            </li>
          );
        })}
      </ol>
      <ContactLine carrier={c} texts={dataTexts(lang)} />
      <RequestRecordForm carrier={carrier} lang={lang} card={card} route={route} onAction={onAction} />
      <h2>{t('cautions', lang)}</h2>
      <ul>
        {GUIDE.cautions.map((caution) => (
          <li key={caution.id}>{localize(caution.text, lang)}</li>
        ))}
      </ul>
      <p class="muted">{t('lastChecked', lang, { date: GUIDE.lastChecked })}</p>
    </>
  );
}

async function main() {
  const params = new URLSearchParams(location.search);
  const rawCarrier = params.get('carrier') ?? 'other';
  const carrier: CarrierId = isCarrierId(rawCarrier) ? rawCarrier : 'other';
  const rawLang = params.get('lang');
  const lang: Language = isLanguage(rawLang) ? rawLang : 'en';
  document.documentElement.lang = lang;
  document.title = `${t('appName', lang)} · ${t('checklist', lang)}`;
  const app = document.getElementById('app')!;
  const show = (state: ProgressState | null) =>
    render(<Sheet carrier={carrier} lang={lang} card={state ? cardOf(state.progress, carrier) : null} onAction={act} />, app);
  const act = (action: ProgressAction) => {
    // A refused change leaves the sheet as it was.
    void send({ type: 'update-progress', action }).then((reply) => reply.ok && show(reply.value));
  };
  const reply = await send({ type: 'get-progress' });
  // Without progress the sheet still prints, with empty boxes.
  show(reply.ok ? reply.value : null);
}

void main();
