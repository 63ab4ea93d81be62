// Tells the panel when the page may have become another step: single-page navigation, DOM changes
// (throttled, ignoring our own host), and a rewritten document (document.open drops listeners).

export interface PageWatchOptions {
  host: Element;
  /** Called at most once per interval, trailing, after relevant changes (soon after a navigation). */
  onChange(): void;
  /** Called when the document element was replaced or our host was removed. */
  onRewrite(): void;
  signal: AbortSignal;
  throttleMs?: number;
}

export function watchPage(doc: Document, opts: PageWatchOptions): { reattach(): void } {
  const { host, onChange, onRewrite, signal } = opts;
  const throttleMs = opts.throttleMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastHref = doc.location?.href ?? '';
  let lastHtml = doc.documentElement;

  const flush = () => {
    timer = null;
    onChange();
  };
  const schedule = (navigation: boolean) => {
    if (signal.aborted) return;
    if (timer === null) timer = setTimeout(flush, navigation ? 50 : throttleMs);
  };
  const checkLocation = () => {
    const href = doc.location?.href ?? '';
    if (href !== lastHref) {
      lastHref = href;
      schedule(true);
    }
  };
  const checkRewrite = () => {
    if (doc.documentElement !== lastHtml || !host.isConnected) {
      lastHtml = doc.documentElement;
      onRewrite();
      return true;
    }
    return false;
  };

  const observer = new MutationObserver((records) => {
    if (checkRewrite()) return;
    // Our own panel re-rendering must not look like a page change.
    if (records.every((r) => r.target === host || host.contains(r.target))) return;
    checkLocation();
    schedule(false);
  });
  const observe = () => {
    observer.disconnect();
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  };

  const listeners = new AbortController();
  const attachListeners = () => {
    const win = doc.defaultView;
    if (!win) return;
    const options = { signal: listeners.signal, capture: true } as const;
    win.addEventListener('popstate', () => schedule(true), options);
    win.addEventListener('hashchange', () => schedule(true), options);
    win.addEventListener('pageshow', () => schedule(true), options);
  };

  // A backstop that costs nothing: pushState makes no event, and a rewritten document drops ours.
  const interval = setInterval(() => {
    if (!checkRewrite()) checkLocation();
  }, 1000);

  observe();
  attachListeners();
  signal.addEventListener('abort', () => {
    observer.disconnect();
    listeners.abort();
    clearInterval(interval);
    if (timer !== null) clearTimeout(timer);
  });

  return {
    reattach() {
      lastHtml = doc.documentElement;
      lastHref = doc.location?.href ?? '';
      observe();
      attachListeners();
    },
  };
}
