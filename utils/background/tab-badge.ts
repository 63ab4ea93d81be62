// The toolbar badge of a tab (utils/background/badge.ts draws it): in the user's language, cleared when the tab's panel goes.
import { badgeFor } from './badge';
import { guideOff } from '../guide-off';
import type { Language, Settings } from '../types';
import type { RouterDeps } from './deps';

/** The language of the toolbar's title: the user's choice in this window kind, else the browser's. */
export async function languageFor(incognito: boolean, deps: Pick<RouterDeps, 'store' | 'uiLanguage'>): Promise<Language> {
  try {
    const { progress } = await deps.store.load({ incognito });
    return progress.settings.language ?? deps.uiLanguage;
  } catch {
    return deps.uiLanguage;
  }
}

/** The settings a window kind's progress holds, or null when they cannot be read. */
export async function settingsFor(incognito: boolean, deps: Pick<RouterDeps, 'store'>): Promise<Settings | null> {
  try {
    return (await deps.store.load({ incognito })).progress.settings;
  } catch {
    return null;
  }
}

/** The toolbar icon of every known tab of that window kind, after the guide was turned off or on (issue 14). */
export async function refreshBadges(settings: Settings, incognito: boolean, deps: Pick<RouterDeps, 'tabs' | 'setBadge' | 'uiLanguage'>): Promise<void> {
  const lang = settings.language ?? deps.uiLanguage;
  const targets = (await deps.tabs.entries()).filter(([, e]) => e.incognito === incognito && !e.fighting);
  await Promise.all(targets.map(([tabId, e]) => deps.setBadge(tabId, badgeFor(e.state, lang, guideOff(settings, e.host))).catch(() => undefined)));
}

/** A tab's panel went away (its port closed): forget the tab and clear its badge. */
export async function forgetTab(
  tabId: number,
  deps: Pick<RouterDeps, 'tabs' | 'setBadge' | 'uiLanguage'>,
  documentId?: string,
  /** Asked again after the read: false when a new panel port of this tab connected meanwhile. */
  stillGone: () => boolean = () => true,
): Promise<void> {
  const entry = await deps.tabs.get(tabId);
  if (!entry || !stillGone()) return;
  // A late goodbye from the previous document must not erase the new document's state.
  if (documentId && entry.documentId && documentId !== entry.documentId) return;
  await deps.tabs.delete(tabId);
  await deps.setBadge(tabId, badgeFor(null, deps.uiLanguage)).catch(() => undefined);
}
