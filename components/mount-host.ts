// The panel's host: a plain <div> under <html> with a closed shadow root, kept in the top layer.
// A <div> (not a custom element) so a page cannot take it over by registering our tag name;
// inline !important styles in px so page rules, resets and root font sizes cannot move or hide it.

export const HOST_ATTRIBUTE = 'data-sim-exit-guide-host';

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  top: '0px',
  left: '0px',
  right: 'auto',
  bottom: 'auto',
  width: '0px',
  height: '0px',
  margin: '0px',
  padding: '0px',
  border: '0px',
  overflow: 'visible',
  background: 'transparent',
  'z-index': '2147483647',
  transform: 'none',
  filter: 'none',
  opacity: '1',
  visibility: 'visible',
  'clip-path': 'none',
  contain: 'none',
  'pointer-events': 'none',
};

export interface MountOptions {
  /** Ends the guard (the panel's lifetime). */
  signal?: AbortSignal;
  /**
   * A page that keeps fighting the panel (hiding it, making it inert, covering it again and again):
   * called with true once it does, so the panel, the popup and the toolbar icon can say so.
   */
  onFight?(): void;
}

/** Attacks on the host within FIGHT_WINDOW_MS that make a page "fighting". */
const FIGHT_POINTS = 5;
const FIGHT_WINDOW_MS = 5000;
/** Immediate answers to a page's top-layer moves per second; beyond, one per animation frame (no ping-pong loop). */
const QUICK_PER_SECOND = 60;
/** How often the guard looks (modal dialogs, fullscreen, inert ancestors have no event of their own everywhere). */
const GUARD_MS = 250;

export interface MountedHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Puts the host back if the page removed it or rewrote the document; true when it had to. */
  ensureMounted(): boolean;
  /**
   * Shows the host last in the top layer again if the page opened a popover of its own after it
   * (a later top-layer element covers an earlier one); true when it had to. Cheap: call it often.
   */
  stayOnTop(): boolean;
}

function applyHostStyle(host: HTMLElement): void {
  for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
  // `all: initial !important` pins text spacing too (Firefox writes every longhand out): a reader's
  // own spacing styles could not reach the panel (WCAG 1.4.12, axe's avoid-inline-spacing). Same
  // values, without !important.
  for (const prop of ['letter-spacing', 'word-spacing']) host.style.setProperty(prop, 'normal');
}

function raiseToTopLayer(host: HTMLElement): void {
  // The top layer keeps us above any page overlay, whatever its z-index.
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // Older engines without popover: the max z-index still applies.
  }
}

