// Reading and clicking the guide's CLOSED shadow root in Firefox.
//
// Firefox has no CDP. Instead, code is evaluated in the extension's own content-script world over
// Firefox's remote debugging protocol (firefox-rdp.ts), where `element.openOrClosedShadowRoot`
// returns closed shadow roots too. This file mirrors tests/e2e/harness/shadow.ts (the Chromium
// reader): the same function names, the same `PanelState` / `FieldKindElement` / `Box` shapes, the
// same walking order (a node, then its shadow root, then its children) and the same rules for
// finding the guide's host. Differences, all deliberate:
// - Elements come back as data (`ElementInfo`), not CDP nodes.
// - Selectors go to `Element.matches`, a superset of the Chromium reader's compound selectors.
// - `panel.name` is the aria-label / aria-labelledby text (Chromium prefers its computed AX name;
//   for a panel named by aria-label or aria-labelledby the two agree).
// - Frames: same-origin iframes are read through `contentDocument` from the top content script;
//   cross-origin frames through the add-on's content script in that frame (needs `all_frames`).
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { ElementInfo, FieldKindElement, FrameCallout, PanelState } from './common';
import { assertOnScreen } from './common';

export type {  ElementInfo, FieldKindElement, PanelState };

const HOST_SELECTOR = '[data-sim-exit-guide-host]';

/** What the readers need from a Firefox tab (made by launchFirefox in firefox.ts). */
export interface FirefoxPageContext {
  page: PuppeteerPage;
  /**
   * Evaluate `code` in the add-on's content-script world of the top document and return the
   * decoded result; null when the add-on has no content script in the current document (yet).
   */
  evalContent(code: string, options?: { timeout?: number }): Promise<unknown | null>;
  /** Evaluate `code` in the add-on's content script of every OTHER frame of the tab. */
  evalContentInFrames(code: string): Promise<unknown[]>;
}

/** Raised inside evaluated code when there is nothing to work on; never for a missing panel. */
const NO_CONTENT_SCRIPT = Symbol('no content script');

// ---------------------------------------------------------------------------------------------
// The code that runs in the content-script world. Plain JavaScript in a string (not a transpiled
// function), so what runs in Firefox is exactly what is written here.

const PRELUDE = String.raw`
const HOST = ${JSON.stringify(HOST_SELECTOR)};
const rootOf = (el) => { try { return el.openOrClosedShadowRoot || null; } catch (e) { return null; } };
const docOf = (el) => {
  const n = el.localName;
  if (n !== 'iframe' && n !== 'frame' && n !== 'object' && n !== 'embed') return null;
  try { return el.contentDocument || null; } catch (e) { return null; }
};
function walk(node, visit, opts, parent) {
  visit(node, parent || null);
  if (node.nodeType === 1) {
    if (opts.shadow !== false) { const r = rootOf(node); if (r) walk(r, visit, opts, node); }
    if (opts.frames) { const d = docOf(node); if (d) walk(d, visit, opts, node); }
  }
  for (let c = node.firstChild; c; c = c.nextSibling) walk(c, visit, opts, node);
}
function queryAll(root, sel, opts) {
  const out = [];
  walk(root, (n) => { if (n !== root && n.nodeType === 1 && n.matches(sel)) out.push(n); }, opts || {});
  return out;
}
const first = (root, sel, opts) => queryAll(root, sel, opts)[0] || null;
function textOf(node) {
  const parts = [];
  const visit = (n) => {
    if (n.nodeType === 3) parts.push(n.nodeValue || '');
    if (n.nodeType === 1 && ['script', 'style', 'template'].includes(n.localName)) return;
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
function attrsOf(el) {
  const out = {};
  for (const a of Array.from(el.attributes)) out[a.name] = a.value;
  return out;
}
function boxOf(el) {
  if (!el.getClientRects || el.getClientRects().length === 0) return null;
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}
function checkedOf(el) {
  const candidates = [el].concat(queryAll(el, '[role=checkbox], [aria-checked], input[type=checkbox]'));
  for (const c of candidates) {
    const aria = c.getAttribute('aria-checked');
    if (aria !== null) return aria === 'true';
    if (c.localName === 'input' && typeof c.checked === 'boolean') return c.checked;
  }
  return null;
}
const info = (el) => el && ({ tag: el.localName, attrs: attrsOf(el), text: textOf(el), box: boxOf(el), checked: checkedOf(el) });
function findGuide(doc) {
  const hosts = [];
  const withPanel = [];
  walk(doc, (node, parent) => {
    if (node.nodeType !== 1) return;
    if (node.hasAttribute('data-sim-exit-guide-host')) hosts.push({ host: node, parent });
    const r = rootOf(node);
    if (r && first(r, '[data-guide-panel]')) withPanel.push({ host: node, root: r, parent });
  }, {});
  for (const h of hosts) {
    const r = rootOf(h.host);
    if (r) return { host: h.host, root: r, parent: h.parent, hostCount: hosts.length };
  }
  withPanel.sort((a, b) => Number(b.root.mode === 'closed') - Number(a.root.mode === 'closed'));
  const f = withPanel[0];
  return f ? { host: f.host, root: f.root, parent: f.parent, hostCount: hosts.length } : null;
}
function hostCountOnly(doc) {
  let n = 0; let parent = null;
  walk(doc, (node, p) => { if (node.nodeType === 1 && node.hasAttribute('data-sim-exit-guide-host')) { n++; parent = parent || p; } }, {});
  return n;
}
function scanFieldKinds(doc, guide, start) {
  const found = [];
  const scan = (node, where) => {
    if (node.nodeType === 1 && node.hasAttribute('data-field-kind')) {
      found.push({ kind: node.getAttribute('data-field-kind'), severity: node.getAttribute('data-severity'), role: node.getAttribute('role'), where });
    }
    if (node.nodeType === 1) {
      const r = rootOf(node);
      if (r) scan(r, guide && r === guide.root ? 'guide' : where === 'guide' ? 'guide' : 'shadow');
      const d = docOf(node);
      if (d) scan(d, 'frame');
    }
    for (let c = node.firstChild; c; c = c.nextSibling) scan(c, where);
  };
  scan(doc, start);
  return found;
}
`;

