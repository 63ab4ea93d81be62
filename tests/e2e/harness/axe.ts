// axe-core (Deque's accessibility engine) in both real browsers, on the guide's CLOSED shadow root
// and on the extension's own pages (issue 14, item 5).
//
// How the closed root is audited, faithfully and in place: axe walks shadow DOM through
// `host.shadowRoot`, which is null for a closed root, and no page script may see our root. So axe
// runs in a world of its own that the page cannot reach, and in that world only the host gets an
// own `shadowRoot` property returning the real closed root:
// - Chromium: an isolated world made over CDP (`Page.createIsolatedWorld`); the host and its root
//   are resolved into it with `DOM.resolveNode` (axe-chromium.ts). Each world has its own JS
//   wrappers of DOM nodes, so the property exists in that world only.
// - Firefox: the add-on's content-script world (over the remote debugging protocol, like
//   firefox-shadow.ts), where `element.openOrClosedShadowRoot` gives the root; the property is an
//   expando on the content script's Xray wrapper of the host, invisible to the page.
// Nothing is copied: axe reads the live nodes, their computed styles and the real layout, so what
// it judges is what a person sees. Two more things, in that world only and for the audit's length:
// axe's layout grid (what covers what, for contrast and target size) starts at <body>, and our host
// is under <html>, so a tree walk from <body> is made to go on to <html>'s later children (in
// Firefox the extension's own code shares that world: its one walker, utils/page/hotline-on-page.ts,
// would just meet our empty host); and a scrolling panel is audited a screenful at a time.
// The context is the guide's hosts only: the practice page's own markup is not ours to judge, and
// page-level rules (document title, landmarks of the page) are skipped by axe for a partial context.
//
// Shown to fail: with the panel's collapse button left without a name, the expanded-panel
// scenario failed in both browsers with button-name at div[data-sim-exit-guide-host] >>> .icon.
//
// Extension pages (popup, checklist, welcome, settings) are ordinary documents: axe runs on the
// whole document (Chromium: in an isolated world of the page; Firefox: in the page's own world
// over the remote protocol, as BiDi cannot script moz-extension pages).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The WCAG 2.2 AA rule tags the issue asks for (axe's names). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeNode {
  /** axe's target: one selector per shadow boundary, joined with ' >>> '. */
  target: string;
  /** axe's failure summary ("Fix any of the following: …"). */
  summary: string;
  html: string;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

export interface AxeReport {
  url: string;
  /** axe-core's version (checked against the installed package). */
  version: string;
  /** How many guide hosts were audited (0 for a whole document). */
  hosts: number;
  /** Screenfuls audited: 1, plus one per further scroll position of a scrolling region in our roots. */
  screens: number;
  /** Elements axe looked at in the context (passes + violations + incomplete nodes, distinct). */
  checkedNodes: number;
  violations: AxeViolation[];
  /** Rule ids that passed somewhere. */
  passes: string[];
  /** Rules axe could not decide (e.g. contrast over an image): listed, not failed. */
  incomplete: { id: string; nodes: number; reasons: string[] }[];
}

export interface AuditOptions {
  /** 'guide': the guide's hosts and their closed roots (default on a web page); 'document': the whole page. */
  scope?: 'guide' | 'document';
  /** Rule tags to run; default WCAG_22_AA. */
  tags?: string[];
}

let source: string | null = null;