export function mountHost(doc: Document, css: string, options: MountOptions = {}): MountedHost {
  // A stale host from an earlier copy of the extension (after an update) must not linger.
  for (const old of Array.from(doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`))) old.remove();

  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.setAttribute('popover', 'manual');
  applyHostStyle(host);
  let ownStyle = host.getAttribute('style');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);

  // Top-layer elements of the page that were open when we last went on top: they are below us.
  let below = new Set<Element>();
  let lastRaise = -Infinity;
  let ownToggle = false;
  /** Hide and show our popover: last in the top layer, above whatever the page opened. */
  const raise = (): boolean => {
    // Hiding our popover moves focus out of our panel (back to where it was when shown): put it back.
    const focused = doc.activeElement === host ? root.activeElement : null;
    ownToggle = true;
    try {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
      lastRaise = performance.now();
      if (focused instanceof HTMLElement) focused.focus({ preventScroll: true });
      return true;
    } catch {
      return false;
    } finally {
      ownToggle = false;
    }
  };

  // A page that keeps at it is named (issue 16): points for every attack on the host, and for
  // covering it again right after it rose.
  let points: number[] = [];
  let fighting = false;
  const attacked = () => {
    const now = performance.now();
    points = [...points.filter((t) => now - t < FIGHT_WINDOW_MS), now];
    if (!fighting && points.length >= FIGHT_POINTS) {
      fighting = true;
      options.onFight?.();
    }
  };

  /** The open modal dialog of the page, if any: everything outside it is inert, so we go inside. */
  const modalDialog = (): Element | null => {
    try {
      return Array.from(doc.querySelectorAll('dialog:modal')).at(-1) ?? null;
    } catch {
      return null; // no :modal support
    }
  };

  const stayOnTop = (): boolean => {
    if (!host.isConnected) return false;
    let open: Element[];
    try {
      open = Array.from(doc.querySelectorAll(':popover-open, dialog:modal')).filter((el) => el !== host);
    } catch {
      return false; // no popover support: the max z-index is all there is
    }
    const full = doc.fullscreenElement;
    if (full && full !== host) open.push(full);
    const covered = open.some((el) => !below.has(el));
    below = new Set(open);
    return covered ? raise() : false;
  };

  // Answers to the page's top-layer moves: at once (in a microtask, before anything is painted or
  // clicked) up to QUICK_PER_SECOND a second, then once per animation frame, so a page that answers
  // in kind cannot start a loop that hangs it.
  let quick: number[] = [];
  let frameQueued = false;
  const answer = () => {
    const now = performance.now();
    quick = quick.filter((t) => now - t < 1000);
    if (quick.length < QUICK_PER_SECOND) {
      quick.push(now);
      queueMicrotask(stayOnTop);
    } else if (!frameQueued) {
      frameQueued = true;
      requestAnimationFrame(() => {
        frameQueued = false;
        stayOnTop();
      });
    }
  };
  // "beforetoggle" fires synchronously inside the page's own showPopover()/hidePopover() call.
  const onBeforeToggle = (e: Event) => {
    const state = (e as Event & { newState?: string }).newState;
    if (e.target === host) {
      if (state !== 'closed' || ownToggle) return;
      // The page hid our panel: show it again right after its script.
      attacked();
      queueMicrotask(() => {
        if (host.isConnected && !host.matches(':popover-open')) raise();
      });
      return;
    }
    if (state !== 'open' || !(e.target instanceof Element)) return;
    // Opened again, it goes above us in the top layer, even if it was below before.
    below.delete(e.target);
    if (performance.now() - lastRaise < 200) attacked(); // covered again right after we rose
    answer();
  };
  const onFullscreen = () => {
    if (doc.fullscreenElement) below.delete(doc.fullscreenElement);
    answer();
  };

  // Attributes the page sets on our host (inert, hidden, style, popover) or `inert` on <html>.
  const attributes = new MutationObserver((records) => {
    let hit = false;
    for (const r of records) {
      if (r.target === host || r.attributeName === 'inert') hit = true;
    }
    if (!hit) return;
    attacked();
    restore();
  });

  const wantedParent = (): Element | null => modalDialog() ?? (host.ownerDocument === doc ? doc.documentElement : null);

  /** Undo what a page did to the host: attributes, style, inertness, a modal dialog over it, the top layer. */
  const restore = () => {
    for (const name of ['inert', 'hidden']) if (host.hasAttribute(name)) host.removeAttribute(name);
    const html = doc.documentElement;
    // `inert` on <html> would make everything, our panel included, unusable.
    if (html?.hasAttribute('inert')) html.removeAttribute('inert');
    // Only when changed: writing the style attribute is itself a mutation the observer would see.
    if (host.getAttribute('style') !== ownStyle) {
      applyHostStyle(host);
      ownStyle = host.getAttribute('style');
    }
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    raiseToTopLayer(host);
    attributes.takeRecords(); // our own changes are no attack
  };

  const ensureMounted = (): boolean => {
    const parent = wantedParent();
    let moved = false;
    if (!parent) return false;
    if (host.parentNode !== parent) {
      // Under a modal dialog the rest of the page is inert: inside it we stay usable.
      parent.append(host);
      moved = true;
    }
    // A page may rewrite our inline style or drop the popover attribute: cheap to restore every time.
    restore();
    if (moved) raise();
    // Re-adding the same listener is a no-op; after document.open() erased it, this brings it back.
    doc.addEventListener('beforetoggle', onBeforeToggle, true);
    doc.addEventListener('fullscreenchange', onFullscreen, true);
    attributes.disconnect();
    attributes.observe(host, { attributes: true });
    if (doc.documentElement) attributes.observe(doc.documentElement, { attributes: true, attributeFilter: ['inert'] });
    return moved;
  };

  if (options.signal) {
    const guard = setInterval(() => {
      // Removed, or in the wrong place (a modal dialog opened or closed): put it back.
      if (!host.isConnected || host.parentNode !== wantedParent()) ensureMounted();
      else stayOnTop();
    }, GUARD_MS);
    options.signal.addEventListener('abort', () => {
      clearInterval(guard);
      attributes.disconnect();
      doc.removeEventListener('beforetoggle', onBeforeToggle, true);
      doc.removeEventListener('fullscreenchange', onFullscreen, true);
    });
  }
  ensureMounted();
  return { host, root, ensureMounted, stayOnTop };
}
