// The keyboard shortcut that focuses the panel, as the browser has it now: the user may have
// changed or removed it, and Firefox for Android has no extension shortcuts at all. `commands` is
// the browser's commands API, passed in (utils/ imports no browser API).

/** The manifest's command that focuses the panel (wxt.config.ts). */
const PANEL_COMMAND = 'focus-panel';

interface CommandsApi {
  getAll?(): Promise<{ name?: string; shortcut?: string }[]>;
}

/** Its keys, '' when the user removed it, or null when this browser has no extension shortcuts. */
export async function panelShortcutOf(commands: CommandsApi | undefined): Promise<string | null> {
  if (!commands?.getAll) return null;
  try {
    const all = await commands.getAll();
    return all.find((c) => c.name === PANEL_COMMAND)?.shortcut ?? '';
  } catch {
    return null;
  }
}
