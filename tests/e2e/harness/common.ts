// What both browsers' harnesses share: the interface a scenario drives, the plain data it reads,
// the storage-fault scripts and the polling helpers. Its own file so that browser.ts (the Chromium
// side and the launcher), firefox.ts and the readers import it without importing one another.

import type { AuditOptions, AxeReport } from './axe';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PanelState {
  /** A guide host with a shadow root that holds `[data-guide-panel]`. */
  present: boolean;
  url: string;
  /** How many elements carry `data-sim-exit-guide-host` (one expected, never duplicates). */
  hostCount: number;
  /** The host's parent element, e.g. `HTML`. */
  hostParent: string | null;
  shadowType: 'open' | 'closed' | 'user-agent' | null;
  panel: null | {
    role: string | null;
    /** Accessible name: the browser's computed name, else aria-label / aria-labelledby text. */
    name: string;
    ariaLabel: string | null;
    ariaLabelledby: string | null;
    lang: string | null;
    carrier: string | null;
    siteTrust: string | null;
    attrs: Record<string, string>;
  };
  steps: { id: string; current: string | null }[];
  /** Ids of the steps with aria-current="step" (zero or one expected). */
  currentSteps: string[];
  currentStep: string | null;
  /** `[data-field-kind]` inside the guide's shadow root. */
  fieldMessages: { kind: string; severity: string | null; role: string | null }[];
}

export interface FieldKindElement {
  kind: string;
  severity: string | null;
  role: string | null;
  /** Where it was found: the guide's shadow root, another shadow root, a document, a frame. */
  where: 'guide' | 'shadow' | 'document' | 'frame';
}

export type BrowserName = 'chromium' | 'firefox';

/** An element described as data (from the guide's shadow root or the page). */
export interface ElementInfo {
  /** Lower-case tag name. */
  tag: string;
  attrs: Record<string, string>;
  /** Text of the subtree (script/style/template skipped), whitespace collapsed. */
  text: string;
  /** Border box in viewport CSS pixels, or null when not rendered. */
  box: Box | null;
  /**
   * Checked state as `readChecked` in shadow.ts defines it: the element's own `aria-checked`, else
   * its `checked` property (an input), else the same on its first checkbox-like descendant; null if none.
   */
  checked: boolean | null;
}

export interface FrameCallout {
  /** data-callout-kind */
  kind: string;
  text: string;
  /** The text of `[data-callout-mark]`, or null when the callout has none. */
  mark: string | null;
}

export interface GotoOptions {
  /** Default 'load'. */
  waitUntil?: 'load' | 'domcontentloaded';
}

export interface E2EPage {
  readonly browserName: BrowserName;
  /** The top document's URL as the browser reports it. */
  url(): string;
  /** Navigate; resolves with the main response's HTTP status (null when there was none). */
  goto(url: string, options?: GotoOptions): Promise<number | null>;
  reload(options?: GotoOptions): Promise<void>;
  title(): Promise<string>;
  close(): Promise<void>;

  // --- the test contract, read inside the closed shadow root -------------------------------
  /** The panel as the contract sees it (never throws for a missing panel). */
  queryPanel(): Promise<PanelState>;
  /** Poll `queryPanel` until `predicate` holds; on timeout fail with the last state. */
  waitForPanel(predicate?: (state: PanelState) => boolean, timeout?: number): Promise<PanelState>;
  /** Every `[data-field-kind]` on the whole page: document, every shadow root (closed too), frames. */
  fieldKindElements(): Promise<FieldKindElement[]>;
  countFieldKind(): Promise<number>;
  /** The first element matching `selector` in the guide's shadow root (nested shadow roots included). */
  shadowElement(selector: string): Promise<ElementInfo | null>;
  /**
   * The callout a sub-frame's guard drew in the frame's own host (`data-sim-exit-guide-host="frame"`,
   * closed shadow root): its text and the user's mark in it; null when no frame shows one.
   */
  frameCallout(): Promise<FrameCallout | null>;
  /** The text of the `[data-guide-panel]` element ('' when absent). */
  panelText(): Promise<string>;
  /** A real mouse click at the centre of the first match in the guide's shadow root (scrolled into view first). */
  clickInShadow(selector: string): Promise<ElementInfo>;

