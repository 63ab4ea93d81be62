// The welcome page, opened once on install (issue 14): what the guide does and does not do, the
// language, the personal mark ("no mark, not us"), the shortcut, the full guide readable before
// any carrier site, and privacy in plain words.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/pages/pages.css';
import { GuideReader } from '../../components/pages/GuideReader';
import { Shortcut } from '../../components/pages/Shortcut';
import { isProgressState, markActions, pageLanguage, panelShortcut, send } from '../../components/pages/runtime';
import { pg, type PageTextKey } from '../../components/pages/texts';
import { LanguageChoice } from '../../components/popup/LanguageChoice';
import { MarkSetting } from '../../components/popup/MarkSetting';
import { pt } from '../../components/popup/texts';
import type { PersonalMark } from '../../utils/mark';
import type { ProgressState } from '../../utils/messages';

function List({ keys, lang }: { keys: PageTextKey[]; lang: ReturnType<typeof pageLanguage> }) {
  return (
    <ul>
      {keys.map((k) => (
        <li key={k}>{pg(k, lang)}</li>
      ))}
    </ul>
  );
}

function App() {
  const [state, setState] = useState<ProgressState | null>(null);
  const [keys, setKeys] = useState<string | null | undefined>(undefined);
  const lang = pageLanguage(state);
  const show = (s: ProgressState | null) => isProgressState(s) && setState(s);

  useEffect(() => {
    void send({ type: 'get-progress' }).then(show);
    void panelShortcut().then(setKeys);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = pt('appName', lang);
  }, [lang]);

  return (
    <div class="page welcome" data-page="welcome">
      <h1>{pg('welcomeTitle', lang)}</h1>
      <p class="lead">{pg('welcomeIntro', lang)}</p>
      <div class="two">
        <section aria-labelledby="does-title">
          <h2 id="does-title">{pg('doesTitle', lang)}</h2>
          <List keys={['does1', 'does2', 'does3']} lang={lang} />
        </section>
        <section aria-labelledby="does-not-title">
          <h2 id="does-not-title">{pg('doesNotTitle', lang)}</h2>
          <List keys={['doesNot1', 'doesNot2', 'doesNot3']} lang={lang} />
        </section>
      </div>
      <section aria-labelledby="language-title">
        <h2 id="language-title">{pg('languageTitle', lang)}</h2>
        <LanguageChoice
          lang={lang}
          chosen={state?.progress.settings.language ?? null}
          onChange={(language) => void send({ type: 'update-progress', action: { kind: 'settings', patch: { language } } }).then(show)}
        />
        <p class="muted">{pg('languageNote', lang)}</p>
      </section>
      <MarkSetting lang={lang} actions={markActions} />
      <p class="lesson" data-mark-lesson="">
        {pg('markLesson', lang)}
      </p>
      <section aria-labelledby="shortcut-title">
        <h2 id="shortcut-title">{pg('shortcutTitle', lang)}</h2>
        <Shortcut lang={lang} keys={keys} />
      </section>
      <GuideReader lang={lang} />
      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">{pg('privacyTitle', lang)}</h2>
        <List keys={['privacy1', 'privacy2', 'privacy3']} lang={lang} />
      </section>
      <p>
        <a href="/options.html" data-open-settings="">
          {pg('openSettings', lang)}
        </a>
      </p>
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
