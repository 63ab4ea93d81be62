// Sites the user enabled and the look-alike warning: the background keeps the stored settings,
// the browser's optional permissions and the dynamically registered content scripts in step.
// Free of the real browser (everything goes through `deps`) so it can be tested.
//
// Permission traps (reference/toolchain.md): the popup calls permissions.request synchronously in
// its click handler and may close while the prompt is open, so the work happens here, on
// permissions.onAdded; reconcile() runs at start-up and on permissions.onRemoved too.
import { badgeFor, type Badge } from './badge';
import { analyseHost, judgeLookalike, type ProbeSignals } from '../lookalike';
import { isCarrierId, isStorableOrigin } from '../progress';
import { type SiteAction } from '../progress-actions';
import type { ProgressStore } from './progress-store';
import { ALL_SITES, officialSite, originOf, originPattern, siteFor, type PageSite } from '../site-trust';
import type { CarrierId, EnabledSite, Language } from '../types';
import { CARRIERS } from '../carriers';
import { SCRIPT_RUN } from '../content-scripts';

export const SCRIPT_IDS = { panel: 'enabled-sites-panel', guard: 'enabled-sites-guard', probe: 'lookalike-probe' } as const;
const OUR_IDS: readonly string[] = Object.values(SCRIPT_IDS);

export interface ScriptSpec {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js: string[];
  allFrames: boolean;
  runAt: 'document_end' | 'document_idle';
  /** Frames without an origin of their own (about:blank, srcdoc, blob:) that payment forms use. */
  matchOriginAsFallback?: boolean;
}