  // --- the page itself ------------------------------------------------------------------------
  /** The first element matching `selector` in the page's light DOM (top document), or null. */
  pageElement(selector: string): Promise<ElementInfo | null>;
  /**
   * Focus a page control like a user would reach it (element.focus()). `frame`: a substring of
   * the URL of the (child) frame that holds it; default the top document.
   */
  focus(selector: string, options?: { frame?: string }): Promise<void>;
  /** Blur whatever has focus in the top document. */
  blur(): Promise<void>;
  /** Type into the focused control with real key events. */
  type(text: string, options?: { delay?: number }): Promise<void>;
  /** Press a key or a chord (`Escape`, `Alt+Shift+G`) with real key events, to whatever has focus. */
  press(key: string): Promise<void>;
  /**
   * Resize the viewport (CSS px). `touch`: a phone (Chromium: CDP device metrics with `mobile` and
   * touch emulation; Firefox: the viewport size only, the harness has no touch emulation there).
   */
  setViewport(size: { width: number; height: number; touch?: boolean }): Promise<void>;
  /** Run a function in the PAGE's own world of the top document (arguments must be JSON-able). */
  evaluate<T, A extends unknown[] = []>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** True when the page's own script can reach the guide's shadow root (it must not: the root is closed). */
  pageSeesShadowRoot(): Promise<boolean>;
  /** The contract's literal check: the host exists in the page and `host.shadowRoot === null`. */
  hostShadowRootIsNull(): Promise<boolean>;
  /**
   * Every extension storage area this browser lets a test read (local, sync, session), as JSON
   * text: the privacy checks search it for typed values.
   */
  extensionStorage(): Promise<string>;
  /**
   * Write items into the extension's `storage.local` (a JSON object's text), as a fault would leave
   * them (issue 7: corrupt / unknown-version / oversized progress). Chromium: from the service
   * worker; Firefox: from the content-script world (the same route `extensionStorage` reads by).
   */
  setExtensionStorage(json: string): Promise<void>;
  /**
   * One item of the extension's `storage.local`, as JSON text ('null' when absent). Unlike
   * `extensionStorage`, it does not read the filler of `exhaustExtensionStorage` back.
   */
  extensionStorageItem(key: string): Promise<string>;
  /**
   * A real storage fault (issue 7, item 7): fill the extension's `storage.local` with random,
   * incompressible items (keys `__fill…`) until the browser itself refuses writes for want of
   * space, down to the last byte it accounts for. Resolves with the browser's own error message
   * for the first refused write and how much was written. Chromium: from the service worker, against
   * `storage.local`'s 10 MB quota; Firefox: from the background page, against the IndexedDB quota of
   * the add-on's origin (small when the browser was launched with `storageQuotaKiB`). Always from
   * the background, progress's one writer: filled from the content-script world, Firefox refused
   * that world's writes but took every one of the background's (20 changes in a row with progress
   * version 2), so the fault never reached the code under test.
   */
  exhaustExtensionStorage(): Promise<StorageFault>;
  /**
   * Remove what `exhaustExtensionStorage` wrote and wait (10 s at most) until storage takes a write
   * again. Resolves with the number of keys removed; fails when storage still refuses writes
   * (Firefox's IndexedDB, once filled to its quota, did for a minute and more).
   */
  releaseExtensionStorage(): Promise<number>;
  /**
   * Stop the extension's service worker, as Chrome does to an idle one (about 30 s without events):
   * its memory is gone, and the next message starts a new one. Chromium only (DevTools
   * `ServiceWorker.stopWorker`); Firefox's MV2 background page is persistent and never stopped.
   */
  stopBackground(): Promise<void>;
  /**
   * Start recording this tab's console (every world the harness reaches: Chromium over CDP, page and
   * content scripts, exceptions included; Firefox the page's console over BiDi). Returns a reader.
   */
  recordConsole(): Promise<() => string[]>;
  /**
   * Chromium only (undefined in Firefox, whose harness has no network hook): start recording the
   * URLs of every request the tab makes (CDP Network domain: page and content scripts) and every
   * request of the extension's service worker. Returns a reader.
   */
  recordNetwork?(): Promise<() => string[]>;

