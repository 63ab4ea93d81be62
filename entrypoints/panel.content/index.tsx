// The panel's content script. On official carrier pages (https, listed hosts) it comes from the
// manifest; on sites the user enabled it is registered at run time, and on look-alikes the
// background injects it. Off the official hosts it never decides its own trust: it asks the
// background, which answers from this frame's URL as the browser reports it (a page cannot forge it).
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { officialMatchPatterns } from '../../utils/match-patterns';
import { officialSite, type PageSite } from '../../utils/site-trust';
import { startPanel } from './controller';
import { send } from './send';

const STARTED = Symbol.for('sim-exit-guide.panel-started');
/** The longest the panel waits for the page's load event before it starts anyway. */
const PANEL_WAIT_MS = 300;

async function askBackground(): Promise<PageSite | null> {
  const reply = await send({ type: 'get-site' });
  const site = reply.ok ? reply.value.site : null;
  return site && (site.trust === 'enabled' || site.trust === 'suspicious') ? site : null;
}

export default defineContentScript({
  matches: officialMatchPatterns(),
  runAt: 'document_end',
  // Any page can fire WXT's "script started" event (extension ids are public): never announce or obey it.
  noScriptStartedPostMessage: true,
  cssInjectionMode: 'manual',
  async main() {
    if (window.top !== window) return;
    // Registered and injected copies can meet in one document (a look-alike the user also enabled): start once.
    const marks = window as unknown as Record<symbol, boolean>;
    if (marks[STARTED]) return;
    marks[STARTED] = true;
    const site = officialSite(location.href) ?? (await askBackground());
    if (!site) {
      marks[STARTED] = false;
      return;
    }
    // Off the page's load path (issue 12): the panel's work (texts, snapshot, first render, placement)
    // waits until the page has loaded, or at most PANEL_WAIT_MS when a slow resource holds the load
    // back. A focus before then starts it at once: the guard, listening from document_end, waits for
    // the panel to warn, and the warning must show before the user types.
    let started = false;
    const go = () => {
      if (!started) void startPanel(site);
      started = true;
    };
    if (document.readyState === 'complete') return go();
    document.addEventListener('focusin', go, true);
    addEventListener('load', () => setTimeout(go));
    setTimeout(go, PANEL_WAIT_MS);
  },
});
