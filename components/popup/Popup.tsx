// The toolbar popup: this tab's carrier and progress, open/collapse the panel, turning the guide off
// on this site (asked first), whether the guide is off (and the way back on), the full guide and
// settings, the official sites, language, reset.
// It only renders; entrypoints/popup/main.tsx talks to the background.
import { stepsDoneCount } from '../../utils/step-state';
import { useState } from 'preact/hooks';
import { carrierById } from '../../utils/carriers';
import { t } from '../../utils/i18n';
import type { EnableCheck } from '../../utils/enable-risk';
import { GUIDE } from '../../utils/guide';
import { localize } from '../../utils/language';
import type { ProgressState, StorageNotice } from '../../utils/messages';
import { cardOf } from '../../utils/card';
import { guideOff } from '../../utils/guide-off';
import { STEP_IDS, type CarrierId, type Language, type SiteTrust } from '../../utils/types';
import { Shortcut } from '../pages/Shortcut';
import { Confirm, turnOffDetails } from '../pages/Switches';
import { pg } from '../pages/texts';
import { LanguageChoice } from './LanguageChoice';
import { NotOfficial } from './NotOfficial';
import { ResetControl } from './ResetControl';
import { SiteAccess, type SiteActions } from './SiteAccess';
import { pt, type PopupTextKey } from './texts';

export interface PopupView {
  lang: Language;
  /** The tab the popup is about, or null when there is none (a browser page). */
  tabId: number | null;
  carrier: CarrierId | null;
  trust: SiteTrust | null;
  incognito: boolean;
  /** Null while loading, or when the background did not answer. */
  progress: ProgressState | null;
  /** Whether (and with which warnings) the guide can be enabled on the current tab; null when it cannot. */
  site?: EnableCheck | null;
  /** The tab's trust is known (from its current address): `data-tab-trust` appears only then. */
  loaded?: boolean;
  /** The tab's page keeps hiding the panel (issue 16). */
  fighting?: boolean;
  /** The tab's host name (where we may read it), to tell whether the guide is off on it. */
  host?: string | null;
  /** The panel's keyboard shortcut; '' when none is set, null when the browser has none; undefined: unknown. */
  shortcut?: string | null;
}

export interface PopupActions {
  /** Resolves false when the tab's panel did not answer. */
  command(command: 'open' | 'collapse'): Promise<boolean>;
  setLanguage(lang: Language | null): void;
  reset(): void;
  /** Enabled sites and the look-alike warning; absent in views that do not offer them. */
  sites?: SiteActions;
  /** Turns the guide back on here and everywhere (issue 14); absent in views that do not offer it. */
  turnOn?(): void;
  /** Turns the guide off on this tab's site (it was the panel's menu: issue 12); absent in views that do not offer it. */
  turnOffSite?(): void;
}

const NOTICE_TEXT: Record<StorageNotice, PopupTextKey> = {
  'reset-corrupt': 'noticeResetCorrupt',
  'reset-oversized': 'noticeResetOversized',
  'reset-unknown-version': 'noticeResetUnknownVersion',
  'storage-unavailable': 'noticeStorageUnavailable',
  'dropped-unknown': 'noticeDroppedUnknown',
};

const TRUST_TEXT: Record<SiteTrust, PopupTextKey> = {
  official: 'trustOfficial',
  enabled: 'trustEnabled',
  suspicious: 'trustSuspicious',
};

function Progress({ view, carrier }: { view: PopupView; carrier: CarrierId }) {
  if (!view.progress) return <p class="muted">{pt('loading', view.lang)}</p>;
  const card = cardOf(view.progress.progress, carrier);
  const known = new Set(GUIDE.checklist.map((i) => i.id));
  const ticked = card.checklist.filter((id) => known.has(id)).length;
  // The same count as the panel's (utils/step-state.ts): marked, or passed by a later step reached.
  const done = stepsDoneCount(card, null);
  const stepsText = pt('stepsDone', view.lang, { done, total: STEP_IDS.length });
  const ticksText = pt('checklistTicked', view.lang, { done: ticked, total: known.size });
  return (
    <ul class="progress" data-carrier={carrier}>
      <li>
        <span id="steps-done">{stepsText}</span>
        <progress max={STEP_IDS.length} value={done} aria-labelledby="steps-done" />
      </li>
      <li>
        <span id="checklist-ticked">{ticksText}</span>
        <progress max={Math.max(known.size, 1)} value={ticked} aria-labelledby="checklist-ticked" />
      </li>
    </ul>
  );
}

