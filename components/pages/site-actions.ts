// Enabled sites and the look-alike warning, for the popup and the settings page. Each asks the
// browser for the permission synchronously inside the user's click (no await may come first);
// the background finishes on permissions.onAdded if the page closes while the prompt is open.
import { browser } from 'wxt/browser';
import { ALL_SITES, originPattern } from '../../utils/site-trust';
import type { SiteActions, SiteResult } from '../popup/SiteAccess';
import { send } from './runtime';

export function createSiteActions(refresh: () => void): SiteActions {
  return {
    enableSite(origin, carrier): Promise<SiteResult> {
      // Tell the background first (not awaited) which carrier the user picked.
      const msg = { type: 'enable-site', origin, carrier } as const;
      void send(msg);
      // Synchronously, inside the click's user gesture: no await may come before this call.
      const request = browser.permissions.request({ origins: [originPattern(origin)] });
      return request
        .then(async (granted) => {
          if (!granted) return 'refused' as const;
          const reply = await send(msg);
          return reply?.ok ? ('done' as const) : ('pending' as const);
        })
        .catch(() => 'refused' as const)
        .finally(refresh);
    },
    disableSite(origin) {
      void send({ type: 'disable-site', origin }).then(refresh);
    },
    setLookalike(on): Promise<SiteResult> {
      if (!on) return send({ type: 'set-lookalike', on: false }).then(() => 'done' as const).finally(refresh);
      void send({ type: 'set-lookalike', on: true });
      // Synchronously, inside the change event's user gesture.
      const request = browser.permissions.request({ origins: [ALL_SITES] });
      return request
        .then(async (granted) => {
          if (!granted) return 'refused' as const;
          const reply = await send({ type: 'set-lookalike', on: true });
          return reply?.ok ? ('done' as const) : ('pending' as const);
        })
        .catch(() => 'refused' as const)
        .finally(refresh);
    },
  };
}
