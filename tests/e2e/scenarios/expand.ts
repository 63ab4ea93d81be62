// The panel opens collapsed (a compact next-step card, issue 14): scenarios that use the full
// guide's body (the checklist, the language buttons, the tied accounts) open it first, as a person
// would, with the card's open button.
import { eventually, type E2EPage } from '../harness/browser';

export async function expandPanel(page: E2EPage): Promise<void> {
  const state = await page.waitForPanel((s) => s.present && !!s.panel?.attrs['data-panel-state']);
  if (state.panel!.attrs['data-panel-state'] === 'expanded') return;
  // The card is placed again (at most ten times a second, in an animation frame) after it changes:
  // a field message that just came in can move its open button for that moment, no longer than a
  // person needs to reach it. Wait until the button is on screen and still (two reads alike), then
  // click: a click aimed where the button was a moment ago misses it.
  const height = await page.evaluate(() => innerHeight);
  let last = '';
  await eventually(
    async () => {
      const box = (await page.shadowElement('[data-open-guide]'))?.box;
      const key = JSON.stringify(box ?? null);
      const still = key === last;
      last = key;
      return { box, still };
    },
    ({ box, still }) => still && !!box && box.y >= 0 && box.y + box.height <= height,
    'the open button on screen and still',
    5_000,
  ).catch(() => undefined);
  await page.clickInShadow('[data-open-guide]');
  await page.waitForPanel((s) => s.panel?.attrs['data-panel-state'] === 'expanded');
}
