// The settings (options) page (issue 14): the guide on or off, field warnings, the look-alike
// warning, the personal mark, the language, several cards per carrier, and progress. Every switch says what it stops before
// it stops it; the background writes every change (it is progress's only writer).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/pages/pages.css';
import { CardSettings } from '../../components/pages/CardSettings';
import { FieldSwitch, GuideSwitch } from '../../components/pages/Switches';
import { createSiteActions } from '../../components/pages/site-actions';
import { Shortcut } from '../../components/pages/Shortcut';
import { isProgressState, markActions, onStoredChange, pageLanguage, panelShortcut, send } from '../../components/pages/runtime';
import { pg } from '../../components/pages/texts';
import { LanguageChoice } from '../../components/popup/LanguageChoice';
import { MarkSetting } from '../../components/popup/MarkSetting';
import { ResetControl } from '../../components/popup/ResetControl';
import { SiteAccess } from '../../components/popup/SiteAccess';
import { pt } from '../../components/popup/texts';
import { carrierById } from '../../utils/carriers';
import { localize } from '../../utils/language';
import type { PersonalMark } from '../../utils/mark';
import type { ProgressAction, ProgressState } from '../../utils/messages';
import { CARRIER_IDS } from '../../utils/carriers';

function App() {
  const [state, setState] = useState<ProgressState | null>(null);
  const [keys, setKeys] = useState<string | null | undefined>(undefined);
  const lang = pageLanguage(state);
  const show = (s: ProgressState | null) => isProgressState(s) && setState(s);
  const refresh = () => void send({ type: 'get-progress' }).then(show);
  const update = (action: ProgressAction) => void send({ type: 'update-progress', action }).then(show);

  useEffect(() => {
    refresh();
    void panelShortcut().then(setKeys);
    // The popup or a panel may turn the guide back on while this page is open: show it as it is.
    return onStoredChange(refresh);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${pg('settingsTitle', lang)} · ${pt('appName', lang)}`;
  }, [lang]);

  if (!state) return <p>…</p>;
  const settings = state.progress.settings;
  const carriers = CARRIER_IDS.filter((id) => state.progress.carriers[id]);
  return (
    <div class="page settings" data-page="options">
      <h1>{pg('settingsTitle', lang)}</h1>
      <p>
        <a href="/welcome.html">{pg('openGuide', lang)}</a>
      </p>
      <GuideSwitch lang={lang} settings={settings} onPatch={(patch) => update({ kind: 'settings', patch })} />
      <FieldSwitch lang={lang} settings={settings} onPatch={(patch) => update({ kind: 'settings', patch })} />
      <SiteAccess lang={lang} check={null} sites={settings.enabledSites} lookalikeWarning={settings.lookalikeWarning} actions={createSiteActions(refresh)} />
      <section aria-labelledby="language-title">
        <h2 id="language-title">{pg('languageTitle', lang)}</h2>
        <LanguageChoice lang={lang} chosen={settings.language} onChange={(language) => update({ kind: 'settings', patch: { language } })} />
        <p class="muted">{pg('languageNote', lang)}</p>
      </section>
      <MarkSetting lang={lang} actions={markActions} />
      <section aria-labelledby="shortcut-title">
        <h2 id="shortcut-title">{pg('shortcutTitle', lang)}</h2>
        <Shortcut lang={lang} keys={keys} />
      </section>
      <CardSettings lang={lang} progress={state.progress} carriers={carriers} onAction={update} />
      <section aria-labelledby="reset-title">
        <h2 id="reset-title">{pg('resetTitle', lang)}</h2>
        {carriers.length ? (
          carriers.map((id) => <ResetControl key={id} lang={lang} carrierName={localize(carrierById(id).name, lang)} onReset={() => update({ kind: 'reset', carrier: id })} />)
        ) : (
          <p class="muted">{pg('resetNone', lang)}</p>
        )}
      </section>
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
