// Who is asking: an extension page, or a content script in a tab (and which window kind it is in).
import type { RouterDeps, SenderLike } from './deps';
import { isTabId } from './validate';

export function isExtensionPage(sender: SenderLike, deps: RouterDeps): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(deps.extensionUrl);
}

/**
 * A content script's tab: a sender in a tab whose document is a web page, or a frame that
 * inherits one (about:blank, about:srcdoc, blob: frames that payment forms are written into).
 */
export function contentTab(sender: SenderLike, deps: RouterDeps): number | null {
  const id = sender.tab?.id;
  if (!isTabId(id) || typeof sender.url !== 'string' || isExtensionPage(sender, deps)) return null;
  return /^(?:https?:\/\/|about:|blob:|data:)/i.test(sender.url) ? id : null;
}

export async function incognitoOfTab(tabId: number, deps: RouterDeps): Promise<boolean> {
  const known = await deps.tabs.get(tabId);
  if (known) return known.incognito;
  try {
    return (await deps.tabIncognito(tabId)) ?? false;
  } catch {
    return false;
  }
}

/** Which progress a sender sees: its tab's window kind; the popup names its tab. */
export async function incognitoOf(sender: SenderLike, tabId: number | undefined, deps: RouterDeps): Promise<boolean> {
  if (contentTab(sender, deps) !== null) return sender.tab?.incognito === true;
  if (tabId !== undefined) return incognitoOfTab(tabId, deps);
  return sender.tab?.incognito === true;
}
