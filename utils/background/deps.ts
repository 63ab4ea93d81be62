// What the background's logic needs from the browser, passed in (entrypoints/background.ts wires
// the real one; tests pass fakes), so nothing under utils/background/ imports a browser API.
import type { Badge } from './badge';
import type { ToContent } from '../messages';
import type { ProgressStore, StorageAreaLike } from './progress-store';
import type { SiteService } from './site-registry';
import type { CarrierId, FieldKind, Language, Severity, SiteTrust, StepId } from '../types';
import type { TabRegistry } from './tab-registry';

/** runtime.MessageSender, as far as the router reads it. */
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
  /** Enabled sites and the look-alike warning (utils/background/site-registry.ts); absent = official sites only. */
  sites?: SiteService;
  /** Where the personal mark is kept (storage.local); absent: no mark. */
  markArea?: StorageAreaLike | null;
  /** The panel's stylesheet, sent with its texts (utils/text-pack.ts `css`); absent: none sent. */
  panelCss?: string;
  /** The panel's keyboard shortcut now (utils/shortcut.ts), sent with its texts; absent: none known. */
  panelShortcut?(): Promise<string | null>;
  /** Opens the settings (options) page or the welcome page (issue 14); absent: cannot. */
  openPage?(page: 'options' | 'welcome'): Promise<void>;
  /** The tab's current address (tabs.get), or null when unknown or not ours to read. Absent: unknown. */
  tabUrl?(tabId: number): Promise<string | null>;
}
