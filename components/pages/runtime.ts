// What the extension's own pages (popup, welcome, settings) ask of the browser: messages to the
// background, and the keyboard shortcut. Every call degrades where a browser lacks the API
// (Firefox for Android has no `commands`).
import { browser } from 'wxt/browser';
import type { ReplyOf } from '../../utils/background/protocol';
import type { ProgressState, ToBackground } from '../../utils/messages';
import { languageFromTag } from '../../utils/language';
import { createSend } from '../../utils/send';
import type { Language } from '../../utils/types';
import { panelShortcutOf } from '../../utils/shortcut';
import type { MarkActions } from '../popup/MarkSetting';

const sendMessage = createSend(browser.runtime);

/** The background's answer (typed by the protocol's table), or null when it refused or did not answer: a page shows what it has. */
export async function send<M extends ToBackground>(msg: M): Promise<ReplyOf<M['type']> | null> {
  const reply = await sendMessage(msg);
  return reply.ok ? reply.value : null;
}

/** The personal mark as the welcome and settings pages read and save it (the background checks and stores it). */
export const markActions: MarkActions = {
  load: () => send({ type: 'get-mark' }).then((r) => r?.mark ?? null),
  save: (mark) => send({ type: 'set-mark', mark }).then((r) => r?.ok === true),
};

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
export function panelShortcut(): Promise<string | null> {
  return panelShortcutOf((browser as { commands?: Parameters<typeof panelShortcutOf>[0] }).commands);
}

/** Calls `changed` whenever the extension's stored data changes (a switch flipped in the popup or a panel). */
export function onStoredChange(changed: () => void): () => void {
  const listener = () => changed();
  browser.storage?.onChanged?.addListener(listener);
  return () => browser.storage?.onChanged?.removeListener(listener);
}
