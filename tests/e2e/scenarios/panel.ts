// The panel scenarios, ONE body each, run in real Chromium (panel.chromium.test.ts) and real
// Firefox (panel.firefox.test.ts) through the common interface in ../harness/browser.ts. The
// built extension runs on the practice carrier site, served under the carriers' real hostnames on
// loopback; everything is read through the test contract in DESIGN.md, inside the closed shadow
// root (CDP in Chromium, the content-script world over Firefox's remote protocol).
//
// A scenario that can only run in one browser says why with oneBrowserOnly() (./one-browser.ts);
// `npm test` compares the two browsers' reports and fails on a scenario that ran in one only
// without that reason. Today every scenario runs in both.
//
// Needs the builds: .output/chrome-mv3 (`npx wxt build`) and .output/firefox-mv2
// (`npx wxt build -b firefox`); `npm test` builds first.
import { describe, expect, test } from 'vitest';
import { eventually, sleep, type Box, type BrowserName, type E2EPage, type PanelState } from '../harness/browser';
import { expandPanel } from './expand';
import { usePracticeBrowser } from '../harness/practice-browser';

const CMHK = 'https://www.hk.chinamobile.com';
const STEP_IDS = ['sign-in', 'find-entry', 'submit-request', 'await-review', 'confirmed'];
/** How long a page gets to show a panel before we conclude it has none (the panel mounts asynchronously). */
const ABSENCE_WAIT_MS = 3_000;


const hasSteps = (s: PanelState) => s.present && STEP_IDS.every((id) => s.steps.some((step) => step.id === id));

