// Messages to the background, validated at the door (a message is `unknown` until proven otherwise).
import { parseDetectRequest } from '../detect/remote';
import { parseClassifyBatch, parseClassifyRequest } from '../fields/remote';
import { isLanguage, pickLanguage } from '../language';
import { parseMark } from '../mark';
import type { ProgressAction, ToBackground } from '../messages';
import { SITE_ACTION_KINDS, isCarrierId, isStorableOrigin } from '../progress';
import { isFieldKind, isObject, isTabId, optionalTabId, parsePageState, parseSignals } from './validate';

/**
 * The popup tells which tab its change is about, so a change made in a private window stays in
 * that window's memory-only progress. (Proposed for utils/messages.ts as an optional field.)
 */
export type RouterMessage =
  | Exclude<ToBackground, { type: 'update-progress' } | { type: 'get-progress' }>
  | { type: 'update-progress'; action: ProgressAction; tabId?: number }
  | { type: 'get-progress'; tabId?: number };

/** The message, if it is one we know with well-formed fields; otherwise null. */
export function parseMessage(raw: unknown): RouterMessage | null {
  if (!isObject(raw)) return null;
  switch (raw.type) {
    case 'get-progress': {
      const t = optionalTabId(raw);
      return t ? { type: 'get-progress', ...t } : null;
    }
    case 'update-progress': {
      const t = optionalTabId(raw);
      // The action itself is validated field by field in applyAction (utils/progress.ts). Site
      // actions must agree with the browser's permissions: only the background applies those.
      if (!t || !isObject(raw.action) || typeof raw.action.kind !== 'string') return null;
      if (SITE_ACTION_KINDS.includes(raw.action.kind)) return null;
      return { type: 'update-progress', action: raw.action as unknown as ProgressAction, ...t };
    }
    case 'page-state': {
      const state = parsePageState(raw.state);
      return state ? { type: 'page-state', state } : null;
    }
    case 'field-focus':
      return raw.kind === null || isFieldKind(raw.kind) ? { type: 'field-focus', kind: raw.kind } : null;
    case 'classify-field': {
      const req = parseClassifyRequest(raw);
      return req ? { type: 'classify-field', ...req } : null;
    }
    case 'classify-fields': {
      const batch = parseClassifyBatch(raw);
      return batch ? { type: 'classify-fields', ...batch } : null;
    }
    case 'detect-step': {
      const req = parseDetectRequest(raw);
      return req ? { type: 'detect-step', ...req } : null;
    }
    case 'get-texts':
      if (raw.carrier !== undefined && !isCarrierId(raw.carrier)) return null;
      if (raw.lang === undefined) {
        // The panel's first pack: the language comes from the tags it saw (only their shape is read).
        const tag = (v: unknown) => (typeof v === 'string' ? v.slice(0, 64) : null);
        const lang = pickLanguage(null, tag(raw.pageLang), tag(raw.browserLang));
        return raw.carrier === undefined ? { type: 'get-texts', lang } : { type: 'get-texts', lang, carrier: raw.carrier };
      }
      if (!isLanguage(raw.lang)) return null;
      return raw.carrier === undefined ? { type: 'get-texts', lang: raw.lang } : { type: 'get-texts', lang: raw.lang, carrier: raw.carrier };
    case 'panel-command':
      if (!isTabId(raw.tabId) || (raw.command !== 'open' && raw.command !== 'collapse')) return null;
      return { type: 'panel-command', tabId: raw.tabId, command: raw.command };
    case 'get-tab-state':
      return isTabId(raw.tabId) ? { type: 'get-tab-state', tabId: raw.tabId } : null;
    case 'open-checklist':
      if (!isCarrierId(raw.carrier) || !isLanguage(raw.lang)) return null;
      return { type: 'open-checklist', carrier: raw.carrier, lang: raw.lang };
    case 'get-site':
      return { type: 'get-site' };
    case 'probe': {
      const signals = parseSignals(raw.signals);
      return signals ? { type: 'probe', signals } : null;
    }
    case 'enable-site':
      if (!isStorableOrigin(raw.origin) || !isCarrierId(raw.carrier)) return null;
      return { type: 'enable-site', origin: raw.origin, carrier: raw.carrier };
    case 'disable-site':
      return isStorableOrigin(raw.origin) ? { type: 'disable-site', origin: raw.origin } : null;
    case 'set-lookalike':
      return typeof raw.on === 'boolean' ? { type: 'set-lookalike', on: raw.on } : null;
    case 'page-fight':
      return { type: 'page-fight' };
    case 'get-mark':
      return { type: 'get-mark' };
    case 'set-mark': {
      const mark = raw.mark === null ? null : parseMark(raw.mark);
      return mark || raw.mark === null ? { type: 'set-mark', mark } : null;
    }
    default:
      return null;
  }
}
