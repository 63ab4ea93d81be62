// A small client for Firefox's DevTools remote debugging protocol (RDP), enough to run code in the
// extension's CONTENT-SCRIPT world of a tab, where `element.openOrClosedShadowRoot` reaches the
// guide's closed shadow root. No dependency: node:net and JSON.
//
// Protocol, as spoken by Firefox ESR 140–153 (`--start-debugger-server=<port>`):
// - Packets are `LENGTH:JSON` (LENGTH = byte length of the UTF-8 JSON). The server greets with
//   `{ from: 'root', applicationType: 'browser', … }`.
// - Every request goes `to` an actor; each actor answers its requests IN ORDER, with `from` set to
//   the actor. Unsolicited events carry a `type` (e.g. `target-available-form`) and answer nothing.
// - `listTabs` (root) → tab descriptors `{ actor, browsingContextID, outerWindowID, url, … }`;
//   `getWatcher` (tab descriptor) → `{ actor }`; `watchTargets({ targetType })` (watcher) emits one
//   `target-available-form` per existing target, then answers; later targets arrive as the same
//   event, and `target-destroyed-form` when they go (navigation, reload, frame removal).
// - A `frame` target form: `{ innerWindowId, isTopLevelTarget, url, browsingContextID, … }`.
//   A `content_script` target form: `{ addonId, innerWindowId, consoleActor, title, … }` where
//   `addonId` is the add-on's id (the manifest's gecko id) and `innerWindowId` is the window the
//   content script runs in. `title` is the add-on's LOCALISED name: never used to identify it.
// - `evaluateJSAsync({ text, mapped: { await: true } })` on a console actor answers `{ resultID }`
//   at once, then sends an `evaluationResult` event with the same `resultID`. `mapped.await` makes
//   the server await a returned promise (the console's top-level-await path).
// - Values come back as grips: strings, numbers and booleans as themselves; `undefined`, `null`,
//   `NaN`, `Infinity`, `-0` as `{ type }` objects; objects as `{ type: 'object', actor, … }` (not
//   resolved here: return `JSON.stringify(…)` from the evaluated code); strings longer than the
//   server's limit (~10,000 chars) as `{ type: 'longString', actor, length, initial }`, fetched
//   here in full with `substring` requests.
import net from 'node:net';

export type Packet = Record<string, unknown> & { from?: string; type?: string };

export interface RdpTargetForm {
  actor: string;
  targetType?: string;
  addonId?: string | null;
  innerWindowId?: number;
  isTopLevelTarget?: boolean;
  url?: string;
  title?: string;
  consoleActor?: string;
  browsingContextID?: number;
  [key: string]: unknown;
}

export interface RdpTabDescriptor {
  actor: string;
  browserId?: number;
  browsingContextID?: number;
  outerWindowID?: number;
  url?: string;
  title?: string;
  selected?: boolean;
  [key: string]: unknown;
}

export class RdpError extends Error {
  constructor(
    message: string,
    readonly packet?: Packet,
  ) {
    super(message);
    this.name = 'RdpError';
  }
}