/** Wrap a body that uses the prelude; the evaluation returns JSON text. */
function program(body: string): string {
  return `(async () => {\n${PRELUDE}\ntry {\nconst __result = await (async () => {\n${body}\n})();\nreturn JSON.stringify({ ok: __result === undefined ? null : __result });\n} catch (e) {\nreturn JSON.stringify({ error: String((e && e.stack) || e) });\n}\n})()`;
}

function unwrap<T>(raw: unknown): T {
  if (typeof raw !== 'string') throw new Error(`Unexpected evaluation result: ${String(raw)}`);
  const parsed = JSON.parse(raw) as { ok: T } | { error: string };
  if ('error' in parsed) throw new Error(`In the content script: ${parsed.error}`);
  return parsed.ok;
}

async function run<T>(ctx: FirefoxPageContext, body: string, options?: { timeout?: number }): Promise<T | typeof NO_CONTENT_SCRIPT> {
  const raw = await ctx.evalContent(program(body), options);
  if (raw === null) return NO_CONTENT_SCRIPT;
  return unwrap<T>(raw);
}

function emptyState(url: string): PanelState {
  return {
    present: false,
    url,
    hostCount: 0,
    hostParent: null,
    shadowType: null,
    panel: null,
    steps: [],
    currentSteps: [],
    currentStep: null,
    fieldMessages: [],
  };
}

// ---------------------------------------------------------------------------------------------
// The panel

const QUERY_PANEL = `
const guide = findGuide(document);
if (!guide) return { found: false, hostCount: hostCountOnly(document) };
const panel = first(guide.root, '[data-guide-panel]');
let p = null;
if (panel) {
  const a = attrsOf(panel);
  const labelledby = a['aria-labelledby'] ?? null;
  let name = (a['aria-label'] || '').trim();
  if (!name && labelledby) {
    name = labelledby.split(/\\s+/).map((id) => first(guide.root, '[id="' + CSS.escape(id) + '"]') || document.getElementById(id))
      .filter(Boolean).map(textOf).join(' ').trim();
  }
  p = { role: a.role ?? null, name, ariaLabel: a['aria-label'] ?? null, ariaLabelledby: labelledby, lang: a.lang ?? null,
        carrier: a['data-carrier'] ?? null, siteTrust: a['data-site-trust'] ?? null, attrs: a };
}
return {
  found: true,
  present: !!panel,
  hostCount: guide.hostCount,
  hostParent: guide.parent ? guide.parent.nodeName : null,
  shadowType: guide.root.mode || null,
  panel: p,
  steps: queryAll(guide.root, '[data-step-id]').map((n) => ({ id: n.getAttribute('data-step-id'), current: n.getAttribute('aria-current') })),
  fieldMessages: queryAll(guide.root, '[data-field-kind]').map((n) => ({ kind: n.getAttribute('data-field-kind'), severity: n.getAttribute('data-severity'), role: n.getAttribute('role') })),
};
`;

