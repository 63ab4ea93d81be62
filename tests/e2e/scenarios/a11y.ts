// Issue 14, item 5: axe-core finds no WCAG 2.2 AA violation (tags wcag2a, wcag2aa, wcag21a,
// wcag21aa, wcag22aa) in what the extension shows: the panel expanded, collapsed and with a field
// message, the popup (about an official tab and off-site), the checklist page, and the welcome and
// settings pages when the build has them; each in the light and the dark colour scheme. ONE body
// per scenario, run in real Chromium (a11y.chromium.test.ts) and real Firefox (a11y.firefox.test.ts),
// one browser launch per file.
//
// The panel lives in a CLOSED shadow root: the harness runs axe in a world the page cannot reach
// and lets it into our root there only (tests/e2e/harness/axe.ts explains how). A failure lists
// each violation with axe's rule id, the target (selectors joined with ' >>> ' across the shadow
// boundary) and axe's summary.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { describeViolations, summarize, type AxeReport } from '../harness/axe';
import { eventually, sleep, type BrowserName, type E2EPage, type PanelState } from '../harness/browser';
import { usePracticeBrowser } from '../harness/practice-browser';

const CMHK = 'https://www.hk.chinamobile.com';
/** A page with a step (the account page: find-entry), where the panel has the most to show. */
const STEP_PAGE = `${CMHK}/tc/account.html`;
/** The practice refill page: a card-number field (#card-number). */
const CARD_PAGE = `${CMHK}/tc/refill.html`;
const SCHEMES = ['light', 'dark'] as const;
/** Time for transitions to end before axe measures colours and sizes. */
const SETTLE_MS = 400;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const buildOf = (browserName: BrowserName) => join(ROOT, '.output', browserName === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');

/** The panel's state as the contract names it (`data-panel-state`), or as the panel said it before (`data-expanded`). */
function panelStateOf(s: PanelState): 'expanded' | 'collapsed' | null {
  const a = s.panel?.attrs;
  if (!a) return null;
  const named = a['data-panel-state'];
  if (named === 'expanded' || named === 'collapsed') return named;
  return a['data-expanded'] === 'true' ? 'expanded' : 'collapsed';
}

/**
 * The controls that change the panel's state, most specific first (`[data-open-guide]` is the
 * compact card's open button of issue 14's layout; `button.tab` / `button.icon` the tab and the ×
 * before it). The first one on screen is clicked. If the toggles are renamed, add the selector here.
 */
const TOGGLES = {
  expanded: ['[data-open-guide]', '[data-panel-toggle]', 'button.tab'],
  collapsed: ['[data-close-guide]', '[data-panel-toggle]', 'button.icon'],
};

async function setPanelState(page: E2EPage, want: 'expanded' | 'collapsed'): Promise<void> {
  const now = panelStateOf(await page.waitForPanel((s) => s.present && panelStateOf(s) !== null));
  if (now === want) return;
  let clicked = false;
  for (const selector of TOGGLES[want]) {
    const el = await page.shadowElement(selector);
    if (!el?.box || el.box.width === 0 || el.box.height === 0) continue;
    await page.clickInShadow(selector);
    clicked = true;
    break;
  }
  expect(clicked, `a control on screen that makes the panel ${want} (tried ${TOGGLES[want].join(', ')})`).toBe(true);
  await page.waitForPanel((s) => panelStateOf(s) === want);
}

/** What every audit must have looked at: the guide's host(s), and controls inside the closed root. */
function expectGuideAudited(report: AxeReport): void {
  expect(report.hosts, 'guide hosts audited').toBeGreaterThanOrEqual(1);
  // axe reports the rules that applied: buttons inside the closed root were seen and named.
  expect(report.passes, 'rules that applied inside the closed root').toContain('button-name');
}

function expectNoViolations(report: AxeReport): void {
  console.info(summarize(report));
  expect(report.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target).join(', ')}`), describeViolations(report)).toEqual([]);
}

export function defineA11yScenarios(browserName: BrowserName): void {
  const practice = usePracticeBrowser(browserName);

  async function withPage(url: string, scheme: 'light' | 'dark', body: (page: E2EPage) => Promise<void>): Promise<void> {
    const page = await practice.browser().open(url);
    try {
      expect(page.status, `loading ${url}`).toBe(200);
      await page.emulateColorScheme(scheme);
      // Firefox's override is a pref of the parent process: it reaches the page's process a moment later.
      const dark = await eventually(
        () => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
        (matches) => matches === (scheme === 'dark'),
        `the page sees the ${scheme} scheme`,
      ).catch(() => scheme !== 'dark');
      expect(dark, `the page sees the ${scheme} scheme`).toBe(scheme === 'dark');
      await body(page);
    } finally {
      await page.close();
    }
  }

  async function auditExtensionPage(pathAndQuery: string, scheme: 'light' | 'dark', ready: string): Promise<AxeReport> {
    const ext = await practice.browser().openExtensionPage(pathAndQuery);
    try {
      await ext.emulateColorScheme(scheme);
      const dark = await eventually(
        () => ext.evaluate<boolean>(`matchMedia('(prefers-color-scheme: dark)').matches`),
        (matches) => matches === (scheme === 'dark'),
        `${pathAndQuery} sees the ${scheme} scheme`,
      ).catch(() => scheme !== 'dark');
      expect(dark, `${pathAndQuery} sees the ${scheme} scheme`).toBe(scheme === 'dark');
      await eventually(() => ext.evaluate<boolean>(`document.readyState === 'complete' && !!document.querySelector(${JSON.stringify(ready)})`), Boolean, `${pathAndQuery} rendered (${ready})`);
      await sleep(SETTLE_MS);
      return await ext.audit();
    } finally {
      await ext.close();
    }
  }

  describe(`axe-core, WCAG 2.2 AA: the panel (${browserName})`, () => {
    for (const scheme of SCHEMES) {
      test(`expanded, ${scheme}`, async () => {
        await withPage(STEP_PAGE, scheme, async (page) => {
          await page.waitForPanel((s) => s.present && s.currentStep === 'find-entry');
          await setPanelState(page, 'expanded');
          await sleep(SETTLE_MS);
          const report = await page.audit();
          expectGuideAudited(report);
          expectNoViolations(report);
        });
      });

      test(`collapsed, ${scheme}`, async () => {
        await withPage(STEP_PAGE, scheme, async (page) => {
          await setPanelState(page, 'collapsed');
          await sleep(SETTLE_MS);
          const report = await page.audit();
          expectGuideAudited(report);
          expectNoViolations(report);
        });
      });

      test(`with a field message (card number focused), ${scheme}`, async () => {
        await withPage(CARD_PAGE, scheme, async (page) => {
          await page.waitForPanel();
          await page.focus('#card-number');
          await eventually(() => page.fieldKindElements(), (l) => l.length === 1 && l[0]!.kind === 'card-number', 'one card-number message');
          await sleep(SETTLE_MS);
          const report = await page.audit();
          expectGuideAudited(report);
          expectNoViolations(report);
          // The message and the field's callout are still there after the audit (axe changed nothing).
          expect((await page.fieldKindElements()).map((e) => e.kind)).toEqual(['card-number']);
        });
      });
    }
  });

  describe(`axe-core, WCAG 2.2 AA: the extension's pages (${browserName})`, () => {
    for (const scheme of SCHEMES) {
      test(`popup about an official tab, ${scheme}`, async () => {
        const page = await practice.browser().open(STEP_PAGE);
        try {
          await page.waitForPanel();
          const tabId = await practice.browser().tabIdOf(page.url());
          const report = await auditExtensionPage(`popup.html?tabId=${tabId}`, scheme, '[data-tab-trust="official"]');
          expectNoViolations(report);
        } finally {
          await page.close();
        }
      });

      test(`popup off a carrier site, ${scheme}`, async () => {
        // Without ?tabId the popup is about the active tab: its own, an extension page (trust none).
        const report = await auditExtensionPage('popup.html', scheme, '[data-tab-trust]');
        expectNoViolations(report);
      });

      test(`checklist page, ${scheme}`, async () => {
        const report = await auditExtensionPage('checklist.html?carrier=cmhk&lang=zh-Hant', scheme, 'h1');
        expectNoViolations(report);
      });

      // The welcome and settings pages are another change's (issue 14, items 3 and 4): audited as
      // soon as the build has them, in both browsers alike (a test defined in one browser only
      // would fail `npm test`'s same-scenarios check).
      for (const [name, file] of [
        ['welcome page', 'welcome.html'],
        ['settings page', 'options.html'],
      ] as const) {
        if (!existsSync(join(buildOf(browserName), file))) continue;
        test(`${name}, ${scheme}`, async () => {
          const report = await auditExtensionPage(file, scheme, 'body *');
          expectNoViolations(report);
        });
      }
    }
  });
}
