// Tabs that told us their page state. Kept in storage.session where there is one (memory only,
// never on disk) so a restarted service worker still knows them; validated on every read.
import type { PageState } from '../messages';
import type { StorageAreaLike } from './progress-store';
import { isObject, isTabId, parsePageState } from './validate';

export interface TabEntry {
  state: PageState;
  incognito: boolean;
  /** Chrome's id of the document that reported, so a late disconnect of an old page is ignored. */
  documentId?: string;
  /** The reporting page's host (never the URL): a navigation elsewhere clears the entry (utils/background/tab-navigation.ts). */
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