  // --- accessibility (issue 14, item 5; tests/e2e/harness/axe.ts) ----------------------------
  /**
   * Run axe-core on the guide's hosts and their CLOSED shadow roots, in place (default), or on the
   * whole document (`scope: 'document'`). Never from the page's own world.
   */
  audit(options?: AuditOptions): Promise<AxeReport>;
  /**
   * `prefers-color-scheme` as the pages see it. Chromium: this tab only (CDP media emulation);
   * Firefox: every tab of this browser (the content colour-scheme pref), until set again.
   */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
}

/** One of the extension's own pages (popup, checklist, welcome, settings) in a tab of its own. */
interface ExtensionPage {
  url(): string;
  /** Evaluate an expression in the page's own world; return JSON-able values. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** axe-core on the whole document. */
  audit(options?: AuditOptions): Promise<AxeReport>;
  /** As E2EPage.emulateColorScheme. */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  close(): Promise<void>;
}

export interface E2EBrowser {
  readonly name: BrowserName;
  /** The extension's id (Chromium: the generated id; Firefox: the manifest's gecko id). */
  readonly extensionId: string;
  /**
   * Chromium only (undefined in Firefox, where the harness reaches content scripts only): evaluate
   * an expression in the extension's current service worker (after an extension reload, the new
   * one); a returned promise is awaited. Return JSON-able values.
   */
  backgroundEvaluate?<T = unknown>(expression: string): Promise<T>;
  /** A new tab at `url` (after 'load'); `status` is the main response's status. */
  open(url: string, options?: GotoOptions): Promise<E2EPage & { status: number | null }>;
  /**
   * An extension page by its path and query (`popup.html?tabId=3`), loaded in a new tab. Firefox:
   * the background opens it (BiDi cannot navigate to moz-extension: pages); close it before the
   * next `open` there.
   */
  openExtensionPage(pathAndQuery: string): Promise<ExtensionPage>;
  /** The extension API's id of the tab showing `url` (the first such tab), for `popup.html?tabId=`. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

/** What `exhaustExtensionStorage` did. */
export interface StorageFault {
  /** The browser's message for the first write it refused. */
  error: string;
  /** Filler items written and their total length in characters. */
  items: number;
  chars: number;
}

/**
 * The filling, as the text of a function of a storage area (`chrome.storage.local` or
 * `browser.storage.local`), so the very same code runs in the Chromium service worker and in the
 * Firefox content script. Big items first, then ever smaller ones; last, the smallest item grows a
 * character at a time, so not even a one-character write is left room. Random characters: Firefox
 * compresses what IndexedDB stores, so a repeated character would take almost no space.
 */
export const EXHAUST_STORAGE = String.raw`async (area) => {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const random = (n) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + 65536)));
    let out = '';
    for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...Array.from(bytes.subarray(i, i + 8192), (b) => ALPHABET.charCodeAt(b & 63)));
    return out;
  };
  const fault = { error: null, items: 0, chars: 0 };
  const attempt = async (items) => {
    try {
      await area.set(items);
      return true;
    } catch (e) {
      fault.error = fault.error || String((e && e.message) || e);
      return false;
    }
  };
  let last = null;
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    for (;;) {
      const key = '__fill' + fault.items;
      const value = random(size);
      if (!(await attempt({ [key]: value }))) break;
      fault.items += 1;
      fault.chars += size;
      last = { key, value };
    }
  }
  // Space the browser accounts for in pages or files (Firefox's IndexedDB) still takes small
  // items after a big one was refused: fill that with small items until a whole round adds none.
  for (let round = 0; round < 8; round++) {
    let added = 0;
    for (let size = 4096; size >= 16; size >>= 2) {
      for (let n = 0; n < 500; n++) {
        const key = '__fill' + fault.items;
        const value = random(size);
        if (!(await attempt({ [key]: value }))) break;
        fault.items += 1;
        fault.chars += size;
        added += 1;
        last = { key, value };
      }
    }
    if (added === 0) break;
  }
  if (last) {
    for (let size = 64; size >= 1; size >>= 1) {
      for (;;) {
        const value = last.value + random(size);
        if (!(await attempt({ [last.key]: value }))) break;
        fault.chars += size;
        last.value = value;
      }
    }
  }
  return JSON.stringify(fault);
}`;

/**
 * The counterpart of EXHAUST_STORAGE: remove the filler, then wait until the browser takes a write
 * again. Resolves with JSON text: the number of keys removed, or why storage still fails.
 */
export const RELEASE_STORAGE = String.raw`async (area) => {
  const message = (e) => String((e && e.message) || e);
  let keys;
  try {
    keys = Object.keys(await area.get(null)).filter((k) => k.startsWith('__fill'));
    await area.remove(keys);
  } catch (e) {
    return JSON.stringify({ error: 'removing the filler: ' + message(e) });
  }
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      await area.set({ __fillProbe: 'x'.repeat(4096) });
      await area.remove('__fillProbe');
      return JSON.stringify({ removed: keys.length });
    } catch (e) {
      if (Date.now() > deadline) return JSON.stringify({ error: 'storage still refuses writes after the filler was removed: ' + message(e) });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}`;

/** The result of RELEASE_STORAGE's text: the number of keys removed, or the reason as an error. */
export function releasedKeys(text: unknown): number {
  const result = JSON.parse(String(text)) as { removed?: number; error?: string };
  if (result.error !== undefined) throw new Error(result.error);
  return result.removed!;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls an async read until `ok` holds; fails saying what was awaited and the last value. */
export async function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeout} ms; last value ${JSON.stringify(last)}`);
    await sleep(200);
    last = await read();
  }
  return last;
}

/**
 * A click whose centre lies outside the viewport reaches nothing (a person could not make it
 * either): say so now instead of letting the test wait for an effect that cannot come.
 */
export function assertOnScreen(what: string, box: { x: number; y: number; width: number; height: number }, viewport: { width: number; height: number } | null): void {
  if (!viewport) return;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (x < 0 || y < 0 || x >= viewport.width || y >= viewport.height) {
    throw new Error(`clickInShadow: ${what} is off-screen even after scrolling (centre ${Math.round(x)},${Math.round(y)} in a ${viewport.width}×${viewport.height} viewport): out of a person's reach`);
  }
}

/** Shared by both implementations: poll `read` until `predicate` holds, else fail with the last state. */
export async function pollPanel(
  read: () => Promise<PanelState>,
  url: () => string,
  predicate: (state: PanelState) => boolean = (state) => state.present,
  timeout = 10_000,
): Promise<PanelState> {
  const deadline = Date.now() + timeout;
  let last: PanelState;
  for (;;) {
    last = await read();
    try {
      if (predicate(last)) return last;
    } catch {
      // a predicate reading a missing part counts as "not yet"
    }
    if (Date.now() > deadline) break;
    await sleep(200);
  }
  const shown = { ...last, panel: last.panel && { ...last.panel, attrs: undefined } };
  throw new Error(`Panel condition not met within ${timeout} ms on ${url()}. Last state: ${JSON.stringify(shown)}`);
}
