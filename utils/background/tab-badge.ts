// The toolbar badge of a tab (utils/badge.ts draws it): in the user's language, cleared when the tab's panel goes.
import { badgeFor } from '../badge';
import type { Language } from '../types';
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
