// The settings page's two switches (issue 14): the guide (panel) and the field warnings. Each says
// what it will stop before it stops it, and how to undo it; the guide's also lists the sites where
// it was turned off from the panel, each with a way back on.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { Language, Settings } from '../../utils/types';
import { pg } from './texts';

type Patch = Partial<Pick<Settings, 'disabledEverywhere' | 'disabledHosts' | 'fieldWarnings'>>;

interface ConfirmProps {
  id: string;
  lang: Language;
  details: string[];
  yes: string;
  onYes(): void;
  onNo(): void;
}

/** A question before a switch turns something off: the safe choice takes focus; Escape keeps. Also the popup's (components/popup/Popup.tsx). */
export function Confirm({ id, lang, details, yes, onYes, onNo }: ConfirmProps) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby={`${id}-question`}
      data-confirm={id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onNo();
        }
      }}
    >
      <p id={`${id}-question`}>
        <strong>{details[0]}</strong>
      </p>
      {details.slice(1).map((d) => (
        <p key={d}>{d}</p>
      ))}
      <div class="row">
        <button type="button" ref={keep} onClick={onNo}>
          {pg('keepAsIs', lang)}
        </button>
        <button type="button" class="danger" data-confirm-yes={id} onClick={onYes}>
          {yes}
        </button>
      </div>
    </div>
  );
}

/** What turning the guide off says before it stops anything: the question, what stops, what keeps watching, how to undo it. */
export function turnOffDetails(scope: 'site' | 'everywhere', lang: Language, fieldWarnings: boolean): string[] {
  const site = scope === 'site';
  return [
    t(site ? 'offAskSite' : 'offAskEverywhere', lang),
    t(site ? 'offStopsSite' : 'offStopsEverywhere', lang),
    t(fieldWarnings ? 'offFieldsKeep' : 'offFieldsAlreadyOff', lang),
    t('offUndo', lang),
  ];
}

export function GuideSwitch({ lang, settings, onPatch }: { lang: Language; settings: Settings; onPatch(patch: Patch): void }) {
  const [asking, setAsking] = useState(false);
  const off = settings.disabledEverywhere;
  return (
    <section class="switch" aria-labelledby="guide-switch-title" data-guide-switch={off ? 'off' : 'on'}>
      <h2 id="guide-switch-title">{pg('guideSwitchTitle', lang)}</h2>
      <p role="status" data-guide-state={off ? 'off' : 'on'}>
        {pg(off ? 'guideOffNow' : 'guideOnNow', lang)}
      </p>
      {off ? (
        <button type="button" class="primary" data-guide-on onClick={() => onPatch({ disabledEverywhere: false })}>
          {pg('turnOnGuide', lang)}
        </button>
      ) : asking ? (
        <Confirm
          id="guide-off"
          lang={lang}
          details={turnOffDetails('everywhere', lang, settings.fieldWarnings)}
          yes={pg('turnOffEverywhereYes', lang)}
          onYes={() => (setAsking(false), onPatch({ disabledEverywhere: true }))}
          onNo={() => setAsking(false)}
        />
      ) : (
        <button type="button" data-guide-off onClick={() => setAsking(true)}>
          {pg('turnOffEverywhereAsk', lang)}
        </button>
      )}
      <h3 id="off-sites-title">{pg('offSitesTitle', lang)}</h3>
      {settings.disabledHosts.length ? (
        <ul class="off-sites" aria-labelledby="off-sites-title">
          {settings.disabledHosts.map((host) => (
            <li key={host} data-off-host={host}>
              <span class="origin">{host}</span>{' '}
              <button
                type="button"
                aria-label={pg('turnOnSiteLabel', lang, { host })}
                onClick={() => onPatch({ disabledHosts: settings.disabledHosts.filter((h) => h !== host) })}
              >
                {pg('turnOnSite', lang)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{pg('offSitesNone', lang)}</p>
      )}
    </section>
  );
}

export function FieldSwitch({ lang, settings, onPatch }: { lang: Language; settings: Settings; onPatch(patch: Patch): void }) {
  const [asking, setAsking] = useState(false);
  const on = settings.fieldWarnings;
  return (
    <section class="switch" aria-labelledby="field-switch-title" data-field-switch={on ? 'on' : 'off'}>
      <h2 id="field-switch-title">{pg('fieldSwitchTitle', lang)}</h2>
      <p>{pg('fieldSwitchExplain', lang)}</p>
      <p role="status" data-field-warnings={on ? 'on' : 'off'}>
        {pg(on ? 'fieldOnNow' : 'fieldOffNow', lang)}
      </p>
      {!on ? (
        <button type="button" class="primary" data-field-on onClick={() => onPatch({ fieldWarnings: true })}>
          {pg('fieldOn', lang)}
        </button>
      ) : asking ? (
        <Confirm
          id="field-off"
          lang={lang}
          details={[pg('fieldOffStops', lang)]}
          yes={pg('fieldOffYes', lang)}
          onYes={() => (setAsking(false), onPatch({ fieldWarnings: false }))}
          onNo={() => setAsking(false)}
        />
      ) : (
        <button type="button" data-field-off onClick={() => setAsking(true)}>
          {pg('fieldOffAsk', lang)}
        </button>
      )}
    </section>
  );
}
