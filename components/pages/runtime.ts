// What the extension's own pages (popup, welcome, settings) ask of the browser: messages to the
// background, and the keyboard shortcut. Every call degrades where a browser lacks the API
// (Firefox for Android has no `commands`).
import { browser } from 'wxt/browser';
import type { RouterMessage } from '../../utils/background-router';
import type { ProgressState } from '../../utils/messages';
import { languageFromTag } from '../../utils/language';
import type { Language } from '../../utils/types';

export async function send<T>(msg: RouterMessage): Promise<T | null> {
  try {
    const reply = (await browser.runtime.sendMessage(msg)) as T | { error: string } | undefined;
    return reply && typeof reply === 'object' && !('error' in reply) ? (reply as T) : null;
  } catch {
    return null;
  }
}

export function isProgressState(value: unknown): value is ProgressState {
  return !!value && typeof value === 'object' && 'progress' in value && 'notice' in value;
}

/** The language the user chose, else the browser's. */
export function pageLanguage(state: ProgressState | null): Language {
  return state?.progress.settings.language ?? languageFromTag(navigator.language) ?? 'en';
}

/**
 * The shortcut that focuses the panel: its keys, '' when the user removed it, or null when this
 * browser has no extension shortcuts at all (Firefox for Android).
 */
export async function panelShortcut(): Promise<string | null> {
  const commands = (browser as { commands?: { getAll?(): Promise<{ name?: string; shortcut?: string }[]> } }).commands;
  if (!commands?.getAll) return null;
  try {
    const all = await commands.getAll();
    return all.find((c) => c.name === 'focus-panel')?.shortcut ?? '';
  } catch {
    return null;
  }
}

/** Calls `changed` whenever the extension's stored data changes (a switch flipped in the popup or a panel). */
export function onStoredChange(changed: () => void): () => void {
  const listener = () => changed();
  browser.storage?.onChanged?.addListener(listener);
  return () => browser.storage?.onChanged?.removeListener(listener);
}
