// Where the two content scripts of a carrier page's top frame meet: the field guard (a small script
// in every frame) and the panel (top frame only). Both run in the extension's isolated world of that
// frame, which they share and the page cannot reach (a page sees neither its globals nor its
// Symbol registry). The panel lends the guard what only the panel carries: the step-aware
// severity with the warning's texts, and its shadow root (top layer) for the callout. (The
// background classifies: neither script carries the classifier or its keyword lists.)
// The guard lends the panel a way to re-attach after document.open() and to refresh a shown
// warning. Either script may start first; the guard starts in the top frame when the panel is there.
import type { FieldKind, Severity } from './types';

/** What the callout beside the field says (texts in the panel's language): a headline, the button. */
export interface FieldWarning {
  severity: Severity;
  title: string;
  ackLabel: string;
}

export interface PanelSide {
  /** The focused control's kind changed (null: nothing sensitive has focus). The panel shows its
   * message and returns what the callout says, or null for no callout. */
  fieldChanged(kind: FieldKind | null): FieldWarning | null;
  /** The panel's shadow root: the callout is drawn there, above any page overlay. */
  calloutRoot: ShadowRoot;
  /** Our own UI (the panel's host): focus moving there is not the user leaving the field. */
  isOwnUi(el: Element): boolean;
  /** Ends when the panel goes (an extension reload): the guard stops with it. */
  signal: AbortSignal;
}

export interface GuardSide {
  /** Adds the guard's listeners again (document.open() dropped them). */
  reattach(): void;
  /** The language or the step changed: say the shown warning again. */
  refresh(): void;
}

interface Slot {
  panel?: PanelSide;
  guard?: GuardSide;
  /** Set by the guard while it waits for the panel. */
  startGuard?(panel: PanelSide): void;
}

const KEY = Symbol.for('sim-exit-guide.top-frame');

function slot(): Slot {
  const world = globalThis as unknown as Record<symbol, Slot | undefined>;
  return (world[KEY] ??= {});
}

/** The panel's side: offers it, and starts a guard that is already waiting. */
export function offerPanel(panel: PanelSide): void {
  const s = slot();
  s.panel = panel;
  s.startGuard?.(panel);
}

/** The guard's side: `start` runs once the panel is there (now, if it already is). */
export function awaitPanel(start: (panel: PanelSide) => GuardSide): void {
  const s = slot();
  let started: PanelSide | null = null;
  s.startGuard = (panel) => {
    if (started === panel || panel.signal.aborted) return;
    started = panel;
    s.guard = start(panel);
  };
  if (s.panel) s.startGuard(s.panel);
}

/** The guard, as the panel reaches it (undefined before it started). */
export function guardSide(): GuardSide | undefined {
  return slot().guard;
}
