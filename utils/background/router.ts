// The background's message router: who may send what, and the answer. Free of the real browser
// (every browser call goes through `deps`, ./deps.ts) so it can be tested.
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
import { badgeFor, fightBadge } from '../badge';
import { detectRequest } from '../detect/remote';
import { classifyBatch, classifyRequest, type ClassifyAnswer } from '../fields/remote';
import { MARK_KEY, parseMark, type PersonalMark } from '../mark';
import type { PageState, ProgressState } from '../messages';
import { officialSite, type PageSite } from '../site-trust';
import { contentMayWrite, currentSite } from '../tab-trust';
import { buildTextPack, type TextPack } from '../text-pack';
import type { FieldKind, Severity, StepSignal } from '../types';
import { broadcastProgress } from './broadcast';
import type { RouterDeps, SenderLike } from './deps';
import { parseMessage } from './parse-message';
import { currentPage, verifiedState } from './page-trust';
import { contentTab, incognitoOf, incognitoOfTab, isExtensionPage } from './senders';
import { languageFor } from './tab-badge';
import type { TabEntry } from './tab-registry';
import { isTabId } from './validate';

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
      const lang = await languageFor(incognito, deps);
      await deps.setBadge(tab, entry.fighting ? fightBadge(lang) : badgeFor(state, lang)).catch(() => undefined);
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
      const severity =
        msg.kind === null
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