type RawPanel =
  | { found: false; hostCount: number }
  | (Omit<PanelState, 'url' | 'currentSteps' | 'currentStep'> & { found: true });

/** Describe the panel as the test contract sees it. Never throws for a missing panel. */
export async function queryPanel(ctx: FirefoxPageContext): Promise<PanelState> {
  const state = emptyState(ctx.page.url());
  let raw: RawPanel | typeof NO_CONTENT_SCRIPT;
  try {
    raw = await run<RawPanel>(ctx, QUERY_PANEL, { timeout: 2_000 });
  } catch {
    return state; // the page is navigating; the caller polls
  }
  if (raw === NO_CONTENT_SCRIPT) {
    // The add-on runs nothing in this document, so no closed root of ours can exist: count hosts
    // the page can see (a host without our script would be someone else's element).
    state.hostCount = await ctx.page.evaluate((sel) => document.querySelectorAll(sel).length, HOST_SELECTOR).catch(() => 0);
    return state;
  }
  if (!raw.found) {
    state.hostCount = raw.hostCount;
    return state;
  }
  const { found: _found, ...rest } = raw;
  Object.assign(state, rest);
  state.currentSteps = state.steps.filter((s) => s.current === 'step').map((s) => s.id);
  state.currentStep = state.currentSteps[0] ?? null;
  return state;
}

/** The text of the `[data-guide-panel]` element, or ''. */
export async function panelText(ctx: FirefoxPageContext): Promise<string> {
  const raw = await run<string>(ctx, `const g = findGuide(document); const p = g && first(g.root, '[data-guide-panel]'); return p ? textOf(p) : '';`);
  return raw === NO_CONTENT_SCRIPT ? '' : raw;
}

// ---------------------------------------------------------------------------------------------
// Field messages anywhere on the page

const SAME_ORIGIN_AS_TOP = `try { return !!window.top.document; } catch (e) { return false; }`;

/**
 * Every element carrying `data-field-kind` on the whole page: the main document, all shadow roots
 * (closed ones too), same-origin iframes' documents, and cross-origin frames (read by the add-on's
 * content script in them).
 */
export async function fieldKindElements(ctx: FirefoxPageContext): Promise<FieldKindElement[]> {
  const top = await run<FieldKindElement[]>(ctx, `return scanFieldKinds(document, findGuide(document), 'document');`);
  const found: FieldKindElement[] = [];
  if (top === NO_CONTENT_SCRIPT) {
    // No content script of ours in the top document: the page world sees the document, open shadow
    // roots and same-origin frames (a closed root of ours cannot exist without our script).
    found.push(
      ...(await ctx.page.evaluate(() => {
        const out: { kind: string; severity: string | null; role: string | null; where: 'guide' | 'shadow' | 'document' | 'frame' }[] = [];
        const scan = (node: Node, where: 'shadow' | 'document' | 'frame') => {
          if (node instanceof Element || (node.nodeType === 1 && 'getAttribute' in node)) {
            const el = node as Element;
            if (el.hasAttribute('data-field-kind')) out.push({ kind: el.getAttribute('data-field-kind')!, severity: el.getAttribute('data-severity'), role: el.getAttribute('role'), where });
            if (el.shadowRoot) scan(el.shadowRoot, 'shadow');
            let doc: Document | null = null;
            try {
              doc = (el as HTMLIFrameElement).contentDocument ?? null;
            } catch {
              doc = null;
            }
            if (doc) scan(doc, 'frame');
          }
          for (let c = node.firstChild; c; c = c.nextSibling) scan(c, where);
        };
        scan(document, 'document');
        return out;
      })),
    );
  } else found.push(...top);
  // Frames the top document cannot enter: ask the add-on's content script in each of them.
  const frames = await ctx.evalContentInFrames(
    program(`const reachable = (() => { ${SAME_ORIGIN_AS_TOP} })(); return reachable ? null : scanFieldKinds(document, null, 'frame');`),
  );
  for (const raw of frames) {
    const list = unwrap<FieldKindElement[] | null>(raw);
    if (list) found.push(...list.map((e) => ({ ...e, where: e.where === 'document' ? ('frame' as const) : e.where })));
  }
  return found;
}

