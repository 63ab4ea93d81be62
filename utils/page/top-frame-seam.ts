// The one seam between the two content scripts of a carrier page's top frame: the field guard (a
// small script in every frame, entrypoints/guard.ts) and the panel (top frame only,
// entrypoints/panel/field-controller.ts). They are separate bundles, so they cannot import
// each other's state; they meet here and nowhere else.
//
// Where: one object under a registered symbol in the extension's isolated world of the frame. Both
// scripts run in that world; the page cannot reach it (a page sees neither its globals nor its
// Symbol registry).
// What crosses, typed below and nothing else:
//   panel → guard (PanelSide): the step-aware severity with the warning's texts in the panel's
//     language and the user's mark, the shadow root the callout is drawn in (top layer), what counts as our own UI,
//     and the panel's lifetime;
//   guard → panel (GuardSide): re-attach after document.open(), and say the shown warning again.
// Order: either script may start first. The guard starts its top-frame mode when the panel is
// offered (at once if it already was); the panel reaches the guard through the handle it gets back.
// (The background classifies: neither script carries the classifier or its keyword lists.)
import type { PersonalMark } from '../mark';
import type { FieldKind, Severity } from '../types';

/** What the callout beside the field says (texts in the panel's language): a headline, the button, the user's mark. */
export interface FieldWarning {
  severity: Severity;
  title: string;
  ackLabel: string;
  mark?: PersonalMark | null;
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

/** The panel's handle on the guard: undefined until the guard has started in this frame. */
export interface GuardHandle {
  guard(): GuardSide | undefined;
}

interface Meeting {
  panel?: PanelSide;
  guard?: GuardSide;
  /** Set by the guard while it waits for the panel. */
  startGuard?(panel: PanelSide): void;
}

const KEY = Symbol.for('sim-exit-guide.top-frame');

function meeting(): Meeting {
  const world = globalThis as unknown as Record<symbol, Meeting | undefined>;
  return (world[KEY] ??= {});
}

/** The panel's side: offers it, starts a guard that is already waiting, and returns the handle on the guard. */
export function offerPanel(panel: PanelSide): GuardHandle {
  const m = meeting();
  m.panel = panel;
  m.startGuard?.(panel);
  return { guard: () => m.guard };
}

/** The guard's side: `start` runs once the panel is there (now, if it already is). */
export function awaitPanel(start: (panel: PanelSide) => GuardSide): void {
  const m = meeting();
  let started: PanelSide | null = null;
  m.startGuard = (panel) => {
    if (started === panel || panel.signal.aborted) return;
    started = panel;
    m.guard = start(panel);
  };
  if (m.panel) m.startGuard(m.panel);
}