interface Pending {
  resolve: (packet: Packet) => void;
  reject: (error: Error) => void;
  request: Packet;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One TCP connection to the debugger server. */
export class RdpConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending = new Map<string, Pending[]>();
  private readonly listeners = new Set<(packet: Packet) => void>();
  private closed = false;
  private closeError: Error | null = null;
  /** The server's greeting (`{ from: 'root', applicationType, traits }`). */
  greeting: Packet | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new RdpError('Firefox debugger connection closed')));
  }

  /**
   * Connect to `127.0.0.1:port`, retrying while the server is not listening yet (Firefox opens
   * the port a moment after start-up), and wait for the greeting.
   */
  static async connect(port: number, { host = '127.0.0.1', timeout = 15_000 } = {}): Promise<RdpConnection> {
    const deadline = Date.now() + timeout;
    let lastError: unknown;
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      try {
        const socket = await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(port, host);
          s.once('connect', () => {
            s.off('error', reject);
            resolve(s);
          });
          s.once('error', reject);
        });
        socket.setNoDelay(true);
        const connection = new RdpConnection(socket);
        connection.greeting = await connection.waitFor((p) => p.from === 'root' && 'applicationType' in p, 5_000);
        return connection;
      } catch (error) {
        lastError = error;
        await sleep(Math.min(100 * 2 ** attempt, 500));
      }
    }
    throw new RdpError(`Could not connect to Firefox's debugger server on ${host}:${port}: ${String(lastError)}`);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const colon = this.buffer.indexOf(0x3a); // ':'
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (!Number.isInteger(length) || length < 0) {
        this.fail(new RdpError(`Bad packet header: ${JSON.stringify(this.buffer.subarray(0, Math.min(colon, 40)).toString())}`));
        return;
      }
      if (this.buffer.length < colon + 1 + length) return;
      const body = this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8');
      this.buffer = this.buffer.subarray(colon + 1 + length);
      let packet: Packet;
      try {
        packet = JSON.parse(body) as Packet;
      } catch {
        continue; // a malformed packet is not ours to act on
      }
      this.dispatch(packet);
    }
  }

  private dispatch(packet: Packet): void {
    const from = typeof packet.from === 'string' ? packet.from : '';
    const queue = this.pending.get(from);
    // Events have a `type`; replies do not. An error reply has `error` and answers the oldest request.
    const isEvent = typeof packet.type === 'string' && !('error' in packet);
    if (!isEvent && queue && queue.length > 0) {
      const waiter = queue.shift()!;
      if (queue.length === 0) this.pending.delete(from);
      if (typeof packet.error === 'string') {
        waiter.reject(new RdpError(`${from} ${String(waiter.request.type)}: ${packet.error}${packet.message ? `: ${String(packet.message)}` : ''}`, packet));
      } else waiter.resolve(packet);
      return;
    }
    for (const listener of [...this.listeners]) listener(packet);
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.closeError = error;
    for (const queue of this.pending.values()) for (const waiter of queue) waiter.reject(error);
    this.pending.clear();
    this.socket.destroy();
  }

  /** Send a request to `to` and resolve with its reply (rejects on `{ error }`). */
  request(to: string, type: string, params: Record<string, unknown> = {}, timeout = 30_000): Promise<Packet> {
    if (this.closed) return Promise.reject(this.closeError ?? new RdpError('connection closed'));
    const request: Packet = { ...params, to, type };
    return new Promise<Packet>((resolve, reject) => {
      const timer = setTimeout(() => {
        const queue = this.pending.get(to);
        const index = queue?.indexOf(waiter) ?? -1;
        // Leave the slot in place: the reply, if it ever comes, must still pair with this request.
        if (index >= 0) waiter.resolve = () => {};
        reject(new RdpError(`${to} ${type}: no reply within ${timeout} ms`));
      }, timeout);
      const waiter: Pending = {
        request,
        resolve: (packet) => {
          clearTimeout(timer);
          resolve(packet);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const queue = this.pending.get(to) ?? [];
      queue.push(waiter);
      this.pending.set(to, queue);
      const json = JSON.stringify(request);
      this.socket.write(`${Buffer.byteLength(json, 'utf8')}:${json}`);
    });
  }

  /** Listen to every event (packets with a `type` that answer no request). Returns an unsubscribe. */
  onEvent(listener: (packet: Packet) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next event for which `predicate` holds (also sees the greeting). */
  waitFor(predicate: (packet: Packet) => boolean, timeout = 10_000): Promise<Packet> {
    return new Promise<Packet>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new RdpError(`No matching packet within ${timeout} ms`));
      }, timeout);
      const off = this.onEvent((packet) => {
        if (!predicate(packet)) return;
        clearTimeout(timer);
        off();
        resolve(packet);
      });
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.fail(new RdpError('connection closed by the client'));
  }
}