interface PermissionsLike {
  contains(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

/** scripting.registerContentScripts and friends (or Firefox's contentScripts.register), behind one face. */
export interface ScriptRegistrar {
  /** Our scripts registered now (ids we do not own are left alone). */
  list(): Promise<ScriptSpec[]>;
  register(scripts: ScriptSpec[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

export interface SiteDeps {
  store: ProgressStore;
  permissions: PermissionsLike;
  registrar: ScriptRegistrar;
  /** The built files of the manifest's content scripts (panel, guard) and of the runtime-only probe. */
  files: { panel: string[]; guard: string[]; probe: string[] };
  /** The manifest's official match patterns: the probe never runs there. */
  officialPatterns: readonly string[];
  setBadge(tabId: number, badge: Badge): Promise<void>;
  /** Starts the guard and the panel it borrows texts and a shadow root from, in the tab's top frame (scripting.executeScript). */
  injectPanel(tabId: number): Promise<void>;
  uiLanguage: Language;
  now?: () => number;
}

export interface SiteService {
  /** Re-reads settings and permissions; drops sites whose permission is gone; (re)registers scripts. */
  reconcile(): Promise<void>;
  /** The popup wants `origin` enabled for `carrier`. Done at once when the permission is there; otherwise remembered until onAdded. */
  enable(origin: string, carrier: CarrierId): Promise<{ ok: boolean; pending: boolean }>;
  disable(origin: string): Promise<{ ok: boolean }>;
  setLookalike(on: boolean): Promise<{ ok: boolean; pending: boolean }>;
  onAdded(origins: readonly string[]): Promise<void>;
  onRemoved(): Promise<void>;
  /** What the panel in this tab's top frame may show, decided from the sender's URL and our own state. */
  siteFor(url: string, tabId: number): Promise<PageSite | null>;
  /**
   * The probe's report from a frame of a tab: `url` is the reporting document's, `topUrl` the
   * tab's (a sub-frame's verdict makes the whole tab suspicious; only the top frame clears it).
   */
  probe(tabId: number, url: string, signals: ProbeSignals, documentId?: string, topUrl?: string | null): Promise<{ suspicious: boolean }>;
  forgetTab(tabId: number): void;
}

/** A request waits this long for its permission (the prompt may stay open a while). */
const PENDING_MS = 5 * 60_000;

function sameScripts(a: ScriptSpec[], b: ScriptSpec[]): boolean {
  const key = (list: ScriptSpec[]) =>
    JSON.stringify(
      [...list]
        .sort((x, y) => (x.id < y.id ? -1 : 1))
        .map((s) => [s.id, [...s.matches].sort(), [...(s.excludeMatches ?? [])].sort(), s.js, s.allFrames, s.runAt]),
    );
  return key(a) === key(b);
}

/** Does the host of this URL or origin imitate a carrier? */
function imitates(url: string): boolean {
  const origin = originOf(url);
  return !!origin && analyseHost(origin.slice(origin.indexOf('//') + 2)).carrier !== null;
}

/** The origin a document answers for: its own, or its creator's for a `blob:` document. */
function documentOrigin(url: string): string | null {
  if (!url.startsWith('blob:')) return originOf(url);
  try {
    return originOf(new URL(url).pathname);
  } catch {
    return null;
  }
}

/** An origin the user may enable: http(s), storable, and not an official host (those are official, never "enabled"). */
function enableableOrigin(origin: unknown): origin is string {
  return isStorableOrigin(origin) && !officialSite(`${origin}/`, CARRIERS) && originOf(`${origin}/`) === origin;
}

export function createSiteService(deps: SiteDeps): SiteService {
  const now = deps.now ?? Date.now;
  const pendingSites = new Map<string, { carrier: CarrierId; at: number }>();
  let pendingLookalike = 0;
  /** Tabs whose top document the background judged a look-alike, and whether the panel was injected. */
  const suspects = new Map<number, { host: string; carrier: CarrierId; documentId?: string; injected: boolean; fromFrame?: boolean }>();
  let queue: Promise<unknown> = Promise.resolve();

  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const settings = async () => (await deps.store.load({ incognito: false })).progress.settings;
  const apply = (action: SiteAction) => deps.store.apply(action, { incognito: false });
  const has = async (origins: string[]) => {
    try {
      return await deps.permissions.contains({ origins });
    } catch {
      return false;
    }
  };

  function desired(sites: readonly EnabledSite[], lookalike: boolean): ScriptSpec[] {
    const patterns = sites.map((s) => originPattern(s.origin));
    const out: ScriptSpec[] = [];
    if (patterns.length > 0) {
      // As on the official pages (the manifest's entries): utils/content-scripts.ts.
      out.push({ id: SCRIPT_IDS.panel, matches: patterns, js: deps.files.panel, ...SCRIPT_RUN.panel });
      out.push({ id: SCRIPT_IDS.guard, matches: patterns, js: deps.files.guard, ...SCRIPT_RUN.guard });
    }
    if (lookalike) {
      // Enabled sites that imitate a carrier stay suspicious (issue 16): the probe still looks there.
      const trusted = sites.filter((s) => !imitates(s.origin)).map((s) => originPattern(s.origin));
      out.push({
        id: SCRIPT_IDS.probe,
        matches: [ALL_SITES],
        excludeMatches: [...deps.officialPatterns, ...trusted],
        js: deps.files.probe,
        // Every frame, blob: and data: documents too: a neutral page can frame a phishing form (issue 16).
        allFrames: true,
        runAt: 'document_idle',
        matchOriginAsFallback: true,
      });
    }
    return out;
  }

  async function reconcileNow(): Promise<void> {
    let s = await settings();
    for (const site of s.enabledSites) {
      if (!(await has([originPattern(site.origin)]))) s = (await apply({ kind: 'disable-site', origin: site.origin })).progress.settings;
    }
    if (s.lookalikeWarning && !(await has([ALL_SITES]))) s = (await apply({ kind: 'lookalike-warning', on: false })).progress.settings;
    if (!s.lookalikeWarning) clearSuspects();
    const want = desired(s.enabledSites, s.lookalikeWarning);
    let current: ScriptSpec[] = [];
    try {
      current = (await deps.registrar.list()).filter((x) => OUR_IDS.includes(x.id));
    } catch {
      current = [];
    }
    if (sameScripts(current, want)) return;
    if (current.length > 0) await deps.registrar.unregister(current.map((x) => x.id)).catch(() => undefined);
    if (want.length > 0) await deps.registrar.register(want);
  }

  function clearSuspects(): void {
    for (const tabId of suspects.keys()) void deps.setBadge(tabId, badgeFor(null, deps.uiLanguage)).catch(() => undefined);
    suspects.clear();
  }

  const reconcile = () => serially(reconcileNow);

  return {
    reconcile,

    enable(origin, carrier) {
      return serially(async () => {
        if (!enableableOrigin(origin) || !isCarrierId(carrier)) return { ok: false, pending: false };
        if (!(await has([originPattern(origin)]))) {
          pendingSites.set(origin, { carrier, at: now() });
          return { ok: false, pending: true };
        }
        pendingSites.delete(origin);
        const state = await apply({ kind: 'enable-site', site: { origin, carrier } });
        await reconcileNow();
        return { ok: state.progress.settings.enabledSites.some((e) => e.origin === origin && e.carrier === carrier), pending: false };
      });
    },

    disable(origin) {
      return serially(async () => {
        if (!isStorableOrigin(origin)) return { ok: false };
        pendingSites.delete(origin);
        await apply({ kind: 'disable-site', origin });
        // Give the permission back (a no-op when it came with "all sites").
        await deps.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
        await reconcileNow();
        return { ok: true };
      });
    },

    setLookalike(on) {
      return serially(async () => {
        if (on) {
          if (!(await has([ALL_SITES]))) {
            pendingLookalike = now();
            return { ok: false, pending: true };
          }
          pendingLookalike = 0;
          await apply({ kind: 'lookalike-warning', on: true });
          await reconcileNow();
          return { ok: true, pending: false };
        }
        pendingLookalike = 0;
        await apply({ kind: 'lookalike-warning', on: false });
        await deps.permissions.remove({ origins: [ALL_SITES] }).catch(() => false);
        await reconcileNow();
        return { ok: true, pending: false };
      });
    },

    onAdded(origins) {
      return serially(async () => {
        for (const pattern of origins) {
          if (pattern === ALL_SITES) {
            if (pendingLookalike && now() - pendingLookalike < PENDING_MS) await apply({ kind: 'lookalike-warning', on: true });
            pendingLookalike = 0;
            continue;
          }
          if (!pattern.endsWith('/*')) continue;
          const origin = pattern.slice(0, -2);
          if (!enableableOrigin(origin)) continue;
          // Granted with our popup's request: the carrier the user picked; granted in the
          // browser's own settings: the generic guide.
          const pending = pendingSites.get(origin);
          pendingSites.delete(origin);
          const carrier = pending && now() - pending.at < PENDING_MS ? pending.carrier : 'other';
          await apply({ kind: 'enable-site', site: { origin, carrier } });
        }
        await reconcileNow();
      });
    },

    onRemoved: reconcile,

    async siteFor(url, tabId) {
      const s = await settings();
      const site = siteFor(url, s.enabledSites, CARRIERS);
      if (site?.trust === 'enabled') {
        // A host that imitates a carrier stays suspicious even after the user enabled it: a
        // scammer on the phone can talk someone through that click (issue 16, item 3).
        const imitates = analyseHost(site.host).carrier;
        return imitates ? { trust: 'suspicious', carrier: imitates, host: site.host } : site;
      }
      if (site) return site;
      const suspect = suspects.get(tabId);
      const origin = documentOrigin(url);
      if (!s.lookalikeWarning || !suspect || !origin || origin.slice(origin.indexOf('//') + 2) !== suspect.host) return null;
      return { trust: 'suspicious', carrier: suspect.carrier, host: suspect.host };
    },

    async probe(tabId, url, signals, documentId, topUrl = url) {
      const s = await settings();
      const frame = topUrl !== url;
      const trusted = (u: string | null) => !!u && siteFor(u, s.enabledSites, CARRIERS) !== null && !imitates(u);
      if (!s.lookalikeWarning || trusted(url) || trusted(topUrl)) return { suspicious: false };
      const verdict = judgeLookalike(url, signals);
      // The tab's top document takes the warning: a frame's verdict names the page that framed it.
      const origin = topUrl ? documentOrigin(topUrl) : null;
      if (!verdict || !origin) {
        // Only the top page clears the tab, and not what one of its frames found (the two report in any order).
        const held = suspects.get(tabId);
        const framed = held?.fromFrame && origin !== null && held.host === origin.slice(origin.indexOf('//') + 2);
        if (!frame && held && !framed && suspects.delete(tabId)) await deps.setBadge(tabId, badgeFor(null, deps.uiLanguage)).catch(() => undefined);
        return { suspicious: verdict !== null };
      }
      const host = origin.slice(origin.indexOf('//') + 2);
      const before = suspects.get(tabId);
      const sameDocument = !!before && before.host === host && (frame || before.documentId === documentId);
      const entry = { host, carrier: verdict.carrier, documentId, injected: sameDocument && before.injected, fromFrame: frame || (sameDocument && before.fromFrame) };
      suspects.set(tabId, entry);
      const badge = badgeFor({ carrier: verdict.carrier, trust: 'suspicious', step: null }, s.language ?? deps.uiLanguage);
      await deps.setBadge(tabId, badge).catch(() => undefined);
      if (!entry.injected) {
        entry.injected = true;
        await deps.injectPanel(tabId).catch(() => {
          entry.injected = false;
        });
      }
      return { suspicious: true };
    },

    forgetTab(tabId) {
      suspects.delete(tabId);
    },
  };
}