/** The callout a sub-frame's guard drew in the frame's own host, or null: read by the add-on's content script in each frame. */
export async function frameCallout(ctx: FirefoxPageContext): Promise<FrameCallout | null> {
  const frames = await ctx.evalContentInFrames(
    program(`const host = document.querySelector('[data-sim-exit-guide-host="frame"]');
const callout = host && host.openOrClosedShadowRoot ? host.openOrClosedShadowRoot.querySelector('[data-callout-kind]') : null;
if (!callout) return null;
const mark = callout.querySelector('[data-callout-mark]');
const text = (n) => n.textContent.replace(/\\s+/g, ' ').trim();
return { kind: callout.getAttribute('data-callout-kind'), text: text(callout), mark: mark ? text(mark) : null };`),
  );
  for (const raw of frames) {
    const found = unwrap<FrameCallout | null>(raw);
    if (found) return found;
  }
  return null;
}

export async function countFieldKindOnPage(ctx: FirefoxPageContext): Promise<number> {
  return (await fieldKindElements(ctx)).length;
}

// ---------------------------------------------------------------------------------------------
// Elements, boxes, clicks

/** The first element in the guide's shadow root matching `selector` (nested roots included), or null. */
export async function findInShadow(ctx: FirefoxPageContext, selector: string): Promise<ElementInfo | null> {
  const raw = await run<ElementInfo | null>(ctx, `const g = findGuide(document); return g ? info(first(g.root, ${JSON.stringify(selector)})) : null;`);
  return raw === NO_CONTENT_SCRIPT ? null : raw;
}

/** An element of the page itself (light DOM of the main document, no shadow roots), or null. */
export async function findInPage(ctx: FirefoxPageContext, selector: string): Promise<ElementInfo | null> {
  const raw = await run<ElementInfo | null>(ctx, `return info(first(document, ${JSON.stringify(selector)}, { shadow: false }));`);
  if (raw !== NO_CONTENT_SCRIPT) return raw;
  // Without our content script, the page world reads its own light DOM just as well.
  return ctx.page.evaluate(`(() => { ${PRELUDE.replace('el.openOrClosedShadowRoot', 'el.shadowRoot')}; return info(first(document, ${JSON.stringify(selector)}, { shadow: false })); })()`) as Promise<ElementInfo | null>;
}

/** Click the first element in the guide's shadow root that matches, with a real mouse click at its centre. */
export async function clickInShadow(ctx: FirefoxPageContext, selector: string): Promise<ElementInfo> {
  const raw = await run<{ error: string } | (ElementInfo & { viewport?: { width: number; height: number } })>(
    ctx,
    `
const sel = ${JSON.stringify(selector)};
const g = findGuide(document);
if (!g) return { error: 'clickInShadow: no guide panel on ' + location.href };
const el = first(g.root, sel);
if (!el) {
  const seen = queryAll(g.root, '*').filter((n) => Array.from(n.attributes).some((a) => a.name.startsWith('data-'))).slice(0, 40)
    .map((n) => '<' + n.localName + ' ' + Array.from(n.attributes).filter((a) => a.name.startsWith('data-')).map((a) => a.name + '="' + a.value + '"').join(' ') + '>');
  return { error: 'clickInShadow: nothing matches ' + sel + " in the guide's shadow root. Elements with data-*: " + seen.join(', ') };
}
// Scroll only when needed, like CDP's DOM.scrollIntoViewIfNeeded.
const b = boxOf(el);
if (b && (b.y < 0 || b.x < 0 || b.y + b.height > innerHeight || b.x + b.width > innerWidth)) el.scrollIntoView({ block: 'center', inline: 'center' });
return { ...info(el), viewport: { width: innerWidth, height: innerHeight } };
`,
  );
  if (raw === NO_CONTENT_SCRIPT) throw new Error(`clickInShadow: the add-on has no content script on ${ctx.page.url()}`);
  if ('error' in raw) throw new Error(raw.error);
  const box = raw.box;
  if (!box || box.width === 0 || box.height === 0) throw new Error(`clickInShadow: ${selector} has no visible box (collapsed or hidden?)`);
  assertOnScreen(selector, box, raw.viewport ?? null);
  delete raw.viewport;
  await ctx.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return raw;
}

// ---------------------------------------------------------------------------------------------
// What the page itself can see (page world, through WebDriver BiDi)

/** True when the page's own script can reach the guide's shadow root (it must not: the root is closed). */
export async function pageSeesShadowRoot(ctx: FirefoxPageContext): Promise<boolean> {
  return ctx.page.evaluate((sel) => {
    const host = document.querySelector(sel);
    return !!host && host.shadowRoot !== null;
  }, HOST_SELECTOR);
}

/** The contract's literal check: the host exists in the page and `host.shadowRoot === null`. */
export async function hostShadowRootIsNull(ctx: FirefoxPageContext): Promise<boolean> {
  return ctx.page.evaluate((sel) => document.querySelector(sel)?.shadowRoot === null, HOST_SELECTOR);
}
