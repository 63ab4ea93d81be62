// axe-core in real Firefox over its remote debugging protocol (the approach is explained in
// axe.ts): on a web page, in the add-on's content-script world, where `openOrClosedShadowRoot`
// gives the guide's CLOSED roots; on an extension page, in that page's own world.
import { AUDIT_FUNCTION, WCAG_22_AA, axeSource, type AuditOptions, type AxeReport } from './axe';

/** Evaluates an expression in one world of one document and returns its (JSON-able) value. */
export type Evaluate = (code: string) => Promise<unknown>;

/**
 * Loads axe into the world `evaluate` reaches (once per document: it stays on that world's
 * `window`, an expando the page cannot see from a content script) and audits. On a web page the
 * guide's hosts are found with `openOrClosedShadowRoot`, which exists in the content-script world only.
 */
export async function auditFirefox(evaluate: Evaluate, url: string, options: AuditOptions = {}): Promise<AxeReport> {
  const scope = options.scope ?? 'guide';
  if ((await evaluate(`typeof window.axe`)) !== 'object') {
    const loaded = await evaluate(`(() => {\n${axeSource()}\n;return typeof window.axe;})()`);
    if (loaded !== 'object') throw new Error(`axe-core did not load in ${url} (typeof axe: ${String(loaded)})`);
  }
  const run = `(async () => {
  const axe = window.axe;
  const pairs = [];
  if (${JSON.stringify(scope)} === 'guide') {
    for (const host of document.querySelectorAll('[data-sim-exit-guide-host]')) {
      let root = null;
      try { root = host.openOrClosedShadowRoot || null; } catch (e) { root = null; }
      if (root) pairs.push(host, root);
    }
  }
  try {
    return await (${AUDIT_FUNCTION})(${JSON.stringify({ scope, tags: options.tags ?? WCAG_22_AA })}, ...pairs);
  } catch (e) {
    return JSON.stringify({ error: String((e && e.stack) || e) });
  }
})()`;
  const raw = await evaluate(run);
  const parsed = JSON.parse(String(raw)) as Omit<AxeReport, 'url'> | { error: string };
  if ('error' in parsed) throw new Error(`axe-core failed on ${url}: ${parsed.error}`);
  return { url, ...parsed };
}
