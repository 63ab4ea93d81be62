// The step-tracking part: which step this page is, and the element to use on it (the ring). The
// background runs the detectors on the page's snapshot (the script carries none); this part sends
// the snapshot, applies the answer, follows the card's route, and shows or hides the ring.
import type { PanelState } from '../../components/panel-state';
import { findHotlineElement } from '../../utils/page/hotline-on-page';
import { cardOf } from '../../utils/card';
import { routeOf } from '../../utils/route';
import { officialSite, type CarrierHosts } from '../../utils/site-trust';
import { takeSnapshot } from '../../utils/page/snapshot';
import type { StepSignal } from '../../utils/types';
import { trackHighlight, type HighlightTracker } from './highlight-tracker';
import type { PanelRun } from './panel-run';
import { send } from './send';

export interface StepTracker {
  /** Looks at the page again; only the latest look counts when answers cross. */
  evaluate(): Promise<void>;
  /** The element the ring is on, if it shows (the card is placed clear of it). */
  ringed(): Element | null;
  /** "Show me where": ring, dim, scroll to and focus the element to use. */
  showTarget(): void;
  /** The user hid the ring: it stays off for this element until the target changes. */
  hideTarget(): void;
  /** Follows the ring again after document.open() erased the window listeners it relies on. */
  reattach(): void;
}

export function trackSteps(run: PanelRun, officialHosts: readonly CarrierHosts[], placeSoon: () => void): StepTracker {
  const { doc, site, store, lifetime, container } = run;
  let target: Element | null = null;
  // The user hid the highlight of this element: do not bring it back until the target changes.
  let hiddenTarget: Element | null = null;

  let trackerLifetime = new AbortController();
  const makeTracker = (): HighlightTracker =>
    trackHighlight(window, (rect, viewport) => run.highlight.set({ rect, viewport }), AbortSignal.any([lifetime.signal, trackerLifetime.signal]));
  let highlight = makeTracker();

  // Measuring the ring's target forces a layout. Done in an animation frame, it is the layout the
  // browser is about to do anyway; done right away, in the middle of a mutation storm on a deep
  // page, it cost Gecko up to a second per re-evaluation (issue 7, item 4).
  let ringFrame = 0;
  const cancelRing = () => {
    if (ringFrame) cancelAnimationFrame(ringFrame);
    ringFrame = 0;
  };
  const showRing = (el: Element) => {
    cancelRing();
    ringFrame = requestAnimationFrame(() => {
      ringFrame = 0;
      if (!lifetime.signal.aborted && target === el && store.get().highlightShown) highlight.show(el, false);
    });
  };

  const applyStep = (elements: Element[], signal: StepSignal | null) => {
    const before = store.get();
    const carrier = before.carrier;
    const step = signal?.step ?? null;
    // Issue 13: the page's own online entry or form means "your account offers it": a card with
    // no route chosen yet follows it (the guide then says to use it), and the ring shows a page link
    // only on the online route, the one route whose text says to use the page (the hotline's
    // sign-in step, for one, says there is no need to sign in).
    const chosen = before.progress ? cardOf(before.progress, carrier.id) : null;
    let route = routeOf(carrier, chosen);
    const online = step === 'submit-request' || (step === 'find-entry' && signal?.target !== undefined);
    if (online && !chosen?.route && carrier.routes.some((r) => r.id === 'online')) {
      route = 'online';
      run.update({ kind: 'set-route', carrier: carrier.id, route });
    }
    // On the hotline route the ring shows the carrier's own number where the page publishes it (a
    // contact page), on a page of no other step: the number comes from the carrier data, not the page.
    target =
      route === 'online' && signal?.target !== undefined
        ? (elements[signal.target] ?? null)
        : route === 'hotline' && (step === null || step === 'find-entry')
          ? findHotlineElement(doc, carrier.hotlines.map((h) => h.number))
          : null;
    const thirdPartyFrame = Array.from(doc.querySelectorAll('iframe[src]')).some((f) => {
      const src = (f as HTMLIFrameElement).src;
      return /^https?:/i.test(src) && !officialSite(src, officialHosts);
    });
    const ringOn = target !== null && target !== hiddenTarget;
    const patch: Partial<PanelState> = { step, hasTarget: target !== null, thirdPartyFrame, highlightShown: ringOn };
    if (!ringOn) patch.spotlight = false;
    // The panel opens collapsed (a compact next-step card that covers no page control, issue 14)
    // and expands only when the user asks (button, shortcut) or the page fights it.
    store.set(patch);
    if (target && ringOn) showRing(target);
    else {
      cancelRing();
      highlight.hide();
    }
    if (step !== before.step || !before.step) run.reportPageState();
    const stored = store.get().progress;
    const card = stored ? cardOf(stored, carrier.id).stepsReached : [];
    if (step && !card.includes(step)) run.update({ kind: 'reach-step', carrier: carrier.id, step });
    placeSoon();
  };

  let lookSeq = 0;
  const evaluate = async (): Promise<void> => {
    if (lifetime.signal.aborted) return;
    // A look-alike gets no step, no highlight and no progress (issue 16): nothing to detect.
    if (site.trust === 'suspicious') return applyStep([], null);
    const { snapshot, elements } = takeSnapshot(doc, location);
    const mine = ++lookSeq;
    const reply = await send({ type: 'detect-step', snapshot, carrier: site.carrier });
    // No answer (the background is unreachable for a moment): keep what the panel shows.
    if (mine !== lookSeq || lifetime.signal.aborted || !reply.ok) return;
    applyStep(elements, reply.value.signal);
  };

  return {
    evaluate,
    ringed: () => (target && store.get().highlightShown ? target : null),
    showTarget() {
      if (!target) return;
      hiddenTarget = null;
      store.set({ highlightShown: true, spotlight: true });
      highlight.show(target, true);
      // Move keyboard focus to the element to use, so Enter follows it.
      if (target instanceof HTMLElement) target.focus({ preventScroll: true });
      // Never ring what the panel itself hides: once scrolled to, if the expanded panel lies over the
      // element, it folds to the card, which is placed clear of the ringed element.
      const ringed = target;
      const clear = () => {
        const panel = container.querySelector('[data-guide-panel]');
        if (!panel || target !== ringed || !store.get().expanded) return;
        const a = panel.getBoundingClientRect();
        const b = ringed.getBoundingClientRect();
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) store.set({ expanded: false });
      };
      // During the smooth scroll, and once it has ended.
      setTimeout(clear, 300);
      setTimeout(clear, 900);
    },
    hideTarget() {
      hiddenTarget = target;
      store.set({ highlightShown: false, spotlight: false });
      highlight.hide();
    },
    reattach() {
      trackerLifetime.abort();
      trackerLifetime = new AbortController();
      highlight = makeTracker();
    },
  };
}
