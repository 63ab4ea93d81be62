// The message protocol: one table, one row per message the background answers. Each row says who
// may send it (`from`, and `allow` for what more the sender must be), how it is validated (`parse`:
// a message is `unknown` until proven otherwise) and what the background does (`handle`); its reply
// type is what `handle` returns. The router (./router.ts) and the typed `send` of content scripts
// and extension pages (utils/send.ts) both derive from it: a message missing here does not compile
// on either side. The wire requests are ToBackground (utils/messages.ts).
//
// Who may say what, in short: every message must come from this extension (sender.id, checked by
// the router); page-state, detect-step, get-site and page-fight from a tab's top frame; field-focus
// from a sub-frame of a tab whose top frame reported a page-state (its verdict goes to that tab's
// frame 0 only, never to the page); classify-field(s) and probe from any frame; the popup's
// commands from extension pages only; progress, texts, the mark and the checklist from both.
import { CARRIERS } from '../carriers';
import { badgeFor, fightBadge } from './badge';
import { guideOff } from '../guide-off';
import { detectRequest, parseDetectRequest } from '../detect/remote';
import { classifyBatch, classifyRequest, parseClassifyBatch, parseClassifyRequest } from '../fields/remote';
import { isLanguage, pickLanguage } from '../language';
import { MARK_KEY, parseMark, type PersonalMark } from '../mark';
import type { PageState, ProgressAction, ProgressState, ToBackground } from '../messages';
import { isCarrierId, isStorableOrigin } from '../progress';
import { SITE_ACTION_KINDS } from '../progress-actions';
import { officialSite } from '../site-trust';
import { contentMayWrite, currentSite } from './tab-trust';
import { buildTextPack } from '../text-pack';
import type { Language } from '../types';
import { broadcastProgress } from './broadcast';
import type { RouterDeps, SenderLike } from './deps';
import { currentPage, verifiedState } from './page-trust';
import { incognitoOf, incognitoOfTab } from './senders';
import { languageFor, refreshBadges, settingsFor } from './tab-badge';
import type { TabEntry } from './tab-registry';
import { isFieldKind, isObject, isTabId, optionalTabId, parsePageState, parseSignals } from './validate';

/**
 * Who sends: an extension page (popup, checklist), a content script in a tab's top frame, or a
 * content script in any frame of a tab (the top one too).
 */
export type Origin = 'page' | 'top' | 'frame';

/** What a handler knows of the sender. `tab` is the content script's tab (null for an extension page). */
export interface Ctx<O extends Origin = Origin> {
  sender: SenderLike;
  deps: RouterDeps;
  tab: 'page' extends O ? number | null : number;
}

/** A handler's "no": the router answers { ok: false, error: 'rejected' }. */
export const REJECT: unique symbol = Symbol('rejected');

export interface Route<O extends Origin, Req, Rep> {
  from: readonly O[];
  /** What more the sender must be (its frame, its URL), beyond `from`. */
  allow?(ctx: Ctx<O>): boolean;
  /** The message with well-formed fields, or null. */
  parse(raw: Record<string, unknown>): Req | null;
  handle(msg: Req, ctx: Ctx<O>): Rep | typeof REJECT | Promise<Rep | typeof REJECT>;
}

/** Identity, for inference: each row's origins, request and reply types come from its own functions. */
function route<const O extends Origin, Req, Rep>(r: Route<O, Req, Rep>): Route<O, Req, Rep> {
  return r;
}

const ANY = ['page', 'frame'] as const;
const PAGE = ['page'] as const;
const TOP = ['top'] as const;
const FRAME = ['frame'] as const;

const ok = { ok: true } as const;

/** The popup names the tab its change is about: a private window's progress stays in its memory. */
const popupTabId = (msg: { tabId?: number }, { tab }: { tab: number | null }): number | undefined => (tab === null ? msg.tabId : undefined);

/** The message's fields (null: malformed), tagged with its type. */
function tagged<const K extends string, R extends object>(type: K, fields: R | null): (R & { type: K }) | null {
  return fields ? { ...fields, type } : null;
}

const isHttp = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

