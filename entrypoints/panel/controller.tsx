// Runs the panel on one page: page → snapshot → the background's detectors → state → view. This
// file only wires the parts, each a file of this folder with one job:
//   panel-texts.ts     the texts, carrier and stylesheet from the background, and language changes
//   step-tracker.ts    which step the page is, the element to use, the ring
//   card-placement.ts  where the collapsed card goes (it covers no page control)
//   panel-actions.ts   what the panel's buttons and the shortcut do
//   field-controller.ts  the panel's side of the seam with the field guard (utils/page/top-frame-seam.ts)
//   lifecycle.ts       the port, messages, page rewrites, back/forward cache, teardown
//   App.tsx            the view of the stores
// They share one PanelRun (panel-run.ts) and talk through its stores.
import { render } from 'preact';
import { mountHost } from '../../components/mount-host';
import type { PanelState } from '../../components/panel-state';
import { createStore } from '../../components/store';
import { guideOff } from '../../utils/guide-off';
import { benchMark } from '../../utils/page/bench-mark';
import type { ProgressState } from '../../utils/messages';
import type { PageSite } from '../../utils/site-trust';
import { textsFromPack } from '../../utils/texts';
import type { ProgressV1 } from '../../utils/types';
import { App } from './App';
import { placeCard } from './card-placement';
import { startFieldController } from './field-controller';
import { runLifecycle } from './lifecycle';
import { panelActions } from './panel-actions';
import type { HighlightState, PanelRun } from './panel-run';
import { fetchTexts, languageSwitcher } from './panel-texts';
import { send } from './send';
import { trackSteps } from './step-tracker';

/** The guide is off on this site or everywhere: the same rule as the popup, the icon and the settings page. */
const isTurnedOff = (progress: ProgressV1 | null, host: string): boolean => guideOff(progress?.settings, host) !== null;

export async function startPanel(site: PageSite): Promise<void> {
  const doc = document;
  // The user's mark (issue 16), shown in the real panel only, is asked for beside the progress and
  // is in the store before the first render: arriving later, it cost a second render (issue 12).
  const markReply = send({ type: 'get-mark' });
  const initial = await send({ type: 'get-progress' });
  const progress = initial.ok ? initial.value.progress : null;
  const pack = await fetchTexts(site, doc, progress?.settings.language ?? undefined);
  // No answer from the background: no texts, no carrier to show. The extension is being reloaded
  // or removed; the copy that comes with it starts afresh.
  if (!pack?.carrier) return;

  const store = createStore<PanelState>({
    carrier: pack.carrier,
    trust: site.trust,
    texts: textsFromPack(pack),
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
    shortcut: pack.shortcut ?? null,
    mark: await markReply.then((r) => (r.ok ? r.value.mark : null)),
  });
  const lifetime = new AbortController();
  // The host guards itself against the page (issue 16); a page that keeps fighting is named. The
  // guard adds the callout's styles when it first draws in this root (the panel has no callout code).
  const mounted = mountHost(doc, pack.css ?? '', {
    signal: lifetime.signal,
    onFight() {
      store.set({ fighting: true, expanded: true });
      void send({ type: 'page-fight' });
    },
  });
  const container = doc.createElement('div');
  mounted.root.append(container);

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
  const run: PanelRun = {
    doc,
    site,
    store,
    highlight: createStore<HighlightState>({ rect: null, viewport: { width: 0, height: 0 } }),
    lifetime,
    mounted,
    container,
    update(action, after) {
      void send({ type: 'update-progress', action }).then((reply) => {
        // A refused change (a look-alike, a bad action) leaves the panel as it was.
        if (reply.ok) applyProgress(reply.value);
        after?.();
      });
    },
    reportPageState() {
      const s = store.get();
      void send({ type: 'page-state', state: { carrier: site.carrier, trust: s.trust, step: s.step } });
    },
  };

  const switchLanguage = languageSwitcher(run);
  const placement = placeCard(run, () => {
    const ringed = steps.ringed();
    return ringed ? [ringed] : [];
  });
  const steps = trackSteps(run, placement.placeSoon);
  const fields = startFieldController(run);
  const { actions, openFromShortcut } = panelActions(run, { steps, placement, switchLanguage });

  // Clicking our buttons must not blur the page's field (the contract): only our own text boxes take focus.
  const keepFieldFocus = (e: MouseEvent) => {
    const el = e.target as Element | null;
    if (!el?.closest('input:not([type=checkbox]):not([type=radio]),select,textarea')) e.preventDefault();
  };
  container.addEventListener('mousedown', keepFieldFocus);
  const renderApp = () => render(<App store={store} actions={actions} highlight={run.highlight} />, container);

  runLifecycle(run, {
    onPageChange() {
      placement.placeSoon();
      void steps.evaluate();
    },
    onRewrite(rewritten) {
      if (rewritten) {
        // document.open() erased every listener in the old tree, Preact's inside our shadow root
        // too: render afresh (the state lives in the stores) and add our own listeners again.
        render(null, container);
        renderApp();
        container.addEventListener('mousedown', keepFieldFocus);
        placement.listen();
        steps.reattach();
      }
      fields.reattach();
      setTimeout(() => void steps.evaluate(), 0);
    },
    onProgress: applyProgress,
    onFrameField: fields.fromFrame,
    onCommand: (command) => (command === 'collapse' ? void actions.setExpanded(false) : openFromShortcut()),
    onTeardown: () => render(null, container),
  });

  // The first look decides whether the panel opens: render once it is known (one message away).
  await steps.evaluate();
  renderApp();
  placement.place(); // before the first paint: the card never shows over a control, even for a frame
  // For the benchmark (bench/run.mjs): DOMContentLoaded → panel on screen. A mark carries no data.
  benchMark('sxg:panel-mounted');
  if (doc.readyState !== 'complete') window.addEventListener('load', () => void steps.evaluate(), { once: true, signal: lifetime.signal });
}
