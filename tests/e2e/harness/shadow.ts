// Reading and clicking the guide's CLOSED shadow root over the DevTools protocol.
//
// Page scripts and Playwright locators cannot see into a closed shadow root; CDP can:
// `DOM.getDocument({ depth: -1, pierce: true })` returns every shadow root (with its type) and every
// same-process iframe's document. This file walks that tree with a tiny attribute-based selector
// matcher (no dependency) and turns it into a plain description of the test contract in
// DESIGN.md ("The test contract"). Node ids change with every getDocument call, so everything
// here keeps backend node ids, which stay stable while the node lives.
import type { CDPSession, Page } from 'playwright-core';
import { assertOnScreen, type Box, type FieldKindElement, type FrameCallout, type PanelState } from './common';

export type { Box, FieldKindElement, PanelState };

export interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  contentDocument?: CdpNode;
  templateContent?: CdpNode;
  frameId?: string;
}

// ---------------------------------------------------------------------------------------------
// CDP plumbing

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One CDP session per page, kept for the page's life (it survives navigations). */
export function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
    page.once('close', () => sessions.delete(page));
  }
  return session;
}

/**
 * Pages whose whole tree the protocol could not serialise, by URL. The failed full read costs as
 * much as a successful one (the browser serialises the page until it hits the limit): on a
 * 20,000-control page under load it took many seconds, and a test polling the panel every 200 ms
 * spent minutes on reads bound to fail (issue 17). Such a page goes straight to the fallback.
 */
const tooDeep = new WeakMap<Page, string>();

async function getDocument(page: Page): Promise<CdpNode> {
  const session = await cdp(page);
  try {
    if (tooDeep.get(page) === page.url()) throw new Error('stack limit (known deep page)');
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    return root;
  } catch (error) {
    // A very deep page (issue 7: a 1,500-level nesting) is more than the protocol can serialise
    // ("CBOR: stack limit exceeded"). Read it shallowly, then each child of <html> on its own: the
    // guide's host whole, the rest down to DEEP_PAGE_DEPTH levels (deeper page nodes are left out).
    if (!/stack limit/i.test(String(error))) throw error;
    tooDeep.set(page, page.url());
    const { root } = (await session.send('DOM.getDocument', { depth: 2, pierce: true })) as { root: CdpNode };
    for (const html of root.children ?? []) {
      if (html.nodeType !== 1 || !html.children) continue;
      html.children = await Promise.all(
        html.children.map(async (child) => {
          if (child.nodeType !== 1) return child;
          const depth = attr(child, 'data-sim-exit-guide-host') !== null ? -1 : DEEP_PAGE_DEPTH;
          try {
            const { node } = (await session.send('DOM.describeNode', { backendNodeId: child.backendNodeId, depth, pierce: true })) as { node: CdpNode };
            return node;
          } catch {
            return child;
          }
        }),
      );
    }
    return root;
  }
}

/** How deep the fallback above reads the page's own subtrees. */
const DEEP_PAGE_DEPTH = 200;

// ---------------------------------------------------------------------------------------------
// Tree walking and a tiny selector matcher

export function attrs(node: CdpNode): Record<string, string> {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
}

function attr(node: CdpNode, name: string): string | null {
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) if (list[i] === name) return list[i + 1]!;
  return null;
}

export interface WalkOptions {
  /** Descend into shadow roots (default true). */
  shadow?: boolean;
  /** Descend into iframes' documents (default false). */
  frames?: boolean;
}

/** Depth-first, document order; the callback gets each node and its parent element/root. */
function walk(
  node: CdpNode,
  visit: (node: CdpNode, parent: CdpNode | null) => void,
  options: WalkOptions = {},
  parent: CdpNode | null = null,
): void {
  visit(node, parent);
  if (options.shadow !== false) for (const root of node.shadowRoots ?? []) walk(root, visit, options, node);
  if (node.contentDocument && options.frames) walk(node.contentDocument, visit, options, node);
  for (const child of node.children ?? []) walk(child, visit, options, node);
}