export const PROTOCOL = {
  'get-progress': route({
    from: ANY,
    parse: (m) => {
      const t = optionalTabId(m);
      return t ? { type: 'get-progress' as const, ...t } : null;
    },
    handle: async (msg, ctx): Promise<ProgressState> =>
      ctx.deps.store.load({ incognito: await incognitoOf(ctx.sender, popupTabId(msg, ctx), ctx.deps) }),
  }),

  'update-progress': route({
    from: ANY,
    parse: (m) => {
      const t = optionalTabId(m);
      // The action itself is validated field by field in applyAction (utils/progress.ts). Site
      // actions must agree with the browser's permissions: only the background applies those.
      if (!t || !isObject(m.action) || typeof m.action.kind !== 'string') return null;
      if (SITE_ACTION_KINDS.includes(m.action.kind)) return null;
      return { type: 'update-progress' as const, action: m.action as unknown as ProgressAction, ...t };
    },
    handle: async (msg, ctx): Promise<ProgressState | typeof REJECT> => {
      const { sender, deps, tab } = ctx;
      // Progress is recorded only from pages that may guide (issue 16): a look-alike cannot write it.
      if (tab !== null && !contentMayWrite(msg.action, await currentSite(sender.url ?? null, tab, deps.sites))) return REJECT;
      const incognito = await incognitoOf(sender, popupTabId(msg, ctx), deps);
      const state = await deps.store.apply(msg.action, { incognito });
      await broadcastProgress(state, incognito, deps);
      if (msg.action.kind === 'settings') await refreshBadges(state.progress.settings, incognito, deps);
      return state;
    },
  }),

  'page-state': route({
    from: TOP,
    allow: ({ sender }) => isHttp(sender.url),
    parse: (m) => {
      const state = parsePageState(m.state);
      return state ? { type: 'page-state' as const, state } : null;
    },
    handle: async (msg, { sender, deps, tab }) => {
      const url = sender.url ?? '';
      const state = await verifiedState(msg.state, url, tab, deps);
      if (!state) return REJECT;
      const incognito = sender.tab?.incognito === true;
      const entry: TabEntry = { state, incognito, host: new URL(url).hostname };
      if (sender.documentId) entry.documentId = sender.documentId;
      const before = await deps.tabs.get(tab);
      // The same document keeps its fight on record (and its mark on the icon).
      if (before?.fighting && before.documentId === entry.documentId && before.host === entry.host) entry.fighting = true;
      await deps.tabs.set(tab, entry);
      const settings = await settingsFor(incognito, deps);
      const lang = settings?.language ?? deps.uiLanguage;
      await deps.setBadge(tab, entry.fighting ? fightBadge(lang) : badgeFor(state, lang, guideOff(settings, entry.host))).catch(() => undefined);
      return ok;
    },
  }),

  'field-focus': route({
    // Only a sub-frame of a page we know, or an about:blank popup that such a page opened and
    // wrote a form into (issue 15: the popup shows its own callout); the verdict goes to that
    // tab's top frame, nowhere else.
    from: FRAME,
    allow: ({ sender }) => (sender.frameId ?? 0) > 0 || isTabId(openerOf(sender)),
    parse: (m) => (m.kind === null || isFieldKind(m.kind) ? { type: 'field-focus' as const, kind: m.kind } : null),
    handle: async (msg, { sender, deps, tab }) => {
      const opener = openerOf(sender);
      const entry = await deps.tabs.get(isTabId(opener) ? opener : tab);
      if (!entry) return REJECT;
      // Field warnings the user turned off in settings (issue 14): no verdict, so no callout in the frame.
      const warningsOff = (await settingsFor(entry.incognito, deps))?.fieldWarnings === false;
      const severity =
        msg.kind === null || warningsOff
          ? null
          : deps.fieldSeverity(msg.kind, { trust: entry.state.trust, step: isTabId(opener) ? null : entry.state.step, verificationPage: false });
      try {
        if (!isTabId(opener)) await deps.sendToTab(tab, { type: 'frame-field', kind: msg.kind, severity }, 0);
      } catch {
        // The top frame's panel is gone; the frame still gets its answer.
      }
      // The frame's callout shows the user's mark (issue 16); the guard reads no storage of its own.
      return { severity, mark: severity ? await storedMark(deps) : null };
    },
  }),

  // The panel's page snapshot (issue 6: the panel's script carries no detectors). Pure: nothing is kept.
  'detect-step': route({
    from: TOP,
    parse: (m) => tagged('detect-step', parseDetectRequest(m)),
    handle: (msg) => detectRequest(msg),
  }),

  // Public texts of the guide, one language (issue 6): any of our content scripts or pages may ask.
  'get-texts': route({
    from: ANY,
    parse: (m) => {
      if (m.carrier !== undefined && !isCarrierId(m.carrier)) return null;
      let lang: Language;
      if (m.lang === undefined) {
        // The panel's first pack: the language comes from the tags it saw (only their shape is read).
        const tag = (v: unknown) => (typeof v === 'string' ? v.slice(0, 64) : null);
        lang = pickLanguage(null, tag(m.pageLang), tag(m.browserLang));
      } else if (isLanguage(m.lang)) {
        lang = m.lang;
      } else {
        return null;
      }
      return m.carrier === undefined ? { type: 'get-texts' as const, lang } : { type: 'get-texts' as const, lang, carrier: m.carrier };
    },
    // The panel (which names its carrier) gets its stylesheet and the shortcut's keys with the texts.
    handle: async (msg, { deps }) => {
      const pack = buildTextPack(msg.lang, msg.carrier);
      if (msg.carrier === undefined) return pack;
      const shortcut = deps.panelShortcut ? await deps.panelShortcut() : null;
      return { ...pack, shortcut, ...(deps.panelCss ? { css: deps.panelCss } : {}) };
    },
  }),

  // The guard, any frame (issue 6: the content scripts carry no classifier). Pure: nothing is kept.
  // The warning's texts speak the panel's language: the user's choice, else the frame's page's, else
  // the browser's (the guard carries no language rules).
  'classify-field': route({
    from: FRAME,
    parse: (m) => tagged('classify-field', parseClassifyRequest(m)),
    handle: async ({ field, form, pageLang }, { deps, tab }) => {
      const settings = await settingsFor(await incognitoOfTab(tab, deps), deps);
      return classifyRequest({ field, form, lang: pickLanguage(settings?.language ?? null, pageLang, deps.uiLanguage) });
    },
  }),

  // The top frame's guard, ahead of focus (whole forms, within utils/fields/limits.ts). Pure: nothing is kept.
  'classify-fields': route({
    from: FRAME,
    parse: (m) => tagged('classify-fields', parseClassifyBatch(m)),
    handle: (msg) => classifyBatch(msg),
  }),

  'panel-command': route({
    from: PAGE,
    parse: (m) => {
      const command: 'open' | 'collapse' | null = m.command === 'open' || m.command === 'collapse' ? m.command : null;
      return isTabId(m.tabId) && command ? { type: 'panel-command' as const, tabId: m.tabId, command } : null;
    },
    handle: async (msg, { deps }): Promise<{ ok: boolean }> => {
      try {
        await deps.sendToTab(msg.tabId, { type: 'panel-command', command: msg.command }, 0);
        return ok;
      } catch {
        return { ok: false };
      }
    },
  }),

  'get-tab-state': route({
    from: PAGE,
    parse: (m) => (isTabId(m.tabId) ? { type: 'get-tab-state' as const, tabId: m.tabId } : null),
    handle: async (msg, { deps }): Promise<TabStateReply> => {
      const entry = await deps.tabs.get(msg.tabId);
      const incognito = entry ? entry.incognito : await incognitoOfTab(msg.tabId, deps);
      const progress = await deps.store.load({ incognito });
      const page = await currentPage(msg.tabId, entry?.state ?? null, deps);
      return { tabId: msg.tabId, page, incognito, progress, ...(page && entry?.fighting ? { fighting: true } : {}) };
    },
  }),

  'get-site': route({
    from: TOP,
    allow: ({ sender }) => !!sender.url,
    parse: () => ({ type: 'get-site' as const }),
    handle: async (_msg, { sender, deps, tab }) => {
      const url = sender.url ?? '';
      return { site: officialSite(url, CARRIERS) ?? (deps.sites ? await deps.sites.siteFor(url, tab) : null) };
    },
  }),

  // Any frame, blob: and data: documents too (issue 16); a frame's verdict is about the tab's top page.
  'probe': route({
    from: FRAME,
    allow: ({ sender, deps }) => !!deps.sites && /^(?:https?:\/\/|blob:|data:)/i.test(sender.url ?? ''),
    parse: (m) => {
      const signals = parseSignals(m.signals);
      return signals ? { type: 'probe' as const, signals } : null;
    },
    handle: (msg, { sender, deps, tab }) => {
      const topUrl = sender.frameId === 0 ? (sender.url ?? null) : (sender.tab?.url ?? null);
      return deps.sites ? deps.sites.probe(tab, sender.url ?? '', msg.signals, sender.documentId, topUrl) : REJECT;
    },
  }),

  'enable-site': route({
    from: PAGE,
    parse: (m) =>
      isStorableOrigin(m.origin) && isCarrierId(m.carrier) ? { type: 'enable-site' as const, origin: m.origin, carrier: m.carrier } : null,
    handle: (msg, { deps }) => (deps.sites ? deps.sites.enable(msg.origin, msg.carrier) : REJECT),
  }),

  'disable-site': route({
    from: PAGE,
    parse: (m) => (isStorableOrigin(m.origin) ? { type: 'disable-site' as const, origin: m.origin } : null),
    handle: (msg, { deps }) => (deps.sites ? deps.sites.disable(msg.origin) : REJECT),
  }),

  'set-lookalike': route({
    from: PAGE,
    parse: (m) => (typeof m.on === 'boolean' ? { type: 'set-lookalike' as const, on: m.on } : null),
    handle: (msg, { deps }) => (deps.sites ? deps.sites.setLookalike(msg.on) : REJECT),
  }),

  // The top frame's panel says its page keeps hiding it: the icon says so too (no page can clear it).
  'page-fight': route({
    from: TOP,
    parse: () => ({ type: 'page-fight' as const }),
    handle: async (_msg, { deps, tab }) => {
      const entry = await deps.tabs.get(tab);
      if (!entry) return REJECT;
      await deps.tabs.set(tab, { ...entry, fighting: true });
      await deps.setBadge(tab, fightBadge(await languageFor(entry.incognito, deps))).catch(() => undefined);
      return ok;
    },
  }),

  // Our own panel (top frame) and pages only: the mark is shown inside the closed shadow root.
  'get-mark': route({
    from: ['page', 'top'],
    parse: () => ({ type: 'get-mark' as const }),
    handle: async (_msg, { deps }) => ({ mark: await storedMark(deps) }),
  }),

  'set-mark': route({
    from: PAGE,
    parse: (m) => {
      const mark = m.mark === null ? null : parseMark(m.mark);
      return mark || m.mark === null ? { type: 'set-mark' as const, mark } : null;
    },
    handle: async (msg, { deps }): Promise<{ ok: boolean } | typeof REJECT> => {
      if (!deps.markArea) return REJECT;
      try {
        await deps.markArea.set({ [MARK_KEY]: msg.mark });
        return ok;
      } catch {
        return { ok: false };
      }
    },
  }),

  // The panel's "Settings" (top frame) and our own pages; never a frame of the page.
  'open-page': route({
    from: ['page', 'top'],
    parse: (m) => {
      const page: 'options' | 'welcome' | null = m.page === 'options' ? 'options' : m.page === 'welcome' ? 'welcome' : null;
      return page ? { type: 'open-page' as const, page } : null;
    },
    handle: async (msg, { deps }): Promise<{ ok: boolean } | typeof REJECT> => {
      if (!deps.openPage) return REJECT;
      try {
        await deps.openPage(msg.page);
        return ok;
      } catch {
        return { ok: false };
      }
    },
  }),

  'open-checklist': route({
    from: ['page', 'top'],
    parse: (m) => (isCarrierId(m.carrier) && isLanguage(m.lang) ? { type: 'open-checklist' as const, carrier: m.carrier, lang: m.lang } : null),
    handle: async (msg, { sender, deps }): Promise<{ ok: boolean }> => {
      const near = { windowId: sender.tab?.windowId, tabId: sender.tab?.id, incognito: sender.tab?.incognito === true };
      try {
        await deps.openChecklist(msg.carrier, msg.lang, near);
        return ok;
      } catch {
        return { ok: false };
      }
    },
  }),
} satisfies { [K in MessageType]: { from: readonly Origin[]; parse(raw: Record<string, unknown>): { type: K } | null } };