/** Turn an evaluation result grip into a JavaScript value (long strings fetched in full). */
async function decodeGrip(connection: RdpConnection, grip: unknown): Promise<unknown> {
  if (grip === null || typeof grip !== 'object') return grip;
  const g = grip as { type?: string; actor?: string; length?: number; initial?: string; class?: string; preview?: unknown };
  switch (g.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'NaN':
      return Number.NaN;
    case 'Infinity':
      return Number.POSITIVE_INFINITY;
    case '-Infinity':
      return Number.NEGATIVE_INFINITY;
    case '-0':
      return -0;
    case 'BigInt':
      return BigInt(String((g as { text?: string }).text ?? '0'));
    case 'longString': {
      const length = g.length ?? 0;
      let text = '';
      const CHUNK = 64 * 1024;
      for (let start = 0; start < length; start += CHUNK) {
        const reply = await connection.request(g.actor!, 'substring', { start, end: Math.min(length, start + CHUNK) });
        text += String(reply.substring ?? '');
      }
      connection.request(g.actor!, 'release').catch(() => {});
      return text;
    }
    default:
      // An object grip: not resolved. Return JSON.stringify(...) from the evaluated code instead.
      throw new RdpError(
        `The evaluation returned a ${g.class ?? g.type ?? 'value'} object; return JSON.stringify(...) (a string) instead.`,
        grip as Packet,
      );
  }
}

/** One tab seen through the protocol: its watcher, its frame targets and content-script targets. */
export class RdpTab {
  /** Live `frame` targets, by actor. */
  readonly frames = new Map<string, RdpTargetForm>();
  /** Live `content_script` targets, by actor. */
  readonly contentScripts = new Map<string, RdpTargetForm>();
  private watching: Promise<void> | null = null;
  /** Top documents accepted for a URL they were not created at (pushState), by innerWindowId. */
  private readonly acceptedUrl = new Map<number, string>();
  /** Top documents in which the add-on's content script was waited for in vain. */
  private readonly withoutContentScript = new Set<number>();
  /** When each target's form arrived (ms since epoch), by actor. */
  private readonly seenAt = new Map<string, number>();
  private changed = new Set<() => void>();

  constructor(
    readonly connection: RdpConnection,
    readonly descriptor: RdpTabDescriptor,
    readonly watcherActor: string,
  ) {
    connection.onEvent((packet) => {
      if (packet.from !== watcherActor) return;
      const target = packet.target as RdpTargetForm | undefined;
      if (!target?.actor) return;
      const map = target.targetType === 'content_script' || this.contentScripts.has(target.actor) ? this.contentScripts : target.targetType === 'frame' || this.frames.has(target.actor) ? this.frames : null;
      if (!map) return;
      if (packet.type === 'target-available-form') {
        map.set(target.actor, target);
        this.seenAt.set(target.actor, Date.now());
      }
      else if (packet.type === 'target-destroyed-form') map.delete(target.actor);
      else return;
      for (const notify of [...this.changed]) notify();
    });
  }

  /** Start watching frame and content-script targets (once per tab: re-watching is slow). */
  watch(): Promise<void> {
    this.watching ??= (async () => {
      await this.connection.request(this.watcherActor, 'watchTargets', { targetType: 'frame' });
      await this.connection.request(this.watcherActor, 'watchTargets', { targetType: 'content_script' });
    })();
    return this.watching;
  }

  /** The tab's current top-level document (the newest live top-level frame target). */
  topFrame(): RdpTargetForm | null {
    let top: RdpTargetForm | null = null;
    for (const form of this.frames.values()) if (form.isTopLevelTarget) top = form; // Map keeps insertion order: the last is the newest
    return top;
  }

