// The panel's content script. On official carrier pages (https, listed hosts) it comes from the
// manifest; on sites the user enabled it is registered at run time, and on look-alikes the
// background injects it. It never decides its own trust: it asks the background, which answers
// from this frame's URL as the browser reports it (a page cannot forge it) and the carrier data
// (which this bundle does not carry).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { PageSite } from '../../utils/site-trust';
import { startPanel } from './controller';
import { send } from './send';

const STARTED = Symbol.for('sim-exit-guide.panel-started');

const ASK_TRIES = 3;
/** The longest the panel waits for the page's load event before it starts anyway. */
const PANEL_WAIT_MS = 300;

async function askSite(): Promise<PageSite | null> {
  for (let attempt = 1; ; attempt++) {
    const reply = await send({ type: 'get-site' });
    if (reply.ok) return reply.value.site;
    // No answer at all: the background may still be starting (a browser just opened). Ask again
    // shortly, a few times: without the panel the top frame's field guard would not start either.
    if (reply.error !== 'unreachable' || attempt === ASK_TRIES) return null;
    await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
  }
}

// Where it runs is in the manifest and the background's registrations (utils/content-scripts.ts).
export default defineUnlistedScript({
  async main() {
    if (window.top !== window) return;
    // Registered and injected copies can meet in one document (a look-alike the user also enabled): start once.
    const marks = window as unknown as Record<symbol, boolean>;
    if (marks[STARTED]) return;
    marks[STARTED] = true;
    const site = await askSite();
    if (!site) {
      marks[STARTED] = false;
      return;
    }
    // Off the page's load path (issue 12): the panel's work (texts, snapshot and step, first render,
    // placement) waits until the page has loaded, or at most PANEL_WAIT_MS when a slow resource holds
    // the load back. A focus before then starts it at once: the guard, listening from document_end,
    // waits for the panel to warn, and the warning must show before the user types.
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
