// The toolbar badge: the current tab's trust, which no page can fake.
import popupTexts from '../../assets/i18n/popup.json';
import { carrierById } from '../carriers';
import type { GuideOff } from '../guide-off';
import type { PageState } from '../messages';
import { fillTemplate } from '../template';
import type { Language, LocalText } from '../types';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

type PopupTextKey = keyof typeof popupTexts;
const TEXTS: Record<string, LocalText> = popupTexts;

function text(key: PopupTextKey, lang: Language, vars: Record<string, string> = {}): string {
  return fillTemplate(TEXTS[key]?.[lang] ?? TEXTS[key]?.en ?? key, vars);
}

/**
 * What the toolbar shows for a tab: ✓ green on an official site, amber on an enabled one, red !
 * otherwise; grey "off" where the user turned the guide off (a suspicious site stays red).
 */
export function badgeFor(state: PageState | null, lang: Language, off: GuideOff = null): Badge {
  if (!state) return { text: '', color: '#00000000', title: text('badgeTitle', lang) };
  const carrier = carrierById(state.carrier).name[lang];
  if (off && state.trust !== 'suspicious') {
    return { text: 'off', color: '#57606a', title: text(off === 'everywhere' ? 'badgeTitleOffEverywhere' : 'badgeTitleOffSite', lang, { carrier }) };
  }
  switch (state.trust) {
    case 'official':
      return { text: '✓', color: '#1a7f37', title: text('badgeTitleOfficial', lang, { carrier }) };
    case 'enabled':
      return { text: '•', color: '#9a6700', title: text('badgeTitleEnabled', lang, { carrier }) };
    default:
      return { text: '!', color: '#cf222e', title: text('badgeTitleSuspicious', lang) };
  }
}

/** A page that keeps hiding the panel: a red mark whatever its trust, and why in the title. */
export function fightBadge(lang: Language): Badge {
  return { text: '!', color: '#cf222e', title: text('badgeTitleFighting', lang) };
}
