// The actions part: what the panel's buttons (and the keyboard shortcut) ask for. Progress changes
// go to the background (run.update); the view changes go to the store. Turning off, reset and
// several cards are asked for on the settings page and in the popup (issue 12's size budget).
import type { PanelActions } from '../../components/panel-state';
import type { Language } from '../../utils/types';
import type { CardPlacement } from './card-placement';
import type { PanelRun } from './panel-run';
import { send } from './send';
import type { StepTracker } from './step-tracker';

export interface PanelCommands {
  actions: PanelActions;
  /** The keyboard shortcut: open the guide (turning it back on here) and move focus into it. */
  openFromShortcut(): void;
}

export function panelActions(run: PanelRun, parts: { steps: StepTracker; placement: CardPlacement; switchLanguage(lang: Language): void }): PanelCommands {
  const { doc, site, store, mounted } = run;
  const { steps, placement, switchLanguage } = parts;
  const carrier = site.carrier;
  /** Where focus was when the shortcut opened the panel: Escape or × gives it back. */
  let returnFocus: HTMLElement | null = null;

  const actions: PanelActions = {
    setExpanded(expanded) {
      store.set({ expanded });
      run.update({ kind: 'settings', patch: { collapsed: !expanded } });
      if (expanded) return false;
      store.set({ spotlight: false });
      placement.placeSoon();
      const back = returnFocus;
      returnFocus = null;
      if (!back?.isConnected) return false;
      back.focus({ preventScroll: true });
      return true;
    },
    setLanguage(lang) {
      switchLanguage(lang);
      run.update({ kind: 'settings', patch: { language: lang } });
    },
    toggleCheck: (item) => run.update({ kind: 'toggle-check', carrier, item }),
    markStep: (step, done) => run.update({ kind: 'mark-step', carrier, step, done }),
    // The ring follows the route: look at the page again once the choice is stored.
    setRoute: (route) => run.update({ kind: 'set-route', carrier, route }, () => void steps.evaluate()),
    setTied: (item, state) => run.update({ kind: 'tied', carrier, item, state }),
    showTarget: () => steps.showTarget(),
    hideHighlight: () => steps.hideTarget(),
    dismissNotice: () => store.set({ notice: null }),
    openSettings: () => void send({ type: 'open-page', page: 'options' }),
    printChecklist: () => void send({ type: 'open-checklist', carrier, lang: store.get().texts.lang }),
  };

  const openFromShortcut = (): void => {
    const s = store.get();
    if (s.turnedOff) {
      const hosts = s.progress?.settings.disabledHosts ?? [];
      run.update({ kind: 'settings', patch: { disabledEverywhere: false, disabledHosts: hosts.filter((h) => h !== site.host) } });
    }
    // Focus goes into the panel: remember where it was on the page, to give it back on Escape.
    const active = doc.activeElement;
    if (!s.expanded && active instanceof HTMLElement && active !== mounted.host && active !== doc.body) returnFocus = active;
    store.set({ turnedOff: false, expanded: true, focusRequest: s.focusRequest + 1 });
  };

  return { actions, openFromShortcut };
}