/** The highlight covers the link's centre and is not much bigger than the link (a ring or cut-out, not the whole page). */
function fitsAround(box: Box, target: Box, slack = 48): boolean {
  const cx = target.x + target.width / 2;
  const cy = target.y + target.height / 2;
  const coversCentre = box.x <= cx && cx <= box.x + box.width && box.y <= cy && cy <= box.y + box.height;
  const snug =
    box.x >= target.x - slack &&
    box.y >= target.y - slack &&
    box.x + box.width <= target.x + target.width + slack &&
    box.y + box.height <= target.y + target.height + slack;
  return coversCentre && snug && overlapArea(box, target) > 0;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function definePanelScenarios(browserName: BrowserName): void {
  /** One practice server and one fresh browser per describe block, so blocks share no state. */
  function useBrowser(): { open: (url: string) => Promise<E2EPage> } {
    const practice = usePracticeBrowser(browserName);
    return {
      open: async (url: string) => {
        const page = await practice.browser().open(url);
        // Make sure we are looking at the practice site, not an error page.
        expect(page.status, `loading ${url}`).toBe(200);
        expect(await page.title()).toMatch(/練習|Practice/);
        return page;
      },
    };
  }

  async function withPage(open: (url: string) => Promise<E2EPage>, url: string, body: (page: E2EPage) => Promise<void>): Promise<void> {
    const page = await open(url);
    try {
      await body(page);
    } finally {
      await page.close();
    }
  }

  describe('where the panel appears', () => {
    const { open } = useBrowser();

    test('on the official host, in a closed shadow root under <html> that the page cannot open', async () => {
      await withPage(open, `${CMHK}/tc/`, async (page) => {
        const state = await page.waitForPanel((s) => s.present);
        expect(state.shadowType).toBe('closed');
        expect(state.hostParent).toBe('HTML');
        expect(state.hostCount).toBe(1);
        expect(await page.hostShadowRootIsNull()).toBe(true);
        expect(await page.pageSeesShadowRoot()).toBe(false);
      });
    });

    test('with the contract attributes: role, accessible name, carrier, site trust, the five steps', async () => {
      await withPage(open, `${CMHK}/tc/`, async (page) => {
        const state = await page.waitForPanel(hasSteps);
        expect(state.panel).not.toBeNull();
        expect(state.panel!.role).toBe('complementary');
        expect(state.panel!.name.length, 'accessible name of the panel root').toBeGreaterThan(0);
        expect(state.panel!.carrier).toBe('cmhk');
        expect(state.panel!.siteTrust).toBe('official');
        // each step id once, in the flow's order
        expect(state.steps.map((s) => s.id)).toEqual(STEP_IDS);
      });
    });

    test.each([
      ['www.cmhk.com (China Merchants, not CMHK)', 'https://www.cmhk.com/tc/'],
      ['ncas.hk.chinamobile.com (staff sign-on)', 'https://ncas.hk.chinamobile.com/tc/'],
      ['plain http on the official host', 'http://www.hk.chinamobile.com/tc/'],
    ])('not on %s', async (_label, url) => {
      await withPage(open, url, async (page) => {
        // Stayed where we asked (no silent upgrade of http to https).
        expect(new URL(page.url()).protocol).toBe(new URL(url).protocol);
        await sleep(ABSENCE_WAIT_MS);
        expect(await page.evaluate(() => document.querySelector('[data-sim-exit-guide-host]') === null)).toBe(true);
        const state = await page.queryPanel();
        expect(state.present).toBe(false);
        expect(state.hostCount).toBe(0);
        expect(await page.countFieldKind()).toBe(0);
      });
    });
  });

  describe('the current step follows the practice flow', () => {
    const { open } = useBrowser();

    test.each([
      ['/tc/', 'sign-in'],
      ['/tc/login', 'sign-in'],
      ['/tc/account', 'find-entry'],
      ['/tc/deregister', 'submit-request'],
      ['/tc/pending', 'await-review'],
      ['/tc/done', 'confirmed'],
      ['/en/', 'sign-in'],
      ['/en/login', 'sign-in'],
      ['/en/account', 'find-entry'],
      ['/en/deregister', 'submit-request'],
      ['/en/pending', 'await-review'],
      ['/en/done', 'confirmed'],
      // Several signals on one page: the furthest step along the flow wins.
      ['/__fixture/several-steps', 'await-review'],
      ['/__fixture/several-steps-en', 'submit-request'],
    ])('%s → %s', async (path, expected) => {
      await withPage(open, `${CMHK}${path}`, async (page) => {
        await page.waitForPanel((s) => s.currentStep === expected && s.currentSteps.length === 1);
        await sleep(500); // and it stays there (no flicker to another step after a DOM re-check)
        const state = await page.queryPanel();
        expect(state.currentSteps).toEqual([expected]);
        expect(state.panel?.carrier).toBe('cmhk');
      });
    });

    test.each([['/tc/refill'], ['/en/refill']])('%s (a refill page) marks no step at all', async (path) => {
      await withPage(open, `${CMHK}${path}`, async (page) => {
        await page.waitForPanel((s) => s.present);
        await sleep(1_500); // give detection time to (wrongly) mark a step
        const state = await page.queryPanel();
        expect(state.present).toBe(true);
        expect(state.currentSteps).toEqual([]);
      });
    });
  });

  describe('field messages', () => {
    const { open } = useBrowser();

    test('none while nothing is focused; exactly one card-number warning while the card field has focus', async () => {
      await withPage(open, `${CMHK}/tc/refill`, async (page) => {
        await page.waitForPanel((s) => s.present);
        await sleep(500);
        expect(await page.countFieldKind()).toBe(0);

        await page.focus('#card-number');
        const found = await eventually(() => page.fieldKindElements(), (list) => list.length > 0, 'a field message for the card number');
        await sleep(300);
        const settled = await page.fieldKindElements();
        expect(settled).toEqual([{ kind: 'card-number', severity: 'warn', role: 'alert', where: 'guide' }]);
        expect(found.length).toBe(1);
        expect((await page.queryPanel()).fieldMessages).toEqual([{ kind: 'card-number', severity: 'warn', role: 'alert' }]);

        // Moving to the security-code field: still exactly one message, now about the CVC.
        await page.focus('#card-cvc');
        await eventually(() => page.fieldKindElements(), (list) => list.length === 1 && list[0]!.kind === 'card-cvc', 'the CVC message');
        expect(await page.fieldKindElements()).toEqual([{ kind: 'card-cvc', severity: 'warn', role: 'alert', where: 'guide' }]);

        // A field that is not sensitive, then nothing focused: no message anywhere.
        await page.focus('#refill-amount');
        await eventually(() => page.countFieldKind(), (n) => n === 0, 'no message on a plain field');
        await page.blur();
        await sleep(300);
        expect(await page.countFieldKind()).toBe(0);
      });
    });

    test('a card field inside a same-site iframe gives the one message in the top frame panel', async () => {
      await withPage(open, `${CMHK}/tc/pay`, async (page) => {
        await page.waitForPanel((s) => s.present);
        await sleep(300);
        expect(await page.countFieldKind()).toBe(0);

        // focus() waits for the frame's field (it fails if the payment iframe never appears).
        await page.focus('#frame-card-number', { frame: '/tc/pay-frame' });
        await eventually(() => page.fieldKindElements(), (list) => list.length > 0, 'a field message for the framed card number');
        await sleep(300);
        expect(await page.fieldKindElements()).toEqual([{ kind: 'card-number', severity: 'warn', role: 'alert', where: 'guide' }]);
      });
    });
  });

  describe('progress', () => {
    const { open } = useBrowser();

    test('a ticked checklist item is still ticked after a reload', async () => {
      await withPage(open, `${CMHK}/tc/`, async (page) => {
        await page.waitForPanel((s) => s.present);
        await expandPanel(page);
        const first = await eventually(() => page.shadowElement('[data-checklist-item]'), (n) => n !== null, 'a [data-checklist-item] in the panel');
        const itemId = first!.attrs['data-checklist-item'] ?? '';
        const sameItem = itemId ? `[data-checklist-item="${itemId}"]` : '[data-checklist-item]';
        expect(first!.checked, 'a fresh profile starts unticked').toBe(false);

        await page.clickInShadow(sameItem);
        await eventually(async () => (await page.shadowElement(sameItem))?.checked ?? null, (v) => v === true, 'the item ticked after a click');

        await page.reload({ waitUntil: 'load' });
        await page.waitForPanel((s) => s.present);
        const after = await eventually(
          async () => (await page.shadowElement(sameItem))?.checked ?? null,
          (v) => v === true,
          'the item still ticked after the reload',
        );
        expect(after).toBe(true);
      });
    });
  });

  describe('language', () => {
    const { open } = useBrowser();

    test('switching to English changes the panel and is remembered', async () => {
      await withPage(open, `${CMHK}/tc/`, async (page) => {
        const before = await page.waitForPanel((s) => s.present && !!s.panel?.lang);
        expect(before.panel!.lang, 'a zh-Hant-HK page starts in Chinese').toMatch(/^zh/);
        const textBefore = await page.panelText();

        await expandPanel(page);
        await page.clickInShadow('[data-language-option="en"]');
        await page.waitForPanel((s) => s.panel?.lang === 'en');
        const textAfter = await eventually(() => page.panelText(), (t) => t !== textBefore, 'panel text to change');
        expect(textAfter).toMatch(/[A-Za-z]{4,}/);

        await page.reload({ waitUntil: 'load' });
        await page.waitForPanel((s) => s.panel?.lang === 'en');
      });
    });
  });

  describe('highlight', () => {
    const { open } = useBrowser();

    test('on /tc/account the highlight sits on the 取消登記 link', async () => {
      await withPage(open, `${CMHK}/tc/account`, async (page) => {
        await page.waitForPanel((s) => s.currentStep === 'find-entry');
        const link = await page.pageElement('#deregister-link');
        expect(link?.text).toContain('取消電話儲值卡登記');
        const result = await eventually(
          async () => {
            const highlight = await page.shadowElement('[data-highlight]');
            const linkBox = (await page.pageElement('#deregister-link'))?.box ?? null;
            return { linkBox, box: highlight?.box ?? null };
          },
          ({ linkBox, box }) => !!linkBox && !!box && fitsAround(box, linkBox),
          'a [data-highlight] box around the deregistration link',
        );
        expect(overlapArea(result.box!, result.linkBox!)).toBeGreaterThan(0);
      });
    });
  });
  // Issue 13: a fresh profile, so the card is on CMHK's default route (the hotline), whatever other blocks chose.
  describe('hotline route', () => {
    const { open } = useBrowser();

    test('on the hotline route the carrier\'s contact page gets its hotline number ringed, and no step', async () => {
      await withPage(open, `${CMHK}/en/contact`, async (page) => {
        const contact = await page.waitForPanel((s) => s.present && s.panel?.attrs['data-route'] === 'hotline');
        expect(contact.currentStep).toBeNull();
        const result = await eventually(
          async () => {
            const highlight = await page.shadowElement('[data-highlight]');
            const numberBox = (await page.pageElement('#hotline-number'))?.box ?? null;
            return { numberBox, box: highlight?.box ?? null };
          },
          ({ numberBox, box }) => !!numberBox && !!box && fitsAround(box, numberBox),
          'the ring on the hotline number the page shows',
        );
        expect(overlapArea(result.box!, result.numberBox!)).toBeGreaterThan(0);
        expect(await page.panelText()).toMatch(/shows the carrier's hotline/);
      });
    });
  });

  // Issue 13: the route, the step states and the accounts tied to the number, through the contract.
  describe('route, step states and tied accounts', () => {
    const { open } = useBrowser();
    const stepStates = async (page: E2EPage) => {
      const out: string[] = [];
      for (const id of STEP_IDS) out.push((await page.shadowElement(`[data-step-id="${id}"]`))?.attrs['data-step-state'] ?? '');
      return out;
    };

    test('data-route: CMHK starts on the hotline; an account that shows the online entry switches it to online, ringed', async () => {
      await withPage(open, `${CMHK}/en/`, async (page) => {
        const home = await page.waitForPanel((s) => s.currentStep === 'sign-in' && !!s.panel?.attrs['data-route']);
        expect(home.panel!.attrs['data-route']).toBe('hotline');
        expect(await page.panelText()).toContain('12580');
        // On the hotline the text says no sign-in is needed: nothing on the page is ringed.
        await sleep(800);
        expect(await page.shadowElement('[data-highlight]')).toBeNull();

        await page.goto(`${CMHK}/en/account`);
        const account = await page.waitForPanel((s) => s.currentStep === 'find-entry' && s.panel?.attrs['data-route'] === 'online');
        expect(account.panel!.attrs['data-route']).toBe('online');
        // The text says: if your account shows it, use it; if not, call. And the ring is on that entry.
        const text = await page.panelText();
        expect(text).toMatch(/If your account shows/);
        expect(text).toContain('12580');
        await eventually(
          async () => {
            const highlight = await page.shadowElement('[data-highlight]');
            const linkBox = (await page.pageElement('#deregister-link'))?.box ?? null;
            return !!highlight?.box && !!linkBox && fitsAround(highlight.box, linkBox);
          },
          (ok) => ok,
          'the ring on the online entry the text tells the user to use',
        );
        // The choice is kept for the card: back on the home page it stays online.
        await page.goto(`${CMHK}/en/`);
        await page.waitForPanel((s) => s.currentStep === 'sign-in' && s.panel?.attrs['data-route'] === 'online');
      });
    });

    test('data-step-state: done when passed, current on the page step, and every step done once confirmed', async () => {
      await withPage(open, `${CMHK}/tc/pending`, async (page) => {
        await page.waitForPanel((s) => s.currentStep === 'await-review');
        const pending = await eventually(() => stepStates(page), (s) => s[3] === 'current', 'step states on the pending page');
        expect(pending).toEqual(['done', 'done', 'done', 'current', 'todo']);

        await page.goto(`${CMHK}/tc/done`);
        await page.waitForPanel((s) => s.currentStep === 'confirmed');
        const done = await eventually(() => stepStates(page), (s) => s.every((x) => x === 'done'), 'every step done at confirmed');
        expect(done).toEqual(['done', 'done', 'done', 'done', 'done']);
        expect((await page.queryPanel()).currentSteps).toEqual(['confirmed']);
        expect(await page.panelText()).toContain('已完成步驟：5/5');
      });
    });

  });

  // A first visit: a browser of its own (after the block above reached "confirmed", the list is folded).
  describe('tied accounts at a first visit', () => {
    const { open } = useBrowser();

    test('data-tied-account: the list comes before the steps, is on screen at a first visit, and keeps its ticks', async () => {
      await withPage(open, `${CMHK}/tc/account`, async (page) => {
        await page.waitForPanel((s) => s.currentStep === 'find-entry');
        await expandPanel(page);
        await page.waitForPanel((s) => s.currentStep === 'find-entry' && s.panel?.attrs['data-expanded'] === 'true');
        const first = await eventually(() => page.shadowElement('[data-tied-account]'), (n) => !!n?.box, 'a tied account on screen');
        const firstStep = await page.shadowElement('[data-step-id="sign-in"]');
        // As text: Firefox's evaluate returned {} for an object on the practice pages.
        const viewport = JSON.parse(await page.evaluate(() => JSON.stringify({ w: window.innerWidth, h: window.innerHeight }))) as { w: number; h: number };
        expect(first!.box!.y).toBeGreaterThanOrEqual(0);
        expect(first!.box!.y + first!.box!.height, 'the first tied account is visible without scrolling').toBeLessThanOrEqual(viewport.h);
        expect(first!.box!.y, 'tied accounts come before the steps').toBeLessThan(firstStep!.box!.y);

        const id = first!.attrs['data-tied-account']!;
        const box = `[data-tied-account="${id}"]`;
        expect(first!.checked, 'a fresh profile starts unticked').toBe(false);
        await page.clickInShadow(`input[id="tied-${id}"]`);
        await eventually(async () => (await page.shadowElement(box))?.checked ?? null, (v) => v === true, 'the account ticked');
        await page.reload({ waitUntil: 'load' });
        await page.waitForPanel((s) => s.present);
        await eventually(async () => (await page.shadowElement(box))?.checked ?? null, (v) => v === true, 'still ticked after a reload');
      });
    });
  });
}
