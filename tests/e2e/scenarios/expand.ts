// The panel opens collapsed (a compact next-step card, issue 14): scenarios that use the full
// guide's body (the checklist, the language buttons, the tied accounts) open it first, as a person
// would, with the card's open button.
import { eventually, type E2EPage } from '../harness/browser';

export async function expandPanel(page: E2EPage): Promise<void> {
  const state = await page.waitForPanel((s) => s.present && !!s.panel?.attrs['data-panel-state']);
  if (state.panel!.attrs['data-panel-state'] === 'expanded') return;
  // The card is placed again (at most ten times a second, in an animation frame) after it changes:
  // a field message that just came in can hold its open button below the viewport for that moment,
  // no longer than a person needs to reach it. Wait for the card to settle on screen, then click.
  const height = await page.evaluate(() => innerHeight);
  await eventually(
    () => page.shadowElement('[data-open-guide]'),
    (el) => !!el?.box && el.box.y >= 0 && el.box.y + el.box.height <= height,
    'the open button on screen',
    5_000,
  ).catch(() => undefined);
  await page.clickInShadow('[data-open-guide]');
  await page.waitForPanel((s) => s.panel?.attrs['data-panel-state'] === 'expanded');
}
