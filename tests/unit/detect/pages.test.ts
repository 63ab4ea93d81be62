// Whole pages that show signals of several steps (tests/fixtures/pages, also served to the e2e
// tests at /__fixture/<name>): snapshotted like the content script does, the furthest step wins.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carrierById } from '../../../utils/carriers';
import { detectAll, detectStep } from '../../../utils/detect/index';
import { takeSnapshot } from '../../../utils/page/snapshot';
import type { StepId } from '../../../utils/types';

const PAGES = join(__dirname, '../../fixtures/pages');

function snapshotOf(name: string) {
  const html = readFileSync(join(PAGES, `${name}.html`), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return takeSnapshot(doc, { hostname: 'www.hk.chinamobile.com', pathname: `/__fixture/${name}`, hash: '' }).snapshot;
}

describe('pages with several steps', () => {
  it.each<[string, StepId, StepId[]]>([
    // A request "已提交，審核中" above a form to deregister another card: the request is in.
    ['several-steps', 'await-review', ['find-entry', 'submit-request', 'await-review']],
    // A "Cancel registration" link above an "Identity Card number" form: the form is the step.
    ['several-steps-en', 'submit-request', ['find-entry', 'submit-request']],
  ])('%s → %s', (name, step, all) => {
    const snap = snapshotOf(name);
    expect(detectAll(snap).map((s) => s.step)).toEqual(all);
    expect(detectStep(snap, carrierById('cmhk'))?.step).toBe(step);
  });
});
