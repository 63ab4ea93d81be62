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
}

function raiseToTopLayer(host: HTMLElement): void {
  // The top layer keeps us above any page overlay, whatever its z-index.
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // Older engines without popover: the max z-index still applies.
  }
}

export function mountHost(doc: Document, css: string): MountedHost {
  // A stale host from an earlier copy of the extension (after an update) must not linger.
  for (const old of Array.from(doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`))) old.remove();

  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.setAttribute('popover', 'manual');
  applyHostStyle(host);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);

  // Top-layer elements of the page that were open when we last went on top: they are below us.
  let below = new Set<Element>();
  const stayOnTop = (): boolean => {
    if (!host.isConnected) return false;
    let open: Element[];
    try {
      open = Array.from(doc.querySelectorAll(':popover-open')).filter((el) => el !== host);
    } catch {
      return false; // no popover support: the max z-index is all there is
    }
    const covered = open.some((el) => !below.has(el));
    below = new Set(open);
    // Hiding our popover would move focus out of our panel (back to where it was when shown): wait.
    if (!covered || doc.activeElement === host) return false;
    try {
      host.hidePopover();
      host.showPopover();
    } catch {
      return false;
    }
    return true;
  };
  // A popover opening fires a non-bubbling "toggle" event: a capturing listener still sees it at once.
  let lastQuick = -Infinity;
  const onToggle = (e: Event) => {
    if (e.target === host || (e as Event & { newState?: string }).newState !== 'open') return;
    // A page that answers in kind must not start a loop: at most once a second here, the caller's
    // periodic check does the rest.
    const now = performance.now();
    if (now - lastQuick < 1000) return;
    lastQuick = now;
    queueMicrotask(stayOnTop);
  };

  const ensureMounted = (): boolean => {
    const html = host.ownerDocument === doc ? doc.documentElement : null;
    let moved = false;
    if (!html) return false;
    if (host.parentNode !== html) {
      html.append(host);
      moved = true;
    }
    // A page may rewrite our inline style or drop the popover attribute: cheap to restore every time.
    applyHostStyle(host);
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    raiseToTopLayer(host);
    // Re-adding the same listener is a no-op; after document.open() erased it, this brings it back.
    doc.addEventListener('toggle', onToggle, true);
    return moved;
  };
  ensureMounted();
  return { host, root, ensureMounted, stayOnTop };
}
