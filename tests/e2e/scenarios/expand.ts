// The panel opens collapsed (a compact next-step card, issue 14): scenarios that use the full
// guide's body (the checklist, the language buttons, the tied accounts) open it first, as a person
// would, with the card's open button.
import { type E2EPage } from '../harness/browser';

export async function expandPanel(page: E2EPage): Promise<void> {
  const state = await page.waitForPanel((s) => s.present && !!s.panel?.attrs['data-panel-state']);
  if (state.panel!.attrs['data-panel-state'] === 'expanded') return;
  await page.clickInShadow('[data-open-guide]');
  await page.waitForPanel((s) => s.panel?.attrs['data-panel-state'] === 'expanded');
}