/** axe-core's browser build, read once from node_modules (a devDependency, exact version). */
export function axeSource(): string {
  if (source === null) {
    const require = createRequire(import.meta.url);
    source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return source;
}

/**
 * The audit, as the text of a function that runs in the browser beside axe:
 * `(options, host0, root0, host1, root1, …) => Promise<string>` (a JSON AxeReport without `url`).
 * Each host gets an own `shadowRoot` property returning its closed root, in the calling world only.
 * Plain JavaScript (not a transpiled function), so what runs in the browser is what is written here.
 */
export const AUDIT_FUNCTION = String.raw`async function auditWithAxe(options, ...pairs) {
  const hosts = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const host = pairs[i];
    const root = pairs[i + 1];
    if (!host || !root) continue;
    Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
    hosts.push(host);
  }
  if (options.scope === 'guide' && hosts.length === 0) throw new Error('No guide host with a shadow root on ' + location.href);
  // axe lays out its grid of what covers what (colour contrast, target size) from <body> down, and
  // our hosts hang under <html>, after <body>: without this their content has no background (contrast
  // "incomplete", never judged). Here, in this world only, a walk from <body> goes on past it to
  // <html>'s later children; nothing else in axe walks the tree this way.
  const ownWalker = Object.getOwnPropertyDescriptor(document, 'createTreeWalker');
  const createTreeWalker = document.createTreeWalker;
  document.createTreeWalker = function (root, ...rest) {
    if (root !== document.body || !document.body) return createTreeWalker.call(document, root, ...rest);
    const walker = createTreeWalker.call(document, document.documentElement, ...rest);
    walker.currentNode = document.body;
    return walker;
  };
  const context = options.scope === 'guide' ? { include: hosts } : document;
  const target = (t) => t.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' | ');
  // Merged over every scroll position: violations and incomplete nodes by rule and target.
  const violations = new Map();
  const incomplete = new Map();
  const passes = new Set();
  const seen = new Set();
  /** 'rule target' judged (passed or violated) at some screenful: not left undecided for having been half off screen at another. */
  const decided = new Set();
  const merge = (into, rule) => {
    const entry = into.get(rule.id) || { rule, nodes: new Map() };
    for (const n of rule.nodes) entry.nodes.set(target(n.target), n);
    into.set(rule.id, entry);
  };
  const runOnce = async (runOnly) => {
    const result = await axe.run(context, { runOnly, iframes: false, elementRef: false });
    for (const rule of result.violations) merge(violations, rule);
    for (const rule of result.incomplete) merge(incomplete, rule);
    for (const rule of result.passes) {
      passes.add(rule.id);
      for (const n of rule.nodes) decided.add(rule.id + ' ' + target(n.target));
    }
    for (const rule of result.violations) for (const n of rule.nodes) decided.add(rule.id + ' ' + target(n.target));
    for (const group of [result.violations, result.passes, result.incomplete]) for (const rule of group) for (const n of rule.nodes) seen.add(target(n.target));
  };
  // Colour contrast and target size are judged only for what is on screen: a panel whose body
  // scrolls, or a long extension page, is audited again at each screenful of every scrolling region
  // in our roots (or of the document), then scrolled back.
  const scrollers = [];
  for (let i = 1; i < pairs.length; i += 2) {
    const root = pairs[i];
    if (!root) continue;
    for (const el of root.querySelectorAll('*')) {
      const overflow = getComputedStyle(el).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 2 && el.clientHeight > 0) scrollers.push(el);
    }
  }
  const page = document.scrollingElement;
  if (options.scope === 'document' && page && page.scrollHeight > page.clientHeight + 2) scrollers.push(page);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  let screens = 1;
  try {
    await runOnce({ type: 'tag', values: options.tags });
    // Further screenfuls: only the rules that depend on what is on screen (both are WCAG AA rules).
    const onScreen = { type: 'rule', values: ['color-contrast', 'target-size'] };
    for (const el of scrollers) {
      const start = el.scrollTop;
      try {
        for (let top = start + el.clientHeight * 0.9; top < el.scrollHeight && screens < 30; top += el.clientHeight * 0.9) {
          el.scrollTop = top;
          await frame();
          screens += 1;
          await runOnce(onScreen);
        }
      } finally {
        el.scrollTop = start;
      }
    }
  } finally {
    // Leave the world as found (in Firefox it is the add-on's own content-script world).
    if (ownWalker) Object.defineProperty(document, 'createTreeWalker', ownWalker);
    else delete document.createTreeWalker;
    for (const host of hosts) delete host.shadowRoot;
  }
  const result = {
    violations: [...violations.values()].map(({ rule, nodes }) => ({ ...rule, nodes: [...nodes.values()] })),
    incomplete: [...incomplete.values()]
      .map(({ rule, nodes }) => ({ ...rule, nodes: [...nodes].filter(([t]) => !decided.has(rule.id + ' ' + t)).map(([, n]) => n) }))
      .filter((rule) => rule.nodes.length > 0),
    passes: [...passes].map((id) => ({ id })),
  };
  return JSON.stringify({
    version: axe.version,
    hosts: hosts.length,
    screens,
    checkedNodes: seen.size,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact || null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: target(n.target), summary: (n.failureSummary || '').replace(/\s+/g, ' ').trim(), html: String(n.html || '').slice(0, 200) })),
    })),
    passes: result.passes.map((p) => p.id),
    incomplete: result.incomplete.map((r) => ({
      id: r.id,
      nodes: r.nodes.length,
      reasons: Object.entries(r.nodes.reduce((counts, n) => {
        const reason = (n.failureSummary || '').replace(/\s+/g, ' ').replace(/^Fix (any|all) of the following: /, '').trim();
        counts[reason] = (counts[reason] || 0) + 1;
        return counts;
      }, {})).map(([reason, count]) => reason + ' ×' + count + (count === 1 ? ' at ' + target(r.nodes.find((n) => (n.failureSummary || '').replace(/\s+/g, ' ').includes(reason)).target) : '')),
    })),
  });
}`;

/** A violation list as a person reads it: rule id, impact, help, then each target and axe's summary. */
export function describeViolations(report: Pick<AxeReport, 'url' | 'violations'>): string {
  if (report.violations.length === 0) return `no violations on ${report.url}`;
  const lines = [`${report.violations.length} axe violation(s) on ${report.url}:`];
  for (const v of report.violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`);
    for (const n of v.nodes) lines.push(`    at ${n.target}\n      ${n.summary}\n      ${n.html}`);
  }
  return lines.join('\n');
}

/** One line per audit for the test log: what was looked at, and what axe could not decide (never a failure). */
export function summarize(report: AxeReport): string {
  const open = report.incomplete.map((r) => `${r.id} ×${r.nodes} (${r.reasons.join(' / ')})`).join('; ');
  return `axe ${report.version} on ${report.url} (${report.hosts ? `${report.hosts} guide host(s), ` : ''}${report.screens} screenful(s)): ${report.checkedNodes} nodes, ${report.passes.length} rules passed, ${report.violations.length} violated${open ? `; not decided: ${open}` : ''}`;
}
