// The panel's content script: the top frame of official carrier pages (https only).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { officialMatchPatterns } from '../../utils/match-patterns';
import { officialSite } from '../../utils/site-trust';
import { startPanel } from './controller';

export default defineContentScript({
  matches: officialMatchPatterns(),
  runAt: 'document_end',
  // Any page can fire WXT's "script started" event (extension ids are public): never announce or obey it.
  noScriptStartedPostMessage: true,
  cssInjectionMode: 'manual',
  main() {
    if (window.top !== window) return;
    const site = officialSite(location.href);
    if (!site) return;
    void startPanel(site);
  },
});