/** The guide is off here or everywhere: said plainly, with what still watches and the way back on. */
function GuideOffNotice({ view, actions }: { view: PopupView; actions: PopupActions }) {
  const settings = view.progress?.progress.settings;
  const off = guideOff(settings, view.host);
  if (!off || !settings) return null;
  const fields = pg(settings.fieldWarnings ? 'fieldsStateOn' : 'fieldsStateOff', view.lang);
  return (
    <section class="guide-off notice" aria-labelledby="guide-off-title" data-guide-off={off}>
      <p id="guide-off-title">{pg(off === 'everywhere' ? 'popupOffEverywhere' : 'popupOffSite', view.lang, { fields })}</p>
      {actions.turnOn ? (
        <button type="button" class="primary" data-guide-on="" onClick={actions.turnOn}>
          {pg('turnOnGuide', view.lang)}
        </button>
      ) : null}
    </section>
  );
}

/**
 * On a tab where the guide runs (an official or enabled site, not already off there): turn it off
 * on this site, after a question that says what stops, what keeps watching and how to undo it.
 */
function TurnOffSite({ view, actions }: { view: PopupView; actions: PopupActions }) {
  const [asking, setAsking] = useState(false);
  const { lang, trust, host } = view;
  const settings = view.progress?.progress.settings;
  const turnOff = actions.turnOffSite;
  if (!turnOff || !settings || !host || (trust !== 'official' && trust !== 'enabled') || guideOff(settings, host)) return null;
  if (!asking) {
    return (
      <button type="button" data-turn-off-site="" onClick={() => setAsking(true)}>
        {t('turnOffSite', lang)}…
      </button>
    );
  }
  return (
    <Confirm
      id="site-off"
      lang={lang}
      details={turnOffDetails('site', lang, settings.fieldWarnings)}
      yes={t('turnOffSite', lang)}
      onYes={() => (setAsking(false), turnOff())}
      onNo={() => setAsking(false)}
    />
  );
}

export function Popup({ view, actions }: { view: PopupView; actions: PopupActions }) {
  const { lang, carrier, trust } = view;
  const [failed, setFailed] = useState(false);
  const notice = view.progress?.notice ?? null;
  const carrierName = carrier ? localize(carrierById(carrier).name, lang) : '';
  const send = (command: 'open' | 'collapse') => {
    void actions.command(command).then((ok) => setFailed(!ok));
  };

  return (
    <div class="popup" data-site-trust={trust ?? 'none'} data-tab-trust={view.loaded ? (trust ?? 'none') : undefined}>
      <h1>{pt('appName', lang)}</h1>
      {notice ? (
        <p class="notice" role="status" data-notice={notice}>
          {pt(NOTICE_TEXT[notice], lang)}
        </p>
      ) : null}
      {view.incognito ? <p class="muted incognito">{pt('incognitoNote', lang)}</p> : null}
      {view.fighting ? <p class="notice" role="alert" data-page-fighting="">{pt('pageFighting', lang)}</p> : null}

      {carrier ? (
        <section class="tab" aria-labelledby="tab-carrier">
          <h2 id="tab-carrier">{pt('currentCarrier', lang, { carrier: carrierName })}</h2>
          {trust ? <p class={`trust trust-${trust}`}>{pt(TRUST_TEXT[trust], lang)}</p> : null}
          <Progress view={view} carrier={carrier} />
          {view.tabId !== null ? (
            <div class="row">
              <button type="button" class="primary" onClick={() => send('open')}>
                {pt('openPanel', lang)}
              </button>
              <button type="button" onClick={() => send('collapse')}>
                {pt('collapsePanel', lang)}
              </button>
            </div>
          ) : null}
          {failed ? (
            <p class="notice" role="alert">
              {pt('commandFailed', lang)}
            </p>
          ) : null}
          <TurnOffSite view={view} actions={actions} />
        </section>
      ) : null}

      <GuideOffNotice view={view} actions={actions} />

      {trust !== 'official' ? <NotOfficial lang={lang} /> : null}

      <section class="more" aria-labelledby="more-title">
        <h2 id="more-title">{pg('moreTitle', lang)}</h2>
        <ul class="links">
          <li>
            <a href="/welcome.html" target="_blank" data-open-guide="">
              {pg('openGuide', lang)}
            </a>
          </li>
          <li>
            <a href="/options.html" target="_blank" data-open-settings="">
              {pg('openSettings', lang)}
            </a>
            <p class="muted">{pg('settingsExplain', lang)}</p>
          </li>
        </ul>
        <Shortcut lang={lang} keys={view.shortcut} />
      </section>

      {actions.sites && view.progress ? (
        <SiteAccess
          lang={lang}
          check={trust === 'official' ? null : (view.site ?? null)}
          sites={view.progress.progress.settings.enabledSites}
          lookalikeWarning={view.progress.progress.settings.lookalikeWarning}
          actions={actions.sites}
        />
      ) : null}

      <LanguageChoice lang={lang} chosen={view.progress?.progress.settings.language ?? null} onChange={actions.setLanguage} />

      {carrier && view.progress ? <ResetControl lang={lang} carrierName={carrierName} onReset={actions.reset} /> : null}
    </div>
  );
}
