// The single writer of progress. Only the background creates one. Every read is validated
// (utils/progress.ts); writes are serialised so actions arriving from several tabs at once are
// applied one after another and none is lost. Incognito windows get their own in-memory copy
// that never reaches storage. When storage fails, the guide keeps working from memory and says so.
import type { ProgressAction, ProgressState, StorageNotice } from '../messages';
import { STORAGE_KEY, defaultProgress, readProgress, type KnownItems } from '../progress';
import { applyAction, type SiteAction } from '../progress-actions';
import type { ProgressV1 } from '../types';

/** The part of browser.storage.local the store uses (easy to fake in tests). */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface ProgressStoreOptions {
  area: StorageAreaLike | null;
  /**
   * Where changes that `area` refused wait (storage.session: memory only, kept until the browser
   * closes, with a quota of its own). Chrome stops an idle service worker, and the store's own
   * memory with it: without this, a change made while storage was full would be gone silently.
   */
  fallback?: StorageAreaLike | null;
  key?: string;
  /** This version's checklist and tied-account ids: stored ones it does not know are dropped with a notice. */
  known?: KnownItems | null;
}

interface ContextOptions {
  incognito?: boolean;
}

export interface ProgressStore {
  load(options?: ContextOptions): Promise<ProgressState>;
  apply(action: ProgressAction | SiteAction, options?: ContextOptions): Promise<ProgressState>;
}

export function createProgressStore({ area, fallback = null, key = STORAGE_KEY, known = null }: ProgressStoreOptions): ProgressStore {
  const unsavedKey = `${key}Unsaved`;
  // The last value we know (from storage or from memory when storage failed).
  let memory: ProgressV1 = defaultProgress();
  // Memory holds changes storage does not have yet (a write failed).
  let unsaved = false;
  // A reset on reading is reported until the user's next change, so every tab can show it.
  let pendingNotice: StorageNotice | null = null;
  let incognito: ProgressV1 = defaultProgress();
  // A worker that starts again looks once for changes an earlier one could not save.
  let recovered = false;
  // Every read and write of the persistent copy runs in this chain, one at a time.
  let queue: Promise<unknown> = Promise.resolve();

  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function write(progress: ProgressV1): Promise<boolean> {
    if (!area) return false;
    try {
      await area.set({ [key]: progress });
      return true;
    } catch {
      return false;
    }
  }

  /** Keeps (or, with null, lets go of) the changes storage does not have; best effort. */
  async function holdUnsaved(progress: ProgressV1 | null): Promise<void> {
    try {
      await fallback?.set({ [unsavedKey]: progress });
    } catch {
      // The fallback is full or gone too: memory is all there is.
    }
  }

  /** Changes an earlier worker could not save, if the fallback holds valid ones. */
  async function recover(): Promise<void> {
    recovered = true;
    if (!fallback || unsaved) return;
    try {
      const raw = (await fallback.get(unsavedKey))?.[unsavedKey];
      if (raw === undefined || raw === null) return;
      const { state } = readProgress(raw, known);
      if (state.notice) return; // not ours to trust: storage's copy stands
      memory = state.progress;
      unsaved = true;
    } catch {
      // No fallback to read: storage's copy stands.
    }
  }

  /** Reads storage (it may have changed under us: another copy of the background, a test). */
  async function read(): Promise<ProgressState> {
    if (!recovered) await recover();
    if (!area) return { progress: memory, notice: 'storage-unavailable' };
    if (unsaved) {
      // Storage is behind memory: try to catch it up before trusting it again.
      unsaved = !(await write(memory));
      if (!unsaved) await holdUnsaved(null);
      return { progress: memory, notice: unsaved ? 'storage-unavailable' : pendingNotice };
    }
    let raw: unknown;
    try {
      const items = await area.get(key);
      raw = items?.[key];
    } catch {
      return { progress: memory, notice: 'storage-unavailable' };
    }
    const { state, rewrite } = readProgress(raw, known);
    memory = state.progress;
    if (state.notice) pendingNotice = state.notice;
    if (rewrite && !(await write(memory))) {
      unsaved = true;
      return { progress: memory, notice: 'storage-unavailable' };
    }
    return { progress: memory, notice: pendingNotice };
  }

  return {
    load(options = {}) {
      if (options.incognito) return Promise.resolve({ progress: incognito, notice: null });
      return serially(read);
    },

    apply(action, options = {}) {
      if (options.incognito) {
        incognito = applyAction(incognito, action);
        return Promise.resolve({ progress: incognito, notice: null });
      }
      return serially(async () => {
        const current = await read();
        const next = applyAction(current.progress, action);
        if (next === current.progress) return current;
        memory = next;
        if (await write(next)) {
          if (unsaved) await holdUnsaved(null);
          unsaved = false;
          pendingNotice = null;
          return { progress: next, notice: null };
        }
        unsaved = true;
        await holdUnsaved(next);
        return { progress: next, notice: 'storage-unavailable' };
      });
    },
  };
}
