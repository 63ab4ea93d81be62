// Progress has one writer, the background; every panel of the same window kind hears each change.
import type { ProgressState, ToContent } from '../messages';
import type { RouterDeps } from './deps';

/** Sends the new progress to every tab with a panel in the same kind of window. */
export async function broadcastProgress(state: ProgressState, incognito: boolean, deps: RouterDeps): Promise<void> {
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