type AttrTest = { name: string; op: string | null; value: string };
interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: AttrTest[];
}

const selectorCache = new Map<string, Compound[]>();

/**
 * Parse a selector list of compound selectors without combinators: `tag`, `#id`, `.class`,
 * `[attr]`, `[attr=v]`, `[attr="v"]`, `[attr~=v]`, `[attr^=v]`, `[attr$=v]`, `[attr*=v]`, `[attr|=v]`,
 * joined by commas. Enough for the contract's attribute selectors.
 */
function parseSelector(selector: string): Compound[] {
  const cached = selectorCache.get(selector);
  if (cached) return cached;
  const list = selector.split(',').map((part) => {
    const text = part.trim();
    const compound: Compound = { tag: null, id: null, classes: [], attrs: [] };
    const re = /^([a-zA-Z][\w-]*|\*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w:-]+)\s*(?:([~^$*|]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*)?\]/gy;
    let index = 0;
    while (index < text.length) {
      re.lastIndex = index;
      const m = re.exec(text);
      if (!m || m[0] === '') throw new Error(`Unsupported selector (no combinators here): ${JSON.stringify(selector)}`);
      if (m[1] && m[1] !== '*') compound.tag = m[1].toLowerCase();
      else if (m[2]) compound.id = m[2];
      else if (m[3]) compound.classes.push(m[3]);
      else if (m[4]) compound.attrs.push({ name: m[4], op: m[5] ?? null, value: m[6] ?? m[7] ?? m[8] ?? '' });
      index = re.lastIndex;
    }
    return compound;
  });
  selectorCache.set(selector, list);
  return list;
}

function matches(node: CdpNode, selector: string): boolean {
  if (node.nodeType !== 1) return false;
  return parseSelector(selector).some((compound) => {
    const name = (node.localName ?? node.nodeName).toLowerCase();
    if (compound.tag && compound.tag !== name) return false;
    if (compound.id && attr(node, 'id') !== compound.id) return false;
    const classes = (attr(node, 'class') ?? '').split(/\s+/);
    if (compound.classes.some((c) => !classes.includes(c))) return false;
    return compound.attrs.every(({ name: attrName, op, value }) => {
      const actual = attr(node, attrName);
      if (actual === null) return false;
      switch (op) {
        case null:
          return true;
        case '=':
          return actual === value;
        case '~=':
          return actual.split(/\s+/).includes(value);
        case '^=':
          return value !== '' && actual.startsWith(value);
        case '$=':
          return value !== '' && actual.endsWith(value);
        case '*=':
          return value !== '' && actual.includes(value);
        case '|=':
          return actual === value || actual.startsWith(`${value}-`);
        default:
          return false;
      }
    });
  });
}

export type NodeMatch = string | ((node: CdpNode) => boolean);

function toPredicate(match: NodeMatch): (node: CdpNode) => boolean {
  return typeof match === 'string' ? (node) => matches(node, match) : (node) => node.nodeType === 1 && match(node);
}

function queryAll(root: CdpNode, match: NodeMatch, options: WalkOptions = {}): CdpNode[] {
  const test = toPredicate(match);
  const found: CdpNode[] = [];
  walk(root, (node) => {
    if (node !== root && test(node)) found.push(node);
  }, options);
  return found;
}

export function queryFirst(root: CdpNode, match: NodeMatch, options: WalkOptions = {}): CdpNode | null {
  return queryAll(root, match, options)[0] ?? null;
}

