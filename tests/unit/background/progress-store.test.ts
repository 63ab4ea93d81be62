import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE_KEY, defaultProgress } from '../../../utils/progress';
import { cardOf } from '../../../utils/card';
import { createProgressStore, type StorageAreaLike } from '../../../utils/background/progress-store';

/** A storage area in memory, with switches to make it fail and a delay to expose races. */
function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  const state = { failGet: false, failSet: false, sets: 0, delay: 0 };
  const wait = () => new Promise((r) => setTimeout(r, Math.random() * state.delay));
  const area: StorageAreaLike = {
    async get(key) {
      await wait();
      if (state.failGet) throw new Error('get failed');
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      await wait();
      if (state.failSet) throw new Error('set failed');
      state.sets++;
      Object.assign(data, structuredClone(items));
    },
  };
  return { area, data, state };
}

describe('progress store', () => {
  it('loads the default from empty storage without writing', async () => {
    const { area, state } = memoryArea();
    const store = createProgressStore({ area });
    expect(await store.load()).toEqual({ progress: defaultProgress(), notice: null });
    expect(state.sets).toBe(0);
  });

  it('applies and persists', async () => {
    const { area, data } = memoryArea();
    const store = createProgressStore({ area });
    const s = await store.apply({ kind: 'toggle-check', carrier: 'cmhk', item: 'backup-contacts' });
    expect(s.notice).toBeNull();
    expect(cardOf(data[STORAGE_KEY] as never, 'cmhk').checklist).toEqual(['backup-contacts']);
    // A second store (a restarted service worker) reads the same.
    expect(await createProgressStore({ area }).load()).toEqual(s);
  });

  it('works against the real storage API shape (fake browser)', async () => {
    fakeBrowser.reset();
    const store = createProgressStore({ area: fakeBrowser.storage.local as unknown as StorageAreaLike });
    await store.apply({ kind: 'settings', patch: { language: 'zh-Hans' } });
    const raw = (await fakeBrowser.storage.local.get(STORAGE_KEY))[STORAGE_KEY] as { settings: { language: string } };
    expect(raw.settings.language).toBe('zh-Hans');
  });

  it('does not write when an action changes nothing', async () => {
    const { area, state } = memoryArea();
    const store = createProgressStore({ area });
    await store.apply({ kind: 'add-card', carrier: 'cmhk', label: '9123 4567' });
    expect(state.sets).toBe(0);
  });

  it('serialises concurrent actions from several tabs: none is lost', async () => {
    const { area, data, state } = memoryArea();
    state.delay = 5;
    const store = createProgressStore({ area });
    const items = Array.from({ length: 25 }, (_, i) => `item-${i}`);
    await Promise.all(items.map((item) => store.apply({ kind: 'toggle-check', carrier: 'cmhk', item })));
    expect(cardOf(data[STORAGE_KEY] as never, 'cmhk').checklist.sort()).toEqual([...items].sort());
  });

  it('resets corrupt storage, writes the reset, and reports it until the next change', async () => {
    const { area, data } = memoryArea({ [STORAGE_KEY]: { version: 1, carriers: 'garbage' } });
    const store = createProgressStore({ area });
    expect(await store.load()).toEqual({ progress: defaultProgress(), notice: 'reset-corrupt' });
    expect(data[STORAGE_KEY]).toEqual(defaultProgress());
    expect((await store.load()).notice).toBe('reset-corrupt');
    const after = await store.apply({ kind: 'reach-step', carrier: 'cmhk', step: 'sign-in' });
    expect(after.notice).toBeNull();
  });

  it.each([
    [{ version: 42, carriers: {} }, 'reset-unknown-version'],
    [{ version: 1, pad: 'x'.repeat(70_000) }, 'reset-oversized'],
  ])('reports %#', async (raw, notice) => {
    const { area } = memoryArea({ [STORAGE_KEY]: raw });
    expect((await createProgressStore({ area }).load()).notice).toBe(notice);
  });

  it('migrates and writes back an older shape', async () => {
    const { area, data } = memoryArea({ [STORAGE_KEY]: { checked: ['use-balance'] } });
    const state = await createProgressStore({ area }).load();
    expect(state.notice).toBeNull();
    expect(cardOf(state.progress, 'cmhk').checklist).toEqual(['use-balance']);
    expect(data[STORAGE_KEY]).toEqual(state.progress);
  });

  it('keeps incognito progress in memory only, apart from the normal one', async () => {
    const { area, data, state } = memoryArea();
    const store = createProgressStore({ area });
    await store.apply({ kind: 'toggle-check', carrier: 'cmhk', item: 'normal' });
    const sets = state.sets;
    const inc = await store.apply({ kind: 'toggle-check', carrier: 'cmhk', item: 'private' }, { incognito: true });
    expect(cardOf(inc.progress, 'cmhk').checklist).toEqual(['private']);
    expect(state.sets).toBe(sets);
    expect(JSON.stringify(data)).not.toContain('private');
    expect(cardOf((await store.load()).progress, 'cmhk').checklist).toEqual(['normal']);
    expect(cardOf((await store.load({ incognito: true })).progress, 'cmhk').checklist).toEqual(['private']);
  });

  it('without a storage area it works in memory and says so', async () => {
    const store = createProgressStore({ area: null });
    expect((await store.load()).notice).toBe('storage-unavailable');
    const s = await store.apply({ kind: 'toggle-check', carrier: 'csl', item: 'a' });
    expect(s.notice).toBe('storage-unavailable');
    expect(cardOf((await store.load()).progress, 'csl').checklist).toEqual(['a']);
  });

  it('when reading fails it keeps working from memory with a notice', async () => {
    const { area, state } = memoryArea();
    state.failGet = true;
    const store = createProgressStore({ area });
    expect(await store.load()).toEqual({ progress: defaultProgress(), notice: 'storage-unavailable' });
    const s = await store.apply({ kind: 'toggle-check', carrier: 'csl', item: 'a' });
    expect(cardOf(s.progress, 'csl').checklist).toEqual(['a']);
  });

  it('when writing fails it keeps the change in memory, then catches storage up', async () => {
    const { area, data, state } = memoryArea();
    state.failSet = true;
    const store = createProgressStore({ area });
    const s = await store.apply({ kind: 'toggle-check', carrier: 'csl', item: 'a' });
    expect(s.notice).toBe('storage-unavailable');
    const s2 = await store.apply({ kind: 'toggle-check', carrier: 'csl', item: 'b' });
    expect(cardOf(s2.progress, 'csl').checklist).toEqual(['a', 'b']);
    expect(data[STORAGE_KEY]).toBeUndefined();
    state.failSet = false;
    const back = await store.load();
    expect(back.notice).toBeNull();
    expect(cardOf(data[STORAGE_KEY] as never, 'csl').checklist).toEqual(['a', 'b']);
  });

  it('a thrown error in one task does not block the queue', async () => {
    const { area } = memoryArea();
    let calls = 0;
    const flaky: StorageAreaLike = {
      get: async (key) => {
        if (calls++ === 0) throw new Error('boom');
        return area.get(key);
      },
      set: (items) => area.set(items),
    };
    const store = createProgressStore({ area: flaky });
    const [a, b] = await Promise.all([store.load(), store.apply({ kind: 'toggle-check', carrier: 'cmhk', item: 'x' })]);
    expect(a.notice).toBe('storage-unavailable');
    expect(cardOf(b.progress, 'cmhk').checklist).toEqual(['x']);
  });

  describe('changes storage refused, across a restart of the background (Chrome stops idle workers)', () => {
    const check = { kind: 'toggle-check', carrier: 'cmhk', item: 'backup-contacts' } as const;

    it('a new store finds them in the fallback and still says storage is unavailable', async () => {
      const local = memoryArea();
      const session = memoryArea();
      local.state.failSet = true;
      const first = await createProgressStore({ area: local.area, fallback: session.area }).apply(check);
      expect(first.notice).toBe('storage-unavailable');
      // The worker stops: its memory is gone; storage.session is not.
      const restarted = await createProgressStore({ area: local.area, fallback: session.area }).load();
      expect(restarted.notice).toBe('storage-unavailable');
      expect(cardOf(restarted.progress, 'cmhk').checklist).toEqual(['backup-contacts']);
    });

    it('are written to storage once it works again, and the fallback lets go of them', async () => {
      const local = memoryArea();
      const session = memoryArea();
      local.state.failSet = true;
      await createProgressStore({ area: local.area, fallback: session.area }).apply(check);
      local.state.failSet = false;
      const restarted = await createProgressStore({ area: local.area, fallback: session.area }).load();
      expect(restarted.notice).toBeNull();
      expect(cardOf(local.data[STORAGE_KEY] as never, 'cmhk').checklist).toEqual(['backup-contacts']);
      expect(session.data['progressUnsaved']).toBeNull();
      // A later worker reads storage's copy, which now has everything.
      const later = await createProgressStore({ area: local.area, fallback: session.area }).load();
      expect(later).toEqual({ progress: restarted.progress, notice: null });
    });

    it('ignores a corrupt fallback and keeps storage\'s copy', async () => {
      const local = memoryArea();
      const session = memoryArea({ progressUnsaved: { version: 99 } });
      const saved = await createProgressStore({ area: local.area }).apply(check);
      const loaded = await createProgressStore({ area: local.area, fallback: session.area }).load();
      expect(loaded).toEqual({ progress: saved.progress, notice: null });
    });

    it('keeps working from memory when the fallback fails too', async () => {
      const local = memoryArea();
      const session = memoryArea();
      local.state.failSet = true;
      session.state.failSet = true;
      session.state.failGet = true;
      const store = createProgressStore({ area: local.area, fallback: session.area });
      await store.apply(check);
      const s = await store.load();
      expect(s.notice).toBe('storage-unavailable');
      expect(cardOf(s.progress, 'cmhk').checklist).toEqual(['backup-contacts']);
    });
  });
});
