// Runs the panel on one official page: page → snapshot → detectors → state → panel.
// It owns its lifetime: a page-fired WXT event cannot end it; only a real extension reload can.
import { Component, render } from 'preact';
import { browser } from 'wxt/browser';
import { Highlight, type Rect } from '../../components/Highlight';
import { mountHost } from '../../components/mount-host';
import { Panel } from '../../components/Panel';
import type { PanelActions, PanelState } from '../../components/panel-state';
import { createStore, type Store } from '../../components/store';
import { carrierById } from '../../utils/carriers';
import type { Language } from '../../utils/types';
import type { PageState, ProgressAction, ProgressState, ToContent } from '../../utils/messages';
import { officialSite, type PageSite } from '../../utils/site-trust';
import { takeSnapshot } from '../../utils/snapshot';
import { findHotlineElement } from '../../utils/hotline-on-page';
import { setTextPack } from '../../utils/panel-texts/store';
import { cardOf } from '../../utils/progress';
import { routeOf } from '../../utils/route';
import type { ProgressV1, StepSignal } from '../../utils/types';
import { startFieldController } from './field-controller';
import { trackHighlight } from './highlight-tracker';
import { watchPage } from './page-watch';
import { placePanel, type Placed } from './place-panel';
import { send } from './send';
import { benchMark } from '../../utils/bench-mark';

interface AppProps {
  store: Store<PanelState>;
  actions: PanelActions;
  highlight: Store<HighlightState>;
}

// Renders the stores' latest values, again after every change (batched by Preact like a state
// update). A class component: the panel uses no hooks (see components/Panel.tsx).
class App extends Component<AppProps> {
  private unsubscribe: (() => void)[] = [];

  override componentDidMount() {
    const { store, highlight } = this.props;
    const rerender = () => this.forceUpdate();
    this.unsubscribe = [store.subscribe(rerender), highlight.subscribe(rerender)];
  }

  override componentWillUnmount() {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
  }

  override render({ store, actions, highlight }: AppProps) {
    const state = store.get();
    const hl = highlight.get();
    return (
      <>
        {state.turnedOff ? null : <PanelView state={state} actions={actions} />}
        {hl.rect && state.highlightShown && !state.turnedOff ? (
          <Highlight rect={hl.rect} viewport={hl.viewport} dim={state.spotlight} />
        ) : null}
      </>
    );
  }
}

// The ring follows scrolls and resizes: moving it must not render the whole panel again (issue 12).
// The store makes a new state object on every change, so an unchanged one means nothing to redo.
class PanelView extends Component<{ state: PanelState; actions: PanelActions }> {
  override shouldComponentUpdate(next: { state: PanelState }) {
    return next.state !== this.props.state;
  }

  override render({ state, actions }: { state: PanelState; actions: PanelActions }) {
    return <Panel state={state} actions={actions} />;
  }
}

interface HighlightState {
  rect: Rect | null;
  viewport: { width: number; height: number };
}

function isTurnedOff(progress: ProgressV1 | null, host: string): boolean {
  const s = progress?.settings;
  return !!s && (s.disabledEverywhere || s.disabledHosts.includes(host));
}

