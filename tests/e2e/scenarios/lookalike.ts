// Issue 16's look-alike attacks that read the same in both browsers (trust-lookalike.chromium and
// .firefox test files): each file brings its own set-up (how the all-sites permission is granted,
// how the popup and the badge are reached) and these checks run on top of it.
import { expect, test } from 'vitest';
import { eventually, sleep, type E2EPage } from '../harness/browser';

export const OFFICIAL = 'https://www.hk.chinamobile.com/tc/index.html';
export const fixture = (origin: string, name: string): string => `${origin}/__fixture/${name}.html`;

/** The warning and the official address only: no step, ring, "Show me where" or progress. */
export async function expectNoGuidance(page: E2EPage, carrier: string): Promise<void> {
  const state = await page.waitForPanel((s) => s.panel?.siteTrust === 'suspicious', 15_000);
  expect(state.panel?.carrier).toBe(carrier);
  expect(state.currentStep ?? null).toBeNull();
  await sleep(1000); // the panel had time to look at the page
  for (const selector of ['[aria-current]', '[data-step-id]', '[data-highlight]', 'button.primary', '[data-checklist-item]']) {
    expect(await page.shadowElement(selector), selector).toBeNull();
  }
  expect((await page.shadowElement('[data-official-address]'))?.text).toMatch(/\./);
  // Issue 14: collapsed by default, the compact card shows the warning and the official address.
  expect(await page.shadowElement('[data-guide-panel]')).toMatchObject({ attrs: { 'data-panel-state': 'collapsed' } });
  expect((await page.shadowElement('[data-official-address]'))?.box, 'the official address on screen').toBeTruthy();
}

export interface LookalikeBrowser {
  open(url: string): Promise<E2EPage>;
  tabIdOf(url: string): Promise<number>;
  /** The toolbar badge's text on that tab. */
  badge(tabId: number): Promise<string>;
}

/** The pages: other names of a carrier, a framed phishing page, a page asking for a card and an HKID, a blob: page. */
export function defineLookalikePageScenarios(b: () => LookalikeBrowser): void {
  test.each([
    ['cmcc-hk.com', 'cmhk'],
    ['10086-hk.com', 'cmhk'],
    ['csl-hk.com', 'csl'],
    ['mycsl.com', 'csl'],
    ['rnr-hk.com', 'cmhk'],
    ['simreg-hk.com', 'cmhk'],
    ['chinaunicom-hk.com', 'cuniq'],
  ])("the carrier's other names and numbers: %s imitates %s", async (host, carrier) => {
    const page = await b().open(fixture(`http://${host}`, 'lookalike-cancel'));
    const state = await page.waitForPanel((s) => s.panel?.siteTrust === 'suspicious', 15_000);
    expect(state.panel?.carrier).toBe(carrier);
    await page.close();
  });

  test('a phishing page framed by a neutral page: the top page gets the warning', async () => {
    const page = await b().open(fixture('https://practice.example', 'lookalike-frame'));
    await expectNoGuidance(page, 'cmhk');
    await page.close();
  });

  test("a page that asks for a card and an HKID under the carrier's name (spaced, zero-width, full-width), without sign-in words", async () => {
    const page = await b().open(fixture('https://practice.example', 'lookalike-ask'));
    await expectNoGuidance(page, 'cmhk');
    await page.close();
  });

  test('a phishing page written into a blob: gets the red icon', async () => {
    const url = `${fixture('https://practice.example', 'lookalike-blob')}#stay`;
    const page = await b().open(url);
    const tabId = await b().tabIdOf(url);
    await page.evaluate(() => {
      location.href = (window as unknown as { blobUrl: string }).blobUrl;
    });
    await eventually(() => page.url(), (u) => u.startsWith('blob:'), 'on the blob: page');
    expect(await eventually(() => b().badge(tabId), (t) => t === '!', 'red icon on the blob: page', 15_000)).toBe('!');
    await page.close();
  });
}