/** The text of a subtree (text nodes only; script and style skipped), whitespace collapsed. */
export function textOf(node: CdpNode): string {
  const parts: string[] = [];
  const visit = (n: CdpNode) => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    if (n.nodeType === 1 && ['script', 'style', 'template'].includes((n.localName ?? '').toLowerCase())) return;
    for (const child of n.children ?? []) visit(child);
  };
  visit(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// The guide's host and shadow root

const HOST_SELECTOR = '[data-sim-exit-guide-host]';

export interface GuideHost {
  host: CdpNode;
  /** The host's shadow root (the CDP node of type #document-fragment). */
  root: CdpNode;
  parent: CdpNode | null;
  hostCount: number;
}

/**
 * Find the guide in the main document: the element carrying `data-sim-exit-guide-host` and its
 * author shadow root. Failing that, any shadow root (closed first) that holds `[data-guide-panel]`.
 */
function findGuideHostIn(document: CdpNode): GuideHost | null {
  const hosts: { host: CdpNode; parent: CdpNode | null }[] = [];
  const withPanel: { host: CdpNode; root: CdpNode; parent: CdpNode | null }[] = [];
  walk(document, (node, parent) => {
    if (node.nodeType !== 1) return;
    if (attr(node, 'data-sim-exit-guide-host') !== null) hosts.push({ host: node, parent });
    for (const root of node.shadowRoots ?? []) {
      if (root.shadowRootType !== 'user-agent' && queryFirst(root, '[data-guide-panel]')) withPanel.push({ host: node, root, parent });
    }
  });
  for (const { host, parent } of hosts) {
    const root = (host.shadowRoots ?? []).find((r) => r.shadowRootType !== 'user-agent');
    if (root) return { host, root, parent, hostCount: hosts.length };
  }
  withPanel.sort((a, b) => Number(b.root.shadowRootType === 'closed') - Number(a.root.shadowRootType === 'closed'));
  const fallback = withPanel[0];
  return fallback ? { ...fallback, hostCount: hosts.length } : null;
}

export async function findGuideHost(page: Page): Promise<GuideHost | null> {
  return findGuideHostIn(await getDocument(page));
}

async function computedName(page: Page, node: CdpNode): Promise<string> {
  try {
    const session = await cdp(page);
    const { nodes } = (await session.send('Accessibility.getPartialAXTree', {
      backendNodeId: node.backendNodeId,
      fetchRelatives: false,
    })) as { nodes: { backendDOMNodeId?: number; name?: { value?: unknown } }[] };
    const own = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId) ?? nodes[0];
    const value = own?.name?.value;
    return typeof value === 'string' ? value.trim() : '';
  } catch {
    return '';
  }
}

/** Describe the panel as the test contract sees it. Never throws for a missing panel. */
export async function queryPanel(page: Page): Promise<PanelState> {
  const state: PanelState = {
    present: false,
    url: page.url(),
    hostCount: 0,
    hostParent: null,
    shadowType: null,
    panel: null,
    steps: [],
    currentSteps: [],
    currentStep: null,
    fieldMessages: [],
  };
  let guide: GuideHost | null;
  try {
    guide = await findGuideHost(page);
  } catch {
    return state; // the page is navigating; the caller polls
  }
  if (!guide) return state;
  state.hostCount = guide.hostCount;
  state.hostParent = guide.parent ? guide.parent.nodeName : null;
  state.shadowType = guide.root.shadowRootType ?? null;
  const panel = queryFirst(guide.root, '[data-guide-panel]');
  if (panel) {
    state.present = true;
    const a = attrs(panel);
    const labelledby = a['aria-labelledby'] ?? null;
    let fromAttrs = a['aria-label']?.trim() ?? '';
    if (!fromAttrs && labelledby) {
      fromAttrs = labelledby
        .split(/\s+/)
        .map((id) => queryFirst(guide!.root, (n) => attr(n, 'id') === id))
        .filter((n): n is CdpNode => !!n)
        .map(textOf)
        .join(' ')
        .trim();
    }
    // On a page too big to serialise whole, the accessibility tree is as costly: Chromium builds it
    // for the whole page on the first request (112 s for the 20,000-control page with a CPU hog
    // beside it, issue 17) and then keeps it updated on every mutation, slowing the page it measures.
    // There the name comes from aria-label / aria-labelledby, as the accessibility tree computes it.
    const axName = tooDeep.get(page) === page.url() ? '' : await computedName(page, panel);
    state.panel = {
      role: a.role ?? null,
      name: axName || fromAttrs,
      ariaLabel: a['aria-label'] ?? null,
      ariaLabelledby: labelledby,
      lang: a.lang ?? null,
      carrier: a['data-carrier'] ?? null,
      siteTrust: a['data-site-trust'] ?? null,
      attrs: a,
    };
  }
  state.steps = queryAll(guide.root, '[data-step-id]').map((n) => ({ id: attr(n, 'data-step-id')!, current: attr(n, 'aria-current') }));
  state.currentSteps = state.steps.filter((s) => s.current === 'step').map((s) => s.id);
  state.currentStep = state.currentSteps[0] ?? null;
  state.fieldMessages = queryAll(guide.root, '[data-field-kind]').map((n) => ({
    kind: attr(n, 'data-field-kind')!,
    severity: attr(n, 'data-severity'),
    role: attr(n, 'role'),
  }));
  return state;
}

