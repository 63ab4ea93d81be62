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

async function askSite(): Promise<PageSite | null> {
  const reply = await send({ type: 'get-site' });
  return reply.ok ? reply.value.site : null;
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
    void startPanel(site);
  },
});
