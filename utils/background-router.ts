// The background's message router, kept free of the real browser so it can be tested: every
// browser call goes through `deps`. entrypoints/background.ts only wires it.
//
// Who may say what:
// - every message must come from this extension (sender.id);
// - page-state: a content script in a tab's top frame; the trust it claims is checked against
//   the sender's URL (a page cannot make the toolbar say "official");
// - field-focus: a sub-frame (frameId > 0) of a tab whose top frame reported a page-state;
//   forwarded to that tab's frame 0 only, never to the page;
// - classify-field, classify-fields: a content script in any frame of a tab (pure answers, nothing kept);
// - panel-command, get-tab-state: extension pages (the popup);
// - get-progress, update-progress, open-checklist: content scripts and extension pages.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { badgeFor, fightBadge, type Badge } from './badge';
import { guideOff } from './guide-off';
import { isLanguage } from './language';
import { detectRequest, parseDetectRequest } from './detect/remote';
import { classifyBatch, classifyRequest, parseClassifyBatch, parseClassifyRequest, type ClassifyAnswer } from './fields/remote';
import { buildTextPack, type TextPack } from './text-pack';
import type { ProbeSignals } from './lookalike';
import type { PageState, ProgressAction, ProgressState, ToBackground, ToContent } from './messages';
import { SITE_ACTION_KINDS, isCarrierId, isStepId, isStorableOrigin } from './progress';
import type { ProgressStore, StorageAreaLike } from './progress-store';
import type { SiteService } from './site-registry';
import { officialSite, type PageSite } from './site-trust';
import { contentMayWrite, currentSite } from './tab-trust';
import { MARK_KEY, parseMark, type PersonalMark } from './mark';
import { pickLanguage } from './language';
import {
  FIELD_KINDS,
  type CarrierId,
  type FieldKind,
  type Language,
  type Settings,
  type Severity,
  type SiteTrust,
  type StepSignal,
  type StepId,
} from './types';

// ---------------------------------------------------------------------------------------------
// Messages: validated at the door (a message is `unknown` until proven otherwise)

/**
 * The popup tells which tab its change is about, so a change made in a private window stays in
 * that window's memory-only progress. (Proposed for utils/messages.ts as an optional field.)
 */
export type RouterMessage =
  | Exclude<ToBackground, { type: 'update-progress' } | { type: 'get-progress' }>
  | { type: 'update-progress'; action: ProgressAction; tabId?: number }
  | { type: 'get-progress'; tabId?: number };

