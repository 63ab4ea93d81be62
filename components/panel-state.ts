// What the panel shows, and what it can ask for. The content script owns both; the panel only renders.
import type { PersonalMark } from '../utils/mark';
import type { StorageNotice } from '../utils/messages';
import type { Texts } from '../utils/texts';
import type { Carrier, FieldKind, Language, ProgressV1, RouteId, Severity, SiteTrust, StepId } from '../utils/types';

export interface FieldMessageState {
  kind: FieldKind;
  severity: Severity;
}

export interface PanelState {
  /** The page's carrier as the interface shows it (utils/shown-carrier.ts). */
  carrier: Carrier;
  trust: SiteTrust;
  /** The texts in the panel's language (utils/texts.ts). */
  texts: Texts;
  step: StepId | null;
  /** The page has an element to highlight for the current step. */
  hasTarget: boolean;
  /** The ring around the element to use: on by itself when the page has one, until the user hides it. */
  highlightShown: boolean;
  /** The dimmed page with a cut-out, shown when the user asks where to click. */
  spotlight: boolean;
  progress: ProgressV1 | null;
  notice: StorageNotice | null;
  expanded: boolean;
  /** The guide is off on this site or everywhere (set from the popup or the settings page): no panel, no ring. */
  turnedOff: boolean;
  field: FieldMessageState | null;
  thirdPartyFrame: boolean;
  /** The keyboard shortcut's keys as the browser has them now (utils/shortcut.ts); empty or absent: none to show. */
  shortcut?: string | null;
  /** Bumped to ask the panel to move keyboard focus into itself (the keyboard shortcut). */
  focusRequest: number;
  /** The page keeps hiding or covering the panel (components/mount-host.ts): said in the panel. */
  fighting?: boolean;
  /** The user's personal mark (utils/mark.ts), shown only in the real panel. */
  mark?: PersonalMark | null;
}

export interface PanelActions {
  /** Open or collapse the full guide; on collapsing, true when focus went back to the page element it came from. */
  setExpanded(expanded: boolean): boolean | void;
  setLanguage(lang: Language): void;
  toggleCheck(item: string): void;
  markStep(step: StepId, done: boolean): void;
  /** Issue 13: the card's route, and a tied account moved, dismissed or back to do. */
  setRoute(route: RouteId): void;
  setTied(item: string, state: 'done' | 'skipped' | 'todo'): void;
  showTarget(): void;
  hideHighlight(): void;
  /** Asks the background to open the settings page (issue 14): turning off, reset and several cards are there. */
  openSettings(): void;
  dismissNotice(): void;
  printChecklist(): void;
}
