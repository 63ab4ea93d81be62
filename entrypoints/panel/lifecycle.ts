// The lifecycle part: how long this copy of the panel lives and what reaches it from outside.
// It owns its lifetime: a page-fired WXT event cannot end it; only a real extension reload can,
// which the port to the background tells. It also keeps the panel in a page that changes under it
// (single-page navigation, DOM changes, document.open()) and a page restored from the back/forward cache.
import { browser } from '../../utils/page/browser';
import type { ProgressState, ToContent } from '../../utils/messages';
import type { FieldKind, Severity } from '../../utils/types';
import type { PanelRun } from './panel-run';
import { watchPage } from './page-watch';

export interface LifecycleHandlers {
  /** The page may have become another step. */
  onPageChange(): void;
  /** document.open() rewrote the page, or it removed our host: the host is back; re-attach what was lost. */
  onRewrite(rewritten: boolean): void;
  onProgress(state: ProgressState): void;
  /** A field in a sub-frame got or lost focus (the background relays it). */
  onFrameField(kind: FieldKind | null, severity: Severity | null): void;
  /** The keyboard shortcut or the popup: open (or focus) the guide, or collapse it. */
  onCommand(command: 'open' | 'collapse' | 'focus'): void;
  /** The panel goes (the extension was reloaded or removed). */
  onTeardown(): void;
}

export function runLifecycle(run: PanelRun, on: LifecycleHandlers): void {
  const { doc, store, lifetime, mounted } = run;

  const onMessage = (raw: unknown) => {
    const msg = raw as ToContent;
    if (msg?.type === 'progress') on.onProgress(msg.state);
    else if (msg?.type === 'frame-field') on.onFrameField(msg.kind, msg.severity);
    else if (msg?.type === 'panel-command') on.onCommand(msg.command);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  const teardown = () => {
    lifetime.abort();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The context is already gone.
    }
    on.onTeardown();
    mounted.host.remove();
  };

  // A port tells us when the extension is reloaded or updated: then this copy must go, cleanly.
  let currentPort: object | null = null;
  const connect = () => {
    try {
      const port = browser.runtime.connect({ name: 'panel' });
      currentPort = port;
      // The background forgets a tab whose port closed: tell it again where we are.
      run.reportPageState();
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

  let pageListeners = new AbortController();
  lifetime.signal.addEventListener('abort', () => pageListeners.abort());
  const attachPageListeners = () => {
    pageListeners.abort();
    pageListeners = new AbortController();
    // Escape anywhere lifts the dimming (the panel handles Escape inside itself).
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && store.get().spotlight) store.set({ spotlight: false });
      },
      { signal: pageListeners.signal, capture: true },
    );
    // Chrome closes a page's ports when it enters the back/forward cache (the background then
    // forgets the tab) and tells the page nothing: on a restore, open a new port, which reports the
    // page again. Attached here so a rewritten document (document.open drops listeners) gets it back.
    window.addEventListener(
      'pageshow',
      (event) => {
        if (event.persisted && !lifetime.signal.aborted) connect();
      },
      { signal: pageListeners.signal },
    );
  };

  let lastHtml = doc.documentElement;
  const watcher = watchPage(doc, {
    host: mounted.host,
    signal: lifetime.signal,
    onChange: on.onPageChange,
    onRewrite() {
      const rewritten = doc.documentElement !== lastHtml;
      lastHtml = doc.documentElement;
      mounted.ensureMounted();
      on.onRewrite(rewritten);
      watcher.reattach();
      attachPageListeners();
    },
  });

  attachPageListeners();
  connect();
}
