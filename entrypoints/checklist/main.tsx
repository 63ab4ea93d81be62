// A printable copy of the checklist and steps, with the user's ticks. Opened by the panel.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { carrierStepText, GUIDE, localize } from '../../utils/guide';
import { t } from '../../utils/i18n';
import { isLanguage } from '../../utils/language';
import type { ProgressState } from '../../utils/messages';
import { CARRIER_IDS, type CarrierId, type Language } from '../../utils/types';
import { carrierById } from '../../utils/carriers';
import { ContactLine } from '../../components/ContactLine';

function Sheet({ carrier, lang, checked, done }: { carrier: CarrierId; lang: Language; checked: string[]; done: string[] }) {
  const c = carrierById(carrier);
  return (
    <>
      <h1>
        {t('appName', lang)} · {localize(c.name, lang)}
      </h1>
      <h2>{t('checklist', lang)}</h2>
      <ul>
        {GUIDE.checklist.map((item) => (
          <li key={item.id}>
            <span class="box">{checked.includes(item.id) ? '☑' : '☐'}</span> {localize(item.text, lang)}
          </li>
        ))}
      </ul>
      <h2>{t('steps', lang)}</h2>
      <ol>
        {GUIDE.steps.map((step) => (
          <li key={step.id}>
            <span class="box">{done.includes(step.id) ? '☑' : '☐'}</span> <strong>{localize(step.title, lang)}</strong>:{' '}
            {localize(carrierStepText(c, step.id) ?? step.do, lang)}
          </li>
        ))}
      </ol>
      <ContactLine carrier={c} lang={lang} />
      <h2>{t('cautions', lang)}</h2>
      <ul>
        {GUIDE.cautions.map((caution) => (
          <li key={caution.id}>{localize(caution.text, lang)}</li>
        ))}
      </ul>
      <p class="muted">{t('lastChecked', lang, { date: GUIDE.lastChecked })}</p>
      <button type="button" onClick={() => window.print()}>
        {t('printChecklist', lang)}
      </button>
    </>
  );
}

async function main() {
  const params = new URLSearchParams(location.search);
  const rawCarrier = params.get('carrier') ?? 'other';
  const carrier: CarrierId = (CARRIER_IDS as readonly string[]).includes(rawCarrier) ? (rawCarrier as CarrierId) : 'other';
  const rawLang = params.get('lang');
  const lang: Language = isLanguage(rawLang) ? rawLang : 'en';
  document.documentElement.lang = lang;
  document.title = `${t('appName', lang)} · ${t('checklist', lang)}`;
  let checked: string[] = [];
  let done: string[] = [];
  try {
    const state = (await browser.runtime.sendMessage({ type: 'get-progress' })) as ProgressState | null;
    const cp = state?.progress.carriers[carrier];
    const card = cp ? cp.cards[cp.activeCard] : undefined;
    checked = card?.checklist ?? [];
    done = card?.stepsDone ?? [];
  } catch {
    // Without progress the sheet still prints, with empty boxes.
  }
  render(<Sheet carrier={carrier} lang={lang} checked={checked} done={done} />, document.getElementById('app')!);
  setTimeout(() => window.print(), 300);
}

void main();