/** Poll `queryPanel` until `predicate` holds; on timeout, fail with the last state seen. */
export async function waitForPanel(
  page: Page,
  predicate: (state: PanelState) => boolean = (state) => state.present,
  timeout = 10_000,
): Promise<PanelState> {
  const deadline = Date.now() + timeout;
  let last: PanelState | null = null;
  for (;;) {
    last = await queryPanel(page);
    try {
      if (predicate(last)) return last;
    } catch {
      // a predicate reading a missing part counts as "not yet"
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const shown = { ...last, panel: last.panel && { ...last.panel, attrs: undefined } };
  throw new Error(`Panel condition not met within ${timeout} ms on ${page.url()}. Last state: ${JSON.stringify(shown)}`);
}

// ---------------------------------------------------------------------------------------------
// Field messages anywhere on the page

/**
 * Every element carrying `data-field-kind` on the whole page: the main document, all shadow roots
 * (closed ones too), same-process iframes' documents, and out-of-process frames (their own sessions).
 */
export async function fieldKindElements(page: Page): Promise<FieldKindElement[]> {
  const found: FieldKindElement[] = [];
  const collect = (document: CdpNode, inFrame: boolean) => {
    const guide = inFrame ? null : findGuideHostIn(document);
    const scan = (node: CdpNode, where: FieldKindElement['where']) => {
      if (node.nodeType === 1 && attr(node, 'data-field-kind') !== null) {
        found.push({ kind: attr(node, 'data-field-kind')!, severity: attr(node, 'data-severity'), role: attr(node, 'role'), where });
      }
      for (const root of node.shadowRoots ?? []) scan(root, guide && root === guide.root ? 'guide' : where === 'guide' ? 'guide' : 'shadow');
      if (node.contentDocument) scan(node.contentDocument, 'frame');
      for (const child of node.children ?? []) scan(child, where);
    };
    scan(document, inFrame ? 'frame' : 'document');
  };
  collect(await getDocument(page), false);
  // Out-of-process iframes are not in the main document's tree: read each through its own session.
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    let session: CDPSession;
    try {
      session = await page.context().newCDPSession(frame);
    } catch {
      continue; // same-process frame: already covered by the pierced main document
    }
    try {
      const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      collect(root, true);
    } finally {
      await session.detach().catch(() => {});
    }
  }
  return found;
}

export async function countFieldKindOnPage(page: Page): Promise<number> {
  return (await fieldKindElements(page)).length;
}

// ---------------------------------------------------------------------------------------------
// Boxes, clicks and properties

export async function boxOf(page: Page, node: CdpNode | number): Promise<Box | null> {
  const backendNodeId = typeof node === 'number' ? node : node.backendNodeId;
  const session = await cdp(page);
  try {
    const { model } = (await session.send('DOM.getBoxModel', { backendNodeId })) as { model: { border: number[] } };
    const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
    const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  } catch {
    return null; // not rendered (display: none, detached)
  }
}

/** A node inside the guide's shadow root, or null. */
export async function findInShadow(page: Page, match: NodeMatch): Promise<CdpNode | null> {
  const guide = await findGuideHost(page);
  return guide ? queryFirst(guide.root, match) : null;
}

/** The callout a same-process sub-frame's guard drew in the frame's own host, or null (common.ts). */
export async function frameCallout(page: Page): Promise<FrameCallout | null> {
  let found: FrameCallout | null = null;
  walk(
    await getDocument(page),
    (node) => {
      if (found || node.nodeType !== 1 || attr(node, 'data-sim-exit-guide-host') !== 'frame') return;
      const root = (node.shadowRoots ?? []).find((r) => r.shadowRootType === 'closed');
      const callout = root ? queryFirst(root, '[data-callout-kind]') : null;
      if (!callout) return;
      const mark = queryFirst(callout, '[data-callout-mark]');
      found = { kind: attr(callout, 'data-callout-kind')!, text: textOf(callout), mark: mark ? textOf(mark) : null };
    },
    { frames: true },
  );
  return found;
}

/** An element of the page itself (light DOM of the main document, no shadow roots), or null. */
export async function findInPage(page: Page, match: NodeMatch): Promise<CdpNode | null> {
  return queryFirst(await getDocument(page), match, { shadow: false });
}

/** Click the first element in the guide's shadow root that matches, with a real mouse click at its centre. */
export async function clickInShadow(page: Page, match: NodeMatch): Promise<CdpNode> {
  const guide = await findGuideHost(page);
  if (!guide) throw new Error(`clickInShadow: no guide panel on ${page.url()}`);
  const node = queryFirst(guide.root, match);
  if (!node) {
    const seen = queryAll(guide.root, (n) => (n.attributes ?? []).some((name, i) => i % 2 === 0 && name.startsWith('data-')))
      .slice(0, 40)
      .map((n) => `<${n.localName} ${Object.entries(attrs(n)).filter(([k]) => k.startsWith('data-')).map(([k, v]) => `${k}="${v}"`).join(' ')}>`);
    throw new Error(`clickInShadow: nothing matches ${String(match)} in the guide's shadow root. Elements with data-*: ${seen.join(', ')}`);
  }
  const session = await cdp(page);
  await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId }).catch(() => {});
  const box = await boxOf(page, node);
  if (!box || box.width === 0 || box.height === 0) throw new Error(`clickInShadow: ${String(match)} has no visible box (collapsed or hidden?)`);
  assertOnScreen(String(match), box, page.viewportSize());
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return node;
}