/** The user's personal mark, or null (none set, or unreadable storage). */
async function storedMark(deps: RouterDeps): Promise<PersonalMark | null> {
  try {
    return parseMark((await deps.markArea?.get(MARK_KEY))?.[MARK_KEY]);
  } catch {
    return null;
  }
}

/** An about:blank popup's opener tab (issue 15), when the sender is such a popup's top frame. */
function openerOf(sender: SenderLike): number | undefined {
  return sender.frameId === 0 && /^about:/i.test(sender.url ?? '') ? sender.tab?.openerTabId : undefined;
}

export interface TabStateReply {
  tabId: number;
  page: PageState | null;
  /** The tab's page keeps hiding or covering the panel (issue 16). */
  fighting?: boolean;
  incognito: boolean;
  progress: ProgressState;
}

export type MessageType = ToBackground['type'];
type Protocol = typeof PROTOCOL;
/** What the background answers to a message of type K (when it does not refuse it). */
export type ReplyOf<K extends MessageType> = Exclude<Awaited<ReturnType<Protocol[K]['handle']>>, typeof REJECT>;
/** The message as the background reads it after validation. */
type ParsedOf<K extends MessageType> = NonNullable<ReturnType<Protocol[K]['parse']>>;

/** The message, if it is one we know with well-formed fields; otherwise null. */
export function parseMessage(raw: unknown): ParsedOf<MessageType> | null {
  if (!isObject(raw) || typeof raw.type !== 'string' || !Object.hasOwn(PROTOCOL, raw.type)) return null;
  return PROTOCOL[raw.type as MessageType].parse(raw);
}