  /** Wait until `find()` returns something (re-checked on every target change), or time out. */
  async until<T>(find: () => T | null | undefined, timeout: number, what: () => string): Promise<T> {
    const now = find();
    if (now) return now;
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = find();
        if (!found) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new RdpError(what()));
      }, timeout);
      const done = () => {
        clearTimeout(timer);
        this.changed.delete(check);
      };
      this.changed.add(check);
    });
  }

  /**
   * The content-script target of add-on `addonId` in the tab's top-level document. With `url`,
   * first waits for a top-level document at that URL (fragment ignored), so a caller that has just
   * navigated does not get the previous page's target.
   */
  async contentScriptTarget(addonId: string, { url, timeout = 10_000 }: { url?: string; timeout?: number } = {}): Promise<RdpTargetForm> {
    await this.watch();
    const strip = (u: string | undefined) => (u ?? '').replace(/#.*$/, '');
    const wanted = url === undefined ? undefined : strip(url);
    // The frame form's url is the document's URL when it was created; a later pushState does not
    // update it. So: wait (briefly) for a top document at `url`; failing that, take the newest top
    // document, and remember that choice so later calls for the same URL do not wait again.
    const accepted = (frame: RdpTargetForm | null) =>
      !!frame && (wanted === undefined || strip(frame.url) === wanted || this.acceptedUrl.get(frame.innerWindowId ?? -1) === wanted);
    let top: RdpTargetForm;
    try {
      top = await this.until(() => (accepted(this.topFrame()) ? this.topFrame() : null), Math.min(timeout, 1_500), () =>
        `No top-level document at ${url} in tab ${this.descriptor.actor}; top frames: ${JSON.stringify([...this.frames.values()].filter((f) => f.isTopLevelTarget).map((f) => f.url))}`,
      );
    } catch (error) {
      const newest = this.topFrame();
      if (!newest) throw error;
      top = newest;
      if (wanted !== undefined) this.acceptedUrl.set(newest.innerWindowId ?? -1, wanted);
    }
    // A document already found without our content script gets a short wait from then on (absence
    // checks poll; scripts registered later only run in documents loaded after that).
    // The wait counts from when the document appeared, not from this call: a caller that waited
    // a few seconds before asking "is the panel absent?" does not wait the full timeout again.
    const sinceSeen = Date.now() - (this.seenAt.get(top.actor) ?? Date.now());
    const waitFor = this.withoutContentScript.has(top.innerWindowId ?? -1) ? Math.min(timeout, 300) : Math.max(Math.min(timeout, 300), timeout - sinceSeen);
    return this.until(
      () => [...this.contentScripts.values()].reverse().find((t) => t.addonId === addonId && t.innerWindowId === top.innerWindowId && this.frames.has(top.actor)) ?? null,
      waitFor,
      () =>
        `No content script of add-on ${addonId} in the top document (innerWindowId ${top.innerWindowId}, ${top.url}). ` +
        `Content-script targets seen: ${JSON.stringify([...this.contentScripts.values()].map((t) => ({ addonId: t.addonId, innerWindowId: t.innerWindowId })))}`,
    ).catch((error: unknown) => {
      this.withoutContentScript.add(top.innerWindowId ?? -1);
      throw error;
    });
  }

  /** Every live content-script target of `addonId` in this tab except the top document's (frames). */
  frameContentScripts(addonId: string): RdpTargetForm[] {
    const top = this.topFrame();
    return [...this.contentScripts.values()].filter((t) => t.addonId === addonId && t.innerWindowId !== top?.innerWindowId);
  }
}

export interface EvaluateOptions {
  timeout?: number;
}

/** Evaluate `code` in a target's console (its own world) and return the decoded result. */
export async function evaluateIn(connection: RdpConnection, target: RdpTargetForm, code: string, { timeout = 15_000 }: EvaluateOptions = {}): Promise<unknown> {
  if (!target.consoleActor) throw new RdpError(`Target ${target.actor} has no console actor`);
  // Subscribe before sending: the result event may follow the reply immediately.
  const results = new Map<string, Packet>();
  let wanted: string | null = null;
  let deliver: ((packet: Packet) => void) | null = null;
  const off = connection.onEvent((packet) => {
    if (packet.type !== 'evaluationResult' || packet.from !== target.consoleActor) return;
    const id = String(packet.resultID);
    if (wanted === id && deliver) deliver(packet);
    else results.set(id, packet);
  });
  try {
    const reply = await connection.request(target.consoleActor, 'evaluateJSAsync', { text: code, mapped: { await: true } }, timeout);
    const resultID = String(reply.resultID);
    const packet =
      results.get(resultID) ??
      (await new Promise<Packet>((resolve, reject) => {
        const timer = setTimeout(() => reject(new RdpError(`No evaluation result within ${timeout} ms for: ${code.slice(0, 200)}`)), timeout);
        wanted = resultID;
        deliver = (p) => {
          clearTimeout(timer);
          resolve(p);
        };
      }));
    if (packet.hasException) {
      const message = typeof packet.exceptionMessage === 'string' ? packet.exceptionMessage : JSON.stringify(packet.exception);
      throw new RdpError(`Evaluation in ${target.targetType ?? 'target'} failed: ${message}\n  code: ${code.slice(0, 300)}`, packet);
    }
    if (packet.topLevelAwaitRejected) {
      // The server sends no reason; code that wants one catches and returns it (firefox-shadow.ts does).
      throw new RdpError(`Evaluation in ${target.targetType ?? 'target'}: the returned promise rejected\n  code: ${code.slice(0, 300)}`, packet);
    }
    return await decodeGrip(connection, packet.result);
  } finally {
    off();
  }
}