/** Read a DOM property (not an attribute) of a node, e.g. `checked`, by its backend id. */
async function readProperty(page: Page, node: CdpNode | number, property: string): Promise<unknown> {
  const backendNodeId = typeof node === 'number' ? node : node.backendNodeId;
  const session = await cdp(page);
  const { object } = (await session.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId?: string } };
  if (!object.objectId) return undefined;
  try {
    const { result } = (await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function (name) { return this[name]; }',
      arguments: [{ value: property }],
      returnByValue: true,
    })) as { result: { value?: unknown } };
    return result.value;
  } finally {
    await session.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => {});
  }
}

/**
 * Whether a checklist item is checked: its own `aria-checked`, else its `checked` property (an
 * input), else the same on its first checkbox-like descendant. Null when none of those exists.
 */
export async function readChecked(page: Page, node: CdpNode): Promise<boolean | null> {
  const candidates = [node, ...queryAll(node, '[role=checkbox], [aria-checked], input[type=checkbox]')];
  for (const candidate of candidates) {
    const aria = attr(candidate, 'aria-checked');
    if (aria !== null) return aria === 'true';
    if ((candidate.localName ?? '').toLowerCase() === 'input') {
      const checked = await readProperty(page, candidate, 'checked');
      if (typeof checked === 'boolean') return checked;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// What the page itself can see

/** True when the page's own script can reach the guide's shadow root (it must not: the root is closed). */
export async function pageSeesShadowRoot(page: Page): Promise<boolean> {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    return !!host && host.shadowRoot !== null;
  }, HOST_SELECTOR);
}

/** The contract's literal check: the host exists in the page and `host.shadowRoot === null`. */
export async function hostShadowRootIsNull(page: Page): Promise<boolean> {
  return page.evaluate((sel) => document.querySelector(sel)?.shadowRoot === null, HOST_SELECTOR);
}
