// Issue 16: trust that a page cannot fake. ONE body per scenario, run in real Chromium
// (trust.chromium.test.ts) and real Firefox (trust.firefox.test.ts). The attack page is
// tests/fixtures/pages/hostile-fight.html, served by the practice server under CMHK's real
// hostname: each attack there keeps going until the page closes. The look-alike attacks (they need
// the all-sites permission) are in tests/e2e/trust-lookalike.chromium.test.ts.
import { describe, expect, test } from 'vitest';
import { eventually, sleep, type Box, type BrowserName, type E2EPage } from '../harness/browser';
import { expandPanel } from './expand';
import { usePracticeBrowser } from '../harness/practice-browser';

const FIGHT = 'https://www.hk.chinamobile.com/__fixture/hostile-fight.html';

/** What the page itself finds at the centre of the panel: our host, or the page's element. */
async function onTop(page: E2EPage): Promise<boolean> {
  const panel = await page.shadowElement('[data-guide-panel]');
  const box = panel?.box as Box | null;
  if (!box || box.width < 50) return false;
  return page.evaluate(
    (x: number, y: number) => document.elementFromPoint(x, y)?.hasAttribute('data-sim-exit-guide-host') === true,
    box.x + box.width / 2,
    box.y + Math.min(box.height / 2, 60),
  );
}

/** A panel button works: a checklist item ticks and unticks through the background. */
async function buttonWorks(page: E2EPage): Promise<void> {
  await expandPanel(page);
  const item = await eventually(() => page.shadowElement('[data-checklist-item]'), (el) => el !== null, 'a checklist item');
  const selector = `[data-checklist-item="${item!.attrs['data-checklist-item']}"]`;
  for (const want of [!item!.checked, item!.checked === true]) {
    await page.clickInShadow(selector);
    await eventually(() => page.shadowElement(selector), (el) => el?.checked === want, `${selector} ${want ? 'ticked' : 'unticked'}`);
  }
}

export function defineTrustScenarios(browserName: BrowserName): void {
  const practice = usePracticeBrowser(browserName);

  describe(`the panel stays the panel (${browserName})`, () => {
    test.each([
      ['none', false],
      ['hide-popover', true],
      ['inert', true],
      ['inert-html', true],
      ['attributes', true],
      ['modal', false],
      ['popover-loop', true],
    ] as const)('%s: back on top and usable within a second; a page that keeps at it is named', async (attack, named) => {
      const page = await practice.browser().open(FIGHT);
      try {
        await page.waitForPanel((s) => s.present && s.currentStep === 'find-entry');
        await expandPanel(page);
        await page.waitForPanel((s) => s.panel?.attrs['data-expanded'] === 'true');
        expect(await page.evaluate((a: string) => (window as unknown as { fight: { start(a: string): number } }).fight.start(a), attack)).toBe(1);
        await sleep(1000);
        await eventually(() => onTop(page), Boolean, 'the panel on top of the page', 1000);
        expect(await page.evaluate(() => document.documentElement.hasAttribute('inert'))).toBe(false);
        await buttonWorks(page);
        if (named) {
          const notice = await eventually(() => page.shadowElement('[data-page-fighting]'), (el) => el !== null, 'the panel names the fighting page');
          expect(notice!.attrs.role).toBe('alert');
        }
        // Still a field guard (behind its own modal dialog the page's field is inert: nothing to focus).
        if (attack === 'modal') return;
        await page.focus('#card-number');
        await eventually(() => page.fieldKindElements(), (l) => l.length === 1 && l[0]!.kind === 'card-number', 'one card-number message');
      } finally {
        await page.close();
      }
    });
  });

  describe(`nothing for a page to watch (${browserName})`, () => {
    test('the page sees no performance mark of ours when the panel mounts and a warning is drawn', async () => {
      const page = await practice.browser().open(FIGHT);
      try {
        await page.waitForPanel((s) => s.present && s.currentStep === 'find-entry');
        await page.focus('#card-number');
        await eventually(() => page.fieldKindElements(), (l) => l.length === 1, 'a field message');
        const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
        expect(marks).toEqual([]);
        // Nothing in the page's own DOM changes when a warning is drawn: the host keeps its attributes.
        const host = await page.pageElement('[data-sim-exit-guide-host]');
        expect(Object.keys(host!.attrs).sort()).toEqual(['data-sim-exit-guide-host', 'popover', 'style']);
      } finally {
        await page.close();
      }
    });
  });
}
