// axe-core in real Chromium over CDP (the approach is explained in axe.ts): a fresh isolated world
// in the page's main frame, axe's source evaluated there, the guide's hosts and their CLOSED roots
// resolved into that world by backend node id, and the audit run on them in place.
import type { Page } from 'playwright-core';
import { AUDIT_FUNCTION, WCAG_22_AA, axeSource, type AuditOptions, type AxeReport } from './axe';
import { cdp, type CdpNode } from './shadow';

const HOST_ATTRIBUTE = 'data-sim-exit-guide-host';

/** Every guide host in the top document (not in frames) with its author shadow root. */
function guideHosts(document: CdpNode): { host: number; root: number }[] {
  const found: { host: number; root: number }[] = [];
  const visit = (node: CdpNode) => {
    if (node.nodeType === 1 && (node.attributes ?? []).some((name, i) => i % 2 === 0 && name === HOST_ATTRIBUTE)) {
      const root = (node.shadowRoots ?? []).find((r) => r.shadowRootType !== 'user-agent');
      if (root) found.push({ host: node.backendNodeId, root: root.backendNodeId });
    }
    for (const r of node.shadowRoots ?? []) visit(r);
    for (const child of node.children ?? []) visit(child);
  };
  visit(document);
  return found;
}

export async function auditChromium(page: Page, options: AuditOptions = {}): Promise<AxeReport> {
  const scope = options.scope ?? 'guide';
  const session = await cdp(page);
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await session.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'sim-exit-guide-axe',
  })) as { executionContextId: number };
  const loaded = (await session.send('Runtime.evaluate', { expression: `${axeSource()}\n;typeof axe`, contextId: executionContextId, returnByValue: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  if (loaded.exceptionDetails || loaded.result.value !== 'object') {
    throw new Error(`axe-core did not load in ${page.url()}: ${loaded.exceptionDetails?.exception?.description ?? loaded.exceptionDetails?.text ?? String(loaded.result.value)}`);
  }
  const objects: string[] = [];
  try {
    if (scope === 'guide') {
      const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      for (const { host, root: shadowRoot } of guideHosts(root)) {
        for (const backendNodeId of [host, shadowRoot]) {
          const { object } = (await session.send('DOM.resolveNode', { backendNodeId, executionContextId })) as { object: { objectId?: string } };
          if (!object.objectId) throw new Error(`DOM.resolveNode gave no object for node ${backendNodeId}`);
          objects.push(object.objectId);
        }
      }
    }
    const reply = (await session.send('Runtime.callFunctionOn', {
      functionDeclaration: AUDIT_FUNCTION,
      executionContextId,
      arguments: [{ value: { scope, tags: options.tags ?? WCAG_22_AA } }, ...objects.map((objectId) => ({ objectId }))],
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (reply.exceptionDetails) throw new Error(`axe-core failed on ${page.url()}: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return { url: page.url(), ...(JSON.parse(String(reply.result.value)) as Omit<AxeReport, 'url'>) };
  } finally {
    for (const objectId of objects) await session.send('Runtime.releaseObject', { objectId }).catch(() => {});
  }
}