const TRUSTS: readonly SiteTrust[] = ['official', 'enabled', 'suspicious'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isFieldKind(value: unknown): value is FieldKind {
  return typeof value === 'string' && (FIELD_KINDS as readonly string[]).includes(value);
}

function optionalTabId(m: Record<string, unknown>): { tabId?: number } | null {
  if (m.tabId === undefined) return {};
  return isTabId(m.tabId) ? { tabId: m.tabId } : null;
}

function parsePageState(value: unknown): PageState | null {
  if (!isObject(value)) return null;
  const { carrier, trust, step } = value;
  if (!isCarrierId(carrier) || !TRUSTS.includes(trust as SiteTrust)) return null;
  if (step !== null && !isStepId(step)) return null;
  return { carrier, trust: trust as SiteTrust, step: step as StepId | null };
}

function parseSignals(value: unknown): ProbeSignals | null {
  if (!isObject(value)) return null;
  const { passwordField, cardField, brands, signInWords, lureWords } = value;
  if (typeof passwordField !== 'boolean' || typeof cardField !== 'boolean') return null;
  if (typeof signInWords !== 'boolean' || typeof lureWords !== 'boolean') return null;
  if (!Array.isArray(brands) || brands.length > 7 || !brands.every(isCarrierId)) return null;
  const signals: ProbeSignals = { passwordField, cardField, brands: [...new Set(brands)], signInWords, lureWords };
  // Issue 16: the kinds a "cancel your service" page asks for, and the page's words (capped) that the background reads.
  for (const key of ['idField', 'otpField'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'boolean') return null;
    signals[key] = value[key];
  }
  for (const key of ['text', 'words'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'string' || value[key].length > 10_000) return null;
    signals[key] = value[key];
  }
  return signals;
}

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
    case 'open-page':
      return raw.page === 'options' || raw.page === 'welcome' ? { type: 'open-page', page: raw.page } : null;
    case 'set-mark': {
      const mark = raw.mark === null ? null : parseMark(raw.mark);
      return mark || raw.mark === null ? { type: 'set-mark', mark } : null;
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Tabs that told us their page state. Kept in storage.session where there is one (memory only,
// never on disk) so a restarted service worker still knows them; validated on every read.

interface TabEntry {
  state: PageState;
  incognito: boolean;
  /** Chrome's id of the document that reported, so a late disconnect of an old page is ignored. */
  documentId?: string;
  /** The reporting page's host (never the URL): a navigation elsewhere clears the entry (utils/tab-navigation.ts). */
  host?: string;
  /** The page keeps hiding or covering the panel (issue 16). */
  fighting?: boolean;
}

export interface TabRegistry {
  get(tabId: number): Promise<TabEntry | undefined>;
  set(tabId: number, entry: TabEntry): Promise<void>;
  delete(tabId: number): Promise<boolean>;
  entries(): Promise<[number, TabEntry][]>;
}

const REGISTRY_KEY = 'tabs';

function parseTabEntry(value: unknown): TabEntry | null {
  if (!isObject(value) || typeof value.incognito !== 'boolean') return null;
  const state = parsePageState(value.state);
  if (!state) return null;
  const entry: TabEntry = { state, incognito: value.incognito };
  if (typeof value.documentId === 'string' && value.documentId.length <= 64) entry.documentId = value.documentId;
  if (typeof value.host === 'string' && value.host.length <= 253) entry.host = value.host;
  if (value.fighting === true) entry.fighting = true;
  return entry;
}

export function createTabRegistry(session: StorageAreaLike | null): TabRegistry {
  const tabs = new Map<number, TabEntry>();
  let hydrated: Promise<void> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const hydrate = () =>
    (hydrated ??= (async () => {
      if (!session) return;
      try {
        const raw = (await session.get(REGISTRY_KEY))?.[REGISTRY_KEY];
        if (!isObject(raw)) return;
        for (const [key, value] of Object.entries(raw)) {
          const id = Number(key);
          const entry = parseTabEntry(value);
          // Entries set since start-up are newer than what the session remembers.
          if (isTabId(id) && entry && !tabs.has(id)) tabs.set(id, entry);
        }
      } catch {
        // Memory only, then.
      }
    })());

  const persist = () => {
    if (!session) return Promise.resolve();
    const snapshot = Object.fromEntries([...tabs].map(([id, e]) => [String(id), e]));
    const run = queue.then(() => session.set({ [REGISTRY_KEY]: snapshot })).catch(() => undefined);
    queue = run;
    return run;
  };

  return {
    async get(tabId) {
      await hydrate();
      return tabs.get(tabId);
    },
    async set(tabId, entry) {
      await hydrate();
      tabs.set(tabId, entry);
      await persist();
    },
    async delete(tabId) {
      await hydrate();
      const had = tabs.delete(tabId);
      if (had) await persist();
      return had;
    },
    async entries() {
      await hydrate();
      return [...tabs];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The router

export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  documentId?: string;
  tab?: { id?: number; incognito?: boolean; windowId?: number; openerTabId?: number; url?: string };
}

interface FieldContext {
  trust: SiteTrust;
  step: StepId | null;
  verificationPage: boolean;
}

export interface RouterDeps {
  runtimeId: string;
  /** The extension's own base URL (runtime.getURL('/')): extension pages' URLs start with it. */
  extensionUrl: string;
  store: ProgressStore;
  tabs: TabRegistry;
  /** tabs.sendMessage; `frameId` 0 = the tab's top frame. */
  sendToTab(tabId: number, msg: ToContent, frameId: number): Promise<unknown>;
  setBadge(tabId: number, badge: Badge): Promise<void>;
  fieldSeverity(kind: FieldKind, ctx: FieldContext): Severity;
  /** tabs.get(tabId).incognito, or null when the tab is unknown. */
  tabIncognito(tabId: number): Promise<boolean | null>;
  openChecklist(carrier: CarrierId, lang: Language, near: { windowId?: number; tabId?: number; incognito: boolean }): Promise<void>;
  /** The browser's interface language, for the toolbar title when the user chose none. */
  uiLanguage: Language;
  /** Enabled sites and the look-alike warning (utils/site-registry.ts); absent = official sites only. */
  sites?: SiteService;
  /** Where the personal mark is kept (storage.local); absent: no mark. */
  markArea?: StorageAreaLike | null;
  /** Opens the settings (options) page or the welcome page (issue 14); absent: cannot. */
  openPage?(page: 'options' | 'welcome'): Promise<void>;
  /** The tab's current address (tabs.get), or null when unknown or not ours to read. Absent: unknown. */
  tabUrl?(tabId: number): Promise<string | null>;
}

type Rejected = { error: 'rejected' | 'invalid' };
export interface TabStateReply {
  tabId: number;
  page: PageState | null;
  /** The tab's page keeps hiding or covering the panel (issue 16). */
  fighting?: boolean;
  incognito: boolean;
  progress: ProgressState;
}
export type RouterReply =
  | ProgressState
  | TabStateReply
  | { ok: boolean; pending?: boolean }
  | { severity: Severity | null }
  | ClassifyAnswer
  | { signal: StepSignal | null }
  | { kinds: (FieldKind | null)[][] }
  | TextPack
  | { site: PageSite | null }
  | { suspicious: boolean }
  | { mark: PersonalMark | null }
  | Rejected;

const REJECTED: Rejected = { error: 'rejected' };

function isExtensionPage(sender: SenderLike, deps: RouterDeps): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(deps.extensionUrl);
}

/**
 * A content script's tab: a sender in a tab whose document is a web page, or a frame that
 * inherits one (about:blank, about:srcdoc, blob: frames that payment forms are written into).
 */
function contentTab(sender: SenderLike, deps: RouterDeps): number | null {
  const id = sender.tab?.id;
  if (!isTabId(id) || typeof sender.url !== 'string' || isExtensionPage(sender, deps)) return null;
  return /^(?:https?:\/\/|about:|blob:|data:)/i.test(sender.url) ? id : null;
}

async function incognitoOfTab(tabId: number, deps: RouterDeps): Promise<boolean> {
  const known = await deps.tabs.get(tabId);
  if (known) return known.incognito;
  try {
    return (await deps.tabIncognito(tabId)) ?? false;
  } catch {
    return false;
  }
}

/** Which progress a sender sees: its tab's window kind; the popup names its tab. */
async function incognitoOf(sender: SenderLike, tabId: number | undefined, deps: RouterDeps): Promise<boolean> {
  if (contentTab(sender, deps) !== null) return sender.tab?.incognito === true;
  if (tabId !== undefined) return incognitoOfTab(tabId, deps);
  return sender.tab?.incognito === true;
}

/**
 * The trust we believe: "official" only when the sender's own URL is an official host of that
 * carrier; "enabled" only when the sender's origin really is a site the user enabled (with the
 * carrier they chose), otherwise null: refused. "suspicious" can only hurt the page that says it.
 */
async function verifiedState(state: PageState, url: string, tabId: number, deps: RouterDeps): Promise<PageState | null> {
  if (state.trust === 'official') {
    const site = officialSite(url);
    return site && site.carrier === state.carrier ? state : { ...state, trust: 'suspicious', step: null };
  }
  if (state.trust === 'enabled') {
    const site = deps.sites ? await deps.sites.siteFor(url, tabId) : null;
    if (site?.trust === 'suspicious') return { carrier: site.carrier, trust: 'suspicious', step: null };
    return site?.trust === 'enabled' ? { ...state, carrier: site.carrier } : null;
  }
  // No step is ever recorded for a suspicious page (issue 16).
  return { ...state, step: null };
}

async function languageFor(incognito: boolean, deps: RouterDeps): Promise<Language> {
  try {
    const { progress } = await deps.store.load({ incognito });
    return progress.settings.language ?? deps.uiLanguage;
  } catch {
    return deps.uiLanguage;
  }
}

/** The settings a window kind's progress holds, or null when they cannot be read. */
async function settingsFor(incognito: boolean, deps: RouterDeps): Promise<Settings | null> {
  try {
    return (await deps.store.load({ incognito })).progress.settings;
  } catch {
    return null;
  }
}

/** The toolbar icon of every known tab of that window kind, after the guide was turned off or on (issue 14). */
async function refreshBadges(settings: Settings, incognito: boolean, deps: RouterDeps): Promise<void> {
  const lang = settings.language ?? deps.uiLanguage;
  const targets = (await deps.tabs.entries()).filter(([, e]) => e.incognito === incognito && !e.fighting);
  await Promise.all(targets.map(([tabId, e]) => deps.setBadge(tabId, badgeFor(e.state, lang, guideOff(settings, e.host))).catch(() => undefined)));
}

/** Sends the new progress to every tab with a panel in the same kind of window. */
async function broadcastProgress(state: ProgressState, incognito: boolean, deps: RouterDeps): Promise<void> {
  const msg: ToContent = { type: 'progress', state };
  const targets = (await deps.tabs.entries()).filter(([, e]) => e.incognito === incognito);
  await Promise.all(
    targets.map(async ([tabId]) => {
      try {
        await deps.sendToTab(tabId, msg, 0);
      } catch {
        // The panel is gone (tab navigated away or closed): forget it.
        await deps.tabs.delete(tabId);
      }
    }),
  );
}

export async function handleMessage(raw: unknown, sender: SenderLike, deps: RouterDeps): Promise<RouterReply> {
  if (sender.id !== deps.runtimeId) return REJECTED;
  const msg = parseMessage(raw);
  if (!msg) return { error: 'invalid' };
  const fromPage = isExtensionPage(sender, deps);
  const tab = fromPage ? null : contentTab(sender, deps);
  if (!fromPage && tab === null) return REJECTED;

  switch (msg.type) {
    case 'get-progress': {
      const incognito = await incognitoOf(sender, fromPage ? msg.tabId : undefined, deps);
      return deps.store.load({ incognito });
    }

    case 'update-progress': {
      // Progress is recorded only from pages that may guide (issue 16): a look-alike cannot write it.
      if (tab !== null && !contentMayWrite(msg.action, await currentSite(sender.url ?? null, tab, deps.sites))) return REJECTED;
      const incognito = await incognitoOf(sender, fromPage ? msg.tabId : undefined, deps);
      const state = await deps.store.apply(msg.action, { incognito });
      await broadcastProgress(state, incognito, deps);
      if (msg.action.kind === 'settings') await refreshBadges(state.progress.settings, incognito, deps);
      return state;
    }

    case 'page-state': {
      if (tab === null || sender.frameId !== 0 || !sender.url || !/^https?:\/\//i.test(sender.url)) return REJECTED;
      const state = await verifiedState(msg.state, sender.url, tab, deps);
      if (!state) return REJECTED;
      const incognito = sender.tab?.incognito === true;
      const entry: TabEntry = { state, incognito, host: new URL(sender.url).hostname };
      if (sender.documentId) entry.documentId = sender.documentId;
      const before = await deps.tabs.get(tab);
      // The same document keeps its fight on record (and its mark on the icon).
      if (before?.fighting && before.documentId === entry.documentId && before.host === entry.host) entry.fighting = true;
      await deps.tabs.set(tab, entry);
      const settings = await settingsFor(incognito, deps);
      const lang = settings?.language ?? deps.uiLanguage;
      await deps.setBadge(tab, entry.fighting ? fightBadge(lang) : badgeFor(state, lang, guideOff(settings, entry.host))).catch(() => undefined);
      return { ok: true };
    }

    case 'field-focus': {
      // Only a sub-frame of a page we know, or an about:blank popup that such a page opened and
      // wrote a form into (issue 15: the popup shows its own callout); the verdict goes to that
      // tab's top frame, nowhere else.
      const opener = sender.frameId === 0 && /^about:/i.test(sender.url ?? '') ? sender.tab?.openerTabId : undefined;
      if (tab === null || typeof sender.frameId !== 'number' || (sender.frameId <= 0 && !isTabId(opener))) return REJECTED;
      const entry = await deps.tabs.get(isTabId(opener) ? opener : tab);
      if (!entry) return REJECTED;
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
      return { severity };
    }

    case 'detect-step':
      // The panel's page snapshot (issue 6: the panel's script carries no detectors). Pure: nothing is kept.
      if (tab === null || sender.frameId !== 0) return REJECTED;
      return detectRequest(msg);

    case 'get-texts':
      // Public texts of the guide, one language (issue 6): any of our content scripts or pages may ask.
      return buildTextPack(msg.lang ?? 'en', msg.carrier);

    case 'classify-field': {
      // The guard, any frame (issue 6: the content scripts carry no classifier). Pure: nothing is kept.
      if (tab === null || typeof sender.frameId !== 'number' || sender.frameId < 0) return REJECTED;
      return classifyRequest(msg);
    }

    case 'classify-fields': {
      // The top frame's guard, ahead of focus (whole forms, within utils/fields/limits.ts). Pure: nothing is kept.
      if (tab === null || typeof sender.frameId !== 'number' || sender.frameId < 0) return REJECTED;
      return classifyBatch(msg);
    }

    case 'panel-command': {
      if (!fromPage) return REJECTED;
      try {
        await deps.sendToTab(msg.tabId, { type: 'panel-command', command: msg.command }, 0);
        return { ok: true };
      } catch {
        return { ok: false };
      }
    }

    case 'get-tab-state': {
      if (!fromPage) return REJECTED;
      const entry = await deps.tabs.get(msg.tabId);
      const incognito = entry ? entry.incognito : await incognitoOfTab(msg.tabId, deps);
      const progress = await deps.store.load({ incognito });
      const page = await currentPage(msg.tabId, entry?.state ?? null, deps);
      return { tabId: msg.tabId, page, incognito, progress, ...(page && entry?.fighting ? { fighting: true } : {}) };
    }

    case 'get-site': {
      if (tab === null || sender.frameId !== 0 || !sender.url) return REJECTED;
      const official = officialSite(sender.url);
      if (official) return { site: official };
      return { site: deps.sites ? await deps.sites.siteFor(sender.url, tab) : null };
    }

    case 'probe': {
      // Any frame, blob: and data: documents too (issue 16); a frame's verdict is about the tab's top page.
      if (tab === null || typeof sender.frameId !== 'number' || !sender.url || !/^(?:https?:\/\/|blob:|data:)/i.test(sender.url) || !deps.sites) return REJECTED;
      const topUrl = sender.frameId === 0 ? sender.url : (sender.tab?.url ?? null);
      return deps.sites.probe(tab, sender.url, msg.signals, sender.documentId, topUrl);
    }

    case 'enable-site': {
      if (!fromPage || !deps.sites) return REJECTED;
      return deps.sites.enable(msg.origin, msg.carrier);
    }

    case 'disable-site': {
      if (!fromPage || !deps.sites) return REJECTED;
      return deps.sites.disable(msg.origin);
    }

    case 'set-lookalike': {
      if (!fromPage || !deps.sites) return REJECTED;
      return deps.sites.setLookalike(msg.on);
    }

    case 'page-fight': {
      // The top frame's panel says its page keeps hiding it: the icon says so too (no page can clear it).
      if (tab === null || sender.frameId !== 0) return REJECTED;
      const entry = await deps.tabs.get(tab);
      if (!entry) return REJECTED;
      await deps.tabs.set(tab, { ...entry, fighting: true });
      await deps.setBadge(tab, fightBadge(await languageFor(entry.incognito, deps))).catch(() => undefined);
      return { ok: true };
    }

    case 'get-mark': {
      // Our own panel (top frame) and pages only: the mark is shown inside the closed shadow root.
      if (tab !== null && sender.frameId !== 0) return REJECTED;
      try {
        return { mark: parseMark((await deps.markArea?.get(MARK_KEY))?.[MARK_KEY]) };
      } catch {
        return { mark: null };
      }
    }

    case 'set-mark': {
      if (!fromPage || !deps.markArea) return REJECTED;
      try {
        await deps.markArea.set({ [MARK_KEY]: msg.mark });
        return { ok: true };
      } catch {
        return { ok: false };
      }
    }

    case 'open-page': {
      // The panel's "Settings" (top frame) and our own pages; never a frame of the page.
      if ((tab !== null && sender.frameId !== 0) || !deps.openPage) return REJECTED;
      try {
        await deps.openPage(msg.page);
        return { ok: true };
      } catch {
        return { ok: false };
      }
    }

    case 'open-checklist': {
      if (tab !== null && sender.frameId !== 0) return REJECTED;
      const near = { windowId: sender.tab?.windowId, tabId: sender.tab?.id, incognito: sender.tab?.incognito === true };
      try {
        await deps.openChecklist(msg.carrier, msg.lang, near);
        return { ok: true };
      } catch {
        return { ok: false };
      }
    }
  }
}

/**
 * The page state the popup shows: trust and carrier from the tab's address NOW (issue 16, item 4);
 * the step a panel reported only when that report agrees with it.
 */
async function currentPage(tabId: number, reported: PageState | null, deps: RouterDeps): Promise<PageState | null> {
  if (!deps.tabUrl) return reported;
  const url = await deps.tabUrl(tabId).catch(() => null);
  const site = await currentSite(url, tabId, deps.sites);
  if (!site) return null;
  const same = reported && reported.trust === site.trust && reported.carrier === site.carrier;
  return { carrier: site.carrier, trust: site.trust, step: same && site.trust !== 'suspicious' ? reported.step : null };
}

// ---------------------------------------------------------------------------------------------
// Tab life cycle

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

/** The keyboard shortcut: focus the panel in the active tab. */
export async function handleCommand(
  command: string,
  tabId: number | undefined,
  deps: Pick<RouterDeps, 'sendToTab'> & { activeTabId(): Promise<number | undefined> },
): Promise<void> {
  if (command !== 'focus-panel') return;
  const id = tabId ?? (await deps.activeTabId());
  if (id === undefined) return;
  await deps.sendToTab(id, { type: 'panel-command', command: 'focus' }, 0).catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------
// Install and update: Chrome does not inject content scripts into tabs that are already open.

export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  css?: string[];
  all_frames?: boolean;
}

export interface InjectDeps {
  contentScripts: ManifestContentScript[];
  queryTabs(): Promise<{ id?: number; url?: string }[]>;
  executeScript(tabId: number, allFrames: boolean, files: string[]): Promise<unknown>;
  insertCSS?(tabId: number, allFrames: boolean, files: string[]): Promise<unknown>;
}

function matches(pattern: string, url: string): boolean {
  try {
    return new MatchPattern(pattern).includes(url);
  } catch {
    return false;
  }
}

/** Injects every content script into every open official tab; one failing tab does not stop the rest. Returns the tab ids reached. */
export async function injectIntoOpenTabs(deps: InjectDeps): Promise<number[]> {
  let tabs: { id?: number; url?: string }[];
  try {
    tabs = await deps.queryTabs();
  } catch {
    return [];
  }
  const reached: number[] = [];
  for (const tab of tabs) {
    const url = tab.url;
    if (!isTabId(tab.id) || !url || !officialSite(url)) continue;
    let ok = true;
    for (const script of deps.contentScripts) {
      if (script.matches && !script.matches.some((m) => matches(m, url))) continue;
      const allFrames = script.all_frames === true;
      try {
        if (script.css?.length && deps.insertCSS) await deps.insertCSS(tab.id, allFrames, script.css);
        if (script.js?.length) await deps.executeScript(tab.id, allFrames, script.js);
      } catch {
        ok = false; // a tab that closed, crashed or is an error page: skip it
      }
    }
    if (ok) reached.push(tab.id);
  }
  return reached;
}