/** A debugger client for one Firefox: tabs, their watchers and targets, cached. */
export class FirefoxRdp {
  private readonly tabs = new Map<string, RdpTab>();

  private constructor(readonly connection: RdpConnection) {}

  static async connect(port: number, options?: { host?: string; timeout?: number }): Promise<FirefoxRdp> {
    return new FirefoxRdp(await RdpConnection.connect(port, options));
  }

  async listTabs(): Promise<RdpTabDescriptor[]> {
    const reply = await this.connection.request('root', 'listTabs');
    return (reply.tabs as RdpTabDescriptor[] | undefined) ?? [];
  }

  /** The tab for a descriptor, with its watcher (created once and cached). */
  async tab(descriptor: RdpTabDescriptor): Promise<RdpTab> {
    const cached = this.tabs.get(descriptor.actor);
    if (cached) return cached;
    const reply = await this.connection.request(descriptor.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true });
    const tab = new RdpTab(this.connection, descriptor, String(reply.actor));
    this.tabs.set(descriptor.actor, tab);
    await tab.watch();
    return tab;
  }

  forget(descriptorActor: string): void {
    this.tabs.delete(descriptorActor);
  }

  /** Evaluate `code` in the content-script world of `addonId` in the tab's top document. */
  async evaluate(tab: RdpTab, addonId: string, code: string, options: EvaluateOptions & { url?: string } = {}): Promise<unknown> {
    const target = await tab.contentScriptTarget(addonId, { url: options.url, timeout: options.timeout });
    return evaluateIn(this.connection, target, code, options);
  }

  close(): void {
    this.connection.close();
  }
}

/**
 * The documents of an installed add-on (its background page, extension pages open in tabs), seen
 * through the add-on's descriptor (root `listAddons`) and its watcher: an RdpTab whose `frames`
 * are the add-on's documents. Code evaluated there (`evaluateIn(connection, frame, code)`) runs
 * with the extension's `browser` API, but does not count as user input: APIs that need a user
 * gesture (permissions.request) refuse it.
 */
export async function addonDocuments(connection: RdpConnection, addonId: string): Promise<RdpTab> {
  const list = await connection.request('root', 'listAddons', { iconDataURL: false });
  const addon = ((list.addons as RdpTabDescriptor[] | undefined) ?? []).find((a) => a.id === addonId);
  if (!addon) throw new RdpError(`Add-on ${addonId} is not in the debugger server's add-on list`);
  const reply = await connection.request(addon.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true });
  const documents = new RdpTab(connection, addon, String(reply.actor));
  await documents.watch();
  return documents;
}

/** The add-on document (frame target) whose URL `matches`, waiting for it to appear. */
export function addonDocument(documents: RdpTab, matches: (url: string) => boolean, timeout = 10_000): Promise<RdpTargetForm> {
  return documents.until(
    () => [...documents.frames.values()].reverse().find((f) => matches(f.url ?? '')) ?? null,
    timeout,
    () => `No add-on document matching the test; documents: ${JSON.stringify([...documents.frames.values()].map((f) => f.url))}`,
  );
}

/**
 * A process's target (root `getProcess`; id 0 is the parent process, others are OS pids as in a
 * frame form's `processID`). Its console evaluates with system privileges in that process (needs
 * `devtools.chrome.enabled`, which the Firefox harness sets): for test set-up that no page can do,
 * never to stand in for the code under test.
 */
export async function processTarget(connection: RdpConnection, id = 0): Promise<RdpTargetForm> {
  const reply = await connection.request('root', 'getProcess', { id });
  const descriptor = (reply.processDescriptor as { actor?: string } | undefined)?.actor;
  if (!descriptor) throw new RdpError(`getProcess(${id}) returned no descriptor`);
  const target = (await connection.request(descriptor, 'getTarget')).process as RdpTargetForm | undefined;
  if (!target?.consoleActor) throw new RdpError(`Process ${id}: getTarget returned no console actor`);
  return target;
}