export async function startPanel(site: PageSite): Promise<void> {
  const doc = document;
  const lifetime = new AbortController();
  // The user's mark (issue 16) is asked for beside the progress and in the store before the first
  // render: arriving later, it cost a second render of the whole panel (issue 12).
  const markReply = send({ type: 'get-mark' });
  const initial = await send({ type: 'get-progress' });
  const progress = initial.ok ? initial.value.progress : null;
  // The guide's texts come from the background, one language at a time (the bundle carries none).
  // The first time without a language unless the user chose one: the background picks it from the
  // page's and the browser's language tags (utils/language.ts) and says which in the pack.
  const loadTexts = async (lang?: Language): Promise<Language | null> => {
    const reply = await send(
      lang
        ? { type: 'get-texts', lang, carrier: site.carrier }
        : { type: 'get-texts', pageLang: doc.documentElement.lang, browserLang: navigator.language, carrier: site.carrier },
    );
    if (!reply.ok) return null;
    setTextPack(reply.value);
    if (reply.value.css) css = reply.value.css;
    return reply.value.lang;
  };
  // The stylesheet comes with the first pack (utils/text-pack.ts): the bundle carries none.
  let css = '';
  const firstLang = (await loadTexts(progress?.settings.language ?? undefined)) ?? 'en';
  const carrier = carrierById(site.carrier);
  let wantedLang = firstLang;
  const switchLanguage = (lang: Language) => {
    if (lang === wantedLang) return;
    wantedLang = lang;
    void loadTexts(lang).then(() => {
      if (wantedLang === lang) store.set({ lang, carrier: carrierById(carrier.id) });
    });
  };

  const store = createStore<PanelState>({
    carrier,
    trust: site.trust,
    lang: firstLang,
    step: null,
    hasTarget: false,
    highlightShown: false,
    spotlight: false,
    progress,
    notice: initial.ok ? initial.value.notice : 'storage-unavailable',
    expanded: false,
    turnedOff: isTurnedOff(progress, site.host),
    field: null,
    thirdPartyFrame: false,
    focusRequest: 0,
    mark: await markReply.then((r) => (r.ok ? r.value.mark : null)),
  });
  const highlightStore = createStore<HighlightState>({ rect: null, viewport: { width: 0, height: 0 } });

  // The guard adds the callout's styles when it first draws in this root (the panel has no callout code).
  // The host guards itself against the page (issue 16); a page that keeps fighting is named.
  const mounted = mountHost(doc, css, {
    signal: lifetime.signal,
    onFight() {
      store.set({ fighting: true, expanded: true });
      void send({ type: 'page-fight' });
    },
  });
  const container = doc.createElement('div');
  mounted.root.append(container);

  let elements: Element[] = [];
  let target: Element | null = null;
  // The user hid the highlight of this element: do not bring it back until the target changes.
  let hiddenTarget: Element | null = null;

  // document.open() erases the window listeners the tracker relies on: it is made again after a rewrite.
  let trackerLifetime = new AbortController();
  const makeTracker = () =>
    trackHighlight(
      window,
      (rect, viewport) => highlightStore.set({ rect, viewport }),
      AbortSignal.any([lifetime.signal, trackerLifetime.signal]),
    );
  let highlight = makeTracker();

  const update = (action: ProgressAction, after?: () => void) => {
    void send({ type: 'update-progress', action }).then((reply) => {
      // A refused change (a look-alike, a bad action) leaves the panel as it was.
      if (reply.ok) applyProgress(reply.value);
      after?.();
    });
  };
  const applyProgress = (state: ProgressState) => {
    const current = store.get();
    const chosen = state.progress.settings.language;
    store.set({
      progress: state.progress,
      // A reset notice stays until dismissed; the storage notice goes once storage works again.
      notice: state.notice ?? (current.notice === 'storage-unavailable' ? null : current.notice),
      turnedOff: isTurnedOff(state.progress, site.host),
    });
    if (chosen) switchLanguage(chosen);
  };

  const reportPageState = () => {
    const s = store.get();
    const pageState: PageState = { carrier: carrier.id, trust: s.trust, step: s.step };
    void send({ type: 'page-state', state: pageState });
  };

  // The collapsed card covers no page control (issue 14): placed again, once per animation frame at
  // most, after a render, a scroll, a resize or a change of the page. The ringed element is kept clear too.
  let placed: Placed | null = null;
  let placeFrame = 0;
  let placedAt = -Infinity;
  const place = () => {
    placeFrame = 0;
    // At most ten times a second (a long scroll or a mutation storm on a page of 10,000 controls).
    const wait = placedAt + 100 - performance.now();
    if (wait > 0) {
      placeFrame = requestAnimationFrame(() => setTimeout(place, wait));
      return;
    }
    placedAt = performance.now();
    const s = store.get();
    const panel = container.querySelector('[data-guide-panel]');
    if (lifetime.signal.aborted || s.expanded || s.turnedOff || !panel) return;
    const avoid = target && s.highlightShown ? [target] : [];
    placed = placePanel(doc, mounted.host, container, panel, avoid, placed);
    container.style.setProperty('--x', `${placed.x}px`);
    container.style.setProperty('--y', `${placed.y}px`);
  };
  const placeTab = () => {
    if (!placeFrame && !lifetime.signal.aborted) placeFrame = requestAnimationFrame(place);
  };
  lifetime.signal.addEventListener('abort', () => cancelAnimationFrame(placeFrame));
  store.subscribe(placeTab);
  /** Where focus was when the shortcut opened the panel: Escape or × gives it back. */
  let returnFocus: HTMLElement | null = null;

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

  // The step comes from the background, which runs the detectors on this page's snapshot (the
  // script carries no detectors). Answers can cross: only the latest look at the page counts.
  let lookSeq = 0;
  const evaluate = async (): Promise<void> => {
    if (lifetime.signal.aborted) return;
    // A look-alike gets no step, no highlight and no progress (issue 16): nothing to detect.
    if (site.trust === 'suspicious') return applyStep([], null);
    const { snapshot, elements: found } = takeSnapshot(doc, location);
    const mine = ++lookSeq;
    const reply = await send({ type: 'detect-step', snapshot, carrier: carrier.id });
    // No answer (the background is unreachable for a moment): keep what the panel shows.
    if (mine !== lookSeq || lifetime.signal.aborted || !reply.ok) return;
    applyStep(found, reply.value.signal);
  };

  const applyStep = (found: Element[], signal: StepSignal | null) => {
    elements = found;
    const before = store.get();
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
      update({ kind: 'set-route', carrier: carrier.id, route });
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
      return /^https?:/i.test(src) && !officialSite(src);
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
    if (step !== before.step || !before.step) reportPageState();
    const stored = store.get().progress;
    const card = stored ? cardOf(stored, carrier.id).stepsReached : [];
    if (step && !card.includes(step)) update({ kind: 'reach-step', carrier: carrier.id, step });
    placeTab();
  };

  const fields = startFieldController({
    host: mounted.host,
    root: mounted.root,
    store,
    signal: lifetime.signal,
  });

  const actions: PanelActions = {
    setExpanded(expanded) {
      store.set({ expanded });
      update({ kind: 'settings', patch: { collapsed: !expanded } });
      if (expanded) return false;
      store.set({ spotlight: false });
      placeTab();
      const back = returnFocus;
      returnFocus = null;
      if (!back?.isConnected) return false;
      back.focus({ preventScroll: true });
      return true;
    },
    setLanguage(lang) {
      switchLanguage(lang);
      update({ kind: 'settings', patch: { language: lang } });
    },
    toggleCheck: (item) => update({ kind: 'toggle-check', carrier: carrier.id, item }),
    markStep: (step, done) => update({ kind: 'mark-step', carrier: carrier.id, step, done }),
    // The ring follows the route: look at the page again once the choice is stored.
    setRoute: (route) => update({ kind: 'set-route', carrier: carrier.id, route }, evaluate),
    setTied: (item, state) => update({ kind: 'tied', carrier: carrier.id, item, state }),
    reset: () => update({ kind: 'reset', carrier: carrier.id }),
    addCard: (label) => update({ kind: 'add-card', carrier: carrier.id, label }),
    selectCard: (card) => update({ kind: 'select-card', carrier: carrier.id, card }),
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
    hideHighlight() {
      hiddenTarget = target;
      store.set({ highlightShown: false, spotlight: false });
      highlight.hide();
    },
    turnOff(scope) {
      const settings = store.get().progress?.settings;
      const patch =
        scope === 'everywhere'
          ? { disabledEverywhere: true }
          : { disabledHosts: [...new Set([...(settings?.disabledHosts ?? []), site.host])].sort() };
      store.set({ turnedOff: true, highlightShown: false, spotlight: false });
      highlight.hide();
      update({ kind: 'settings', patch });
    },
    dismissNotice: () => store.set({ notice: null }),
    openSettings: () => void send({ type: 'open-page', page: 'options' }),
    printChecklist: () => void send({ type: 'open-checklist', carrier: carrier.id, lang: store.get().lang }),
  };

  // Clicking our buttons must not blur the page's field (the contract): only our own text boxes take focus.
  const keepFieldFocus = (e: MouseEvent) => {
    const el = e.target as Element | null;
    if (!el?.closest('input:not([type=checkbox]):not([type=radio]),select,textarea')) e.preventDefault();
  };
  container.addEventListener('mousedown', keepFieldFocus);

  const renderApp = () => render(<App store={store} actions={actions} highlight={highlightStore} />, container);

  let lastHtml = doc.documentElement;
  const watcher = watchPage(doc, {
    host: mounted.host,
    signal: lifetime.signal,
    onChange: () => {
      placeTab();
      void evaluate();
    },
    onRewrite() {
      // The page removed us or rewrote itself: put the panel back with its state, re-attach listeners.
      const rewritten = doc.documentElement !== lastHtml;
      lastHtml = doc.documentElement;
      mounted.ensureMounted();
      if (rewritten) {
        // document.open() erased every listener in the old tree, Preact's inside our shadow root
        // too: render afresh (the state lives in the stores) and add our own listeners again.
        render(null, container);
        renderApp();
        container.addEventListener('mousedown', keepFieldFocus);
        window.addEventListener('resize', placeTab, { passive: true, signal: lifetime.signal });
        window.addEventListener('scroll', placeTab, { passive: true, capture: true, signal: lifetime.signal });
        trackerLifetime.abort();
        trackerLifetime = new AbortController();
        highlight = makeTracker();
      }
      watcher.reattach();
      fields.reattach();
      attachPageListeners();
      setTimeout(() => void evaluate(), 0);
    },
  });

  let keyListener = new AbortController();
  const attachPageListeners = () => {
    keyListener.abort();
    keyListener = new AbortController();
    // Escape anywhere lifts the dimming (the panel handles Escape inside itself).
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && store.get().spotlight) store.set({ spotlight: false });
      },
      { signal: keyListener.signal, capture: true },
    );
    // Chrome closes a page's ports when it enters the back/forward cache (the background then
    // forgets the tab) and tells the page nothing: on a restore, open a new port, which reports the
    // page again. Attached here so a rewritten document (document.open drops listeners) gets it back.
    window.addEventListener(
      'pageshow',
      (event) => {
        if (event.persisted && !lifetime.signal.aborted) connect();
      },
      { signal: keyListener.signal },
    );
  };
  attachPageListeners();
  lifetime.signal.addEventListener('abort', () => keyListener.abort());

  const onMessage = (raw: unknown) => {
    const msg = raw as ToContent;
    if (msg?.type === 'progress') applyProgress(msg.state);
    else if (msg?.type === 'frame-field') fields.fromFrame(msg.kind, msg.severity);
    else if (msg?.type === 'panel-command') {
      if (msg.command === 'collapse') actions.setExpanded(false);
      else {
        if (store.get().turnedOff) {
          const s = store.get().progress?.settings;
          update({
            kind: 'settings',
            patch: { disabledEverywhere: false, disabledHosts: (s?.disabledHosts ?? []).filter((h) => h !== site.host) },
          });
        }
        // Focus goes into the panel: remember where it was on the page, to give it back on Escape.
        const active = doc.activeElement;
        if (!store.get().expanded && active instanceof HTMLElement && active !== mounted.host && active !== doc.body) returnFocus = active;
        store.set({ turnedOff: false, expanded: true, focusRequest: store.get().focusRequest + 1 });
      }
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // A port tells us when the extension is reloaded or updated: then this copy must go, cleanly.
  let currentPort: object | null = null;
  const connect = () => {
    try {
      const port = browser.runtime.connect({ name: 'panel' });
      currentPort = port;
      // The background forgets a tab whose port closed: tell it again where we are.
      reportPageState();
      port.onDisconnect.addListener(() => {
        // A port replaced after a back/forward cache restore (below) no longer speaks for us.
        if (lifetime.signal.aborted || port !== currentPort) return;
        if (!browser.runtime?.id) teardown();
        else setTimeout(connect, 1000); // the service worker was only stopped
      });
    } catch {
      teardown();
    }
  };
  const teardown = () => {
    lifetime.abort();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The context is already gone.
    }
    render(null, container);
    mounted.host.remove();
  };
  connect();
  window.addEventListener('resize', placeTab, { passive: true, signal: lifetime.signal });
  window.addEventListener('scroll', placeTab, { passive: true, capture: true, signal: lifetime.signal });

  // The first look decides whether the panel opens: render once it is known (one message away).
  await evaluate();
  renderApp();
  // Before the first paint: the card never shows over a control, even for a frame. Once: the
  // placement the first look's store change asked for would only do it again.
  cancelAnimationFrame(placeFrame);
  place();
  // For the benchmark (bench/run.mjs): DOMContentLoaded → panel on screen. A mark carries no data.
  benchMark('sxg:panel-mounted');
  if (doc.readyState !== 'complete') window.addEventListener('load', () => void evaluate(), { once: true, signal: lifetime.signal });
}
