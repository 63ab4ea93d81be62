// The keyboard shortcut (the manifest's "commands"): focus the panel in the active tab.
import type { RouterDeps } from './deps';

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
