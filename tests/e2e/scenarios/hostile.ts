// Issue 7: reliability and security against hostile pages, faults, and a privacy audit. ONE body
// per scenario, run in real Chromium (hostile.chromium.test.ts) and real Firefox
// (hostile.firefox.test.ts) through ../harness/browser.ts. The fixture pages are
// tests/fixtures/pages/hostile-*.html, served by the practice server under CMHK's real hostname.
//
// A scenario that runs in one browser only says why with oneBrowserOnly() (./one-browser.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import panelTexts from '../../../assets/i18n/panel.json';
import { startPracticeServer, type PracticeServer } from '../../../scripts/practice-server.mjs';
import { GUIDE } from '../../../utils/guide';
import { hkidCheckDigit } from '../../../utils/values/hkid';
import { eventually, launchE2E, sleep, type Box, type BrowserName, type E2EBrowser, type E2EPage, type PanelState } from '../harness/browser';
import { expandPanel } from './expand';
import { oneBrowserOnly } from './one-browser';

const CMHK = 'https://www.hk.chinamobile.com';
const fixture = (name: string, query = '') => `${CMHK}/__fixture/${name}${query}`;

// Values for the privacy audit: test values only, never real ones.
const TEST_CARD = '4111 1111 1111 1111'; // Visa's documented Luhn-valid test number
const TEST_PASSWORD = 'Qz7!hostileAudit';
const TEST_OTP = '739204';
const HKID_DIGITS = '654321';
const TEST_HKID = `K${HKID_DIGITS}(${hkidCheckDigit('K', HKID_DIGITS)})`;


/** Exactly one field message of `kind` on the whole page (null: none), in the guide's panel. */
async function oneMessage(page: E2EPage, kind: string | null, timeout = 10_000) {
  const found = await eventually(
    () => page.fieldKindElements(),
    (list) => (kind === null ? list.length === 0 : list.length === 1 && list[0]!.kind === kind),
    `expected ${kind === null ? 'no field message' : `one ${kind} message`}`,
    timeout,
  );
  if (kind !== null) expect(found[0]).toMatchObject({ kind, where: 'guide' });
  return found;
}

const present = (s: PanelState) => s.present && s.hostCount === 1 && s.hostParent === 'HTML';

/** The first checklist item's id and whether it is ticked. */
async function firstChecklistItem(page: E2EPage): Promise<{ id: string; checked: boolean }> {
  const item = await eventually(() => page.shadowElement('[data-checklist-item]'), (el) => el !== null, 'a checklist item');
  return { id: item!.attrs['data-checklist-item']!, checked: item!.checked === true };
}

/** Click a checklist item and wait until its ticked state is `want` (the background answered). */
async function setChecked(page: E2EPage, id: string, want: boolean): Promise<void> {
  await setCheckbox(page, `[data-checklist-item="${id}"]`, want);
}

/** Click a checkbox of the panel and wait until its state is `want` (the background answered). */
async function setCheckbox(page: E2EPage, selector: string, want: boolean): Promise<void> {
  await expandPanel(page);
  const now = await page.shadowElement(selector);
  if (now?.checked === want) return;
  await page.clickInShadow(selector);
  await eventually(() => page.shadowElement(selector), (el) => el?.checked === want, `${selector} ${want ? 'ticked' : 'unticked'}`);
}

/** A panel button works: toggling a checklist item goes through the background and back. */
async function panelButtonWorks(page: E2EPage): Promise<void> {
  const { id, checked } = await firstChecklistItem(page);
  await setChecked(page, id, !checked);
  await setChecked(page, id, checked);
}

export function defineHostileScenarios(browserName: BrowserName): void {
  function useBrowser(options: { reloadable?: boolean; skip?: boolean; storageQuotaKiB?: number } = {}): {
    browser: () => E2EBrowser;
    open: (url: string) => Promise<E2EPage>;
  } {
    let server: PracticeServer | undefined;
    let browser: E2EBrowser | undefined;
    beforeAll(async () => {
      if (options.skip) return;
      server = await startPracticeServer({ port: 0 });
      browser = await launchE2E(browserName, {
        port: server.port,
        spki: server.certSpki,
        reloadable: options.reloadable,
        storageQuotaKiB: options.storageQuotaKiB,
      });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    return {
      browser: () => browser!,
      open: async (url: string) => {
        const page = await browser!.open(url);
        expect(page.status, `loading ${url}`).toBe(200);
        return page;
      },
    };
  }

  async function withPage(open: (url: string) => Promise<E2EPage>, url: string, body: (page: E2EPage) => Promise<void>) {
    const page = await open(url);
    try {
      await body(page);
    } finally {
      await page.close();
    }
  }

  describe(`hostile pages (${browserName})`, () => {
    const { browser, open } = useBrowser();

    // --- 1. hostile page styles ---------------------------------------------------------------
    describe('1. hostile styles: the panel stays visible, legible, on top and usable', () => {
      test.each(['unset', 'hide', 'overlay', 'popover', 'transform', 'filter', 'clip', 'tiny', 'huge'])('%s', async (variant) => {
        await withPage(open, fixture('hostile-styles', `?v=${variant}`), async (page) => {
          expect(await page.evaluate(() => (window as unknown as { hostileVariant: string }).hostileVariant)).toBe(variant);
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          await expandPanel(page);
          const state = await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry' && s.panel?.attrs['data-expanded'] === 'true');
          expect(state.shadowType).toBe('closed');
          if (variant === 'popover') {
            // The page's own popover opens after ours, above it in the top layer; give the guide a moment to rise again.
            await eventually(() => page.evaluate(() => !!document.querySelector('#page-popover:popover-open')), (open) => open, "the page's popover");
            await sleep(1500);
          }

          // Legible: the panel has a sane size in px, inside the viewport; its title has a readable height.
          const panel = await page.shadowElement('[data-guide-panel]');
          const box = panel?.box as Box;
          expect(box, 'panel box').toBeTruthy();
          expect(box.width).toBeGreaterThanOrEqual(240);
          expect(box.width).toBeLessThanOrEqual(720);
          expect(box.height).toBeGreaterThanOrEqual(150);
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(1281);
          const title = await page.shadowElement('[id=guide-title]');
          expect(title?.box?.height ?? 0).toBeGreaterThanOrEqual(12);
          expect(title?.box?.height ?? 0).toBeLessThanOrEqual(80);

          // On top: from the page's own world, what is at the panel's centre is our host.
          const hit = await page.evaluate(
            (x: number, y: number) => {
              const el = document.elementFromPoint(x, y);
              return el ? `${el.tagName}${el.hasAttribute('data-sim-exit-guide-host') ? ' (ours)' : ` ${el.id || el.className}`}` : 'nothing';
            },
            box.x + box.width / 2,
            box.y + Math.min(box.height / 2, 60),
          );
          expect(hit).toBe('DIV (ours)');

          // Usable: a panel button works, and a card field warns.
          await panelButtonWorks(page);
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
        });
      });
    });

    // --- 2. hostile page scripts --------------------------------------------------------------
    describe('2. hostile scripts', () => {
      test('a page that removes our host gets the panel back with its state, the guard and working buttons', async () => {
        await withPage(open, fixture('hostile-scripts'), async (page) => {
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          const { id } = await firstChecklistItem(page);
          await setChecked(page, id, true);
          for (let round = 0; round < 3; round++) {
            const removed = await page.evaluate(() => (window as unknown as { hostile: { removeHost(): number } }).hostile.removeHost());
            expect(removed).toBeGreaterThanOrEqual(1);
            await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          }
          expect((await page.shadowElement(`[data-checklist-item="${id}"]`))?.checked).toBe(true);
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
          await page.blur();
          await oneMessage(page, null);
          await setChecked(page, id, false);
        });
      });

      test('a page that rewrites itself with document.open()/write() gets the panel back, state intact, listeners re-attached', async () => {
        await withPage(open, fixture('hostile-scripts'), async (page) => {
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          const { id } = await firstChecklistItem(page);
          await setChecked(page, id, true);
          await page.evaluate(() => (window as unknown as { hostile: { rewrite(): void } }).hostile.rewrite());
          // The rewritten document is a fresh one: the page's own marker is back, our host was dropped and is back.
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          expect((await page.shadowElement(`[data-checklist-item="${id}"]`))?.checked).toBe(true);
          // document.open() erased every listener (the guard's, Preact's inside our shadow root): all must work again.
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
          await page.focus('#note');
          await oneMessage(page, null);
          await page.type(TEST_CARD);
          await oneMessage(page, 'card-number');
          await page.blur();
          await oneMessage(page, null);
          await setChecked(page, id, false);
          // Twice, and with the document element swapped instead of rewritten.
          await page.evaluate(() => (window as unknown as { hostile: { rewrite(): void } }).hostile.rewrite());
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          await page.evaluate(() => (window as unknown as { hostile: { replaceDocumentElement(): void } }).hostile.replaceDocumentElement());
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          await panelButtonWorks(page);
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
        });
      });

      test("a page firing WXT's content-script-started events (document event and postMessage) cannot switch us off", async () => {
        await withPage(open, fixture('hostile-scripts'), async (page) => {
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          const id = browser().extensionId;
          await page.evaluate((extensionId: string) => {
            for (const entry of ['panel', 'guard', 'panel.content', 'guard.content']) {
              const type = `${extensionId}:${entry}:wxt:content-script-started`;
              for (const name of ['panel', 'guard', entry]) {
                const detail = { contentScriptName: name, messageId: `page-${Math.random()}` };
                document.dispatchEvent(new CustomEvent(type, { detail }));
                window.postMessage({ type, ...detail }, '*');
              }
            }
          }, id);
          await sleep(1500);
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
          await page.blur();
          await panelButtonWorks(page);
          // The frame guard too: in a frame of an official page, after the same events, a card field still warns.
          await page.goto(fixture('hostile-frames'));
          await page.waitForPanel(present);
          await page.evaluate((extensionId: string) => {
            for (const frame of Array.from(document.querySelectorAll('iframe'))) {
              try {
                const doc = frame.contentDocument;
                const detail = { contentScriptName: 'guard', messageId: 'page' };
                doc?.dispatchEvent(new (frame.contentWindow as unknown as typeof window).CustomEvent(`${extensionId}:guard:wxt:content-script-started`, { detail }));
              } catch {
                // cross-origin frame
              }
            }
          }, id);
          await sleep(1000);
          await page.focus('#frame-card', { frame: 'hostile-frame-card?same-site' });
          await oneMessage(page, 'card-number');
        });
      });

      test('a page that replaced DOM prototypes, JSON, Array.prototype, MutationObserver, history and defined custom elements does not affect us', async () => {
        await withPage(open, fixture('hostile-prototypes'), async (page) => {
          // The page really did break its own world first (it marks <html> before anything else runs).
          expect((await page.pageElement('html'))?.attrs['data-hostile-ready']).toBe('1');
          const state = await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          expect(state.shadowType).toBe('closed');
          // Our host is a plain <div>, whatever custom elements the page defined.
          expect((await page.pageElement('[data-sim-exit-guide-host]'))?.tag).toBe('div');
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
          await panelButtonWorks(page);
          // The page's own SPA navigation (with the copies it kept) is still seen: pushState + content replaced.
          await page.focus('#go');
          await page.type('go');
          await page.waitForPanel((s) => present(s) && s.currentStep === 'await-review', 15_000);
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
        });
      });
    });

    // --- 3. navigation --------------------------------------------------------------------------
    describe('3. navigation', () => {
      test('a single-page app: history.pushState, hash changes, content replaced in place, back and forward', async () => {
        await withPage(open, fixture('hostile-spa'), async (page) => {
          type Spa = { spa: { go(view: string, how: string): void } };
          const go = (view: string, how: string) =>
            page.evaluate((v: string, h: string) => (window as unknown as Spa).spa.go(v, h), view, how);
          const stepIs = (step: string | null) => page.waitForPanel((s) => present(s) && s.currentStep === step, 10_000);
          await stepIs('sign-in');
          await go('account', 'push');
          await stepIs('find-entry');
          await go('pending', 'hash');
          await stepIs('await-review');
          await go('done', 'replace');
          await stepIs('confirmed');
          await go('topup', 'replace');
          await stepIs(null);
          await page.evaluate(() => history.back());
          await stepIs('find-entry');
          await page.evaluate(() => history.forward());
          await stepIs('await-review');
          await page.evaluate(() => history.go(-2));
          await stepIs('sign-in');
          // The password field of the sign-in view that came back is guarded.
          await page.focus('#customer-password');
          await oneMessage(page, 'password');
        });
      });

      test('going back to a page (back/forward cache or reload) restores one live panel', async () => {
        await withPage(open, fixture('hostile-scripts'), async (page) => {
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          await page.evaluate(() => {
            window.addEventListener('pageshow', (e) => {
              (window as unknown as { restored: boolean }).restored = e.persisted;
            });
          });
          await page.goto(`${CMHK}/tc/pending`);
          await page.waitForPanel((s) => present(s) && s.currentStep === 'await-review');
          await page.evaluate(() => history.back());
          await eventually(async () => page.url(), (url) => url.includes('hostile-scripts'), 'back at the first page');
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry', 15_000);
          const fromCache = await page.evaluate(() => (window as unknown as { restored?: boolean }).restored === true);
          // Reported, not asserted: whether the browser used its back/forward cache is its choice.
          console.info(`[${browserName}] back navigation restored from the back/forward cache: ${fromCache}`);
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
          await page.blur();
          await panelButtonWorks(page);
          expect((await page.queryPanel()).hostCount).toBe(1);
        });
      });

      test('a page restored from the back/forward cache keeps one live panel, its state, the guard and the background', async () => {
        // /__fixture/bfcache-* is served without `no-store`, and the harnesses let the browser cache it.
        type BfWindow = { bfcacheEvents: { type: string; persisted: boolean }[]; bfcacheMarker?: string };
        const b = browser();
        // Chromium: what the background remembers of the tabs (storage.session; Firefox keeps that from content scripts).
        const knownSteps = async () =>
          b.backgroundEvaluate
            ? b.backgroundEvaluate<(string | null)[]>(
                `chrome.storage.session.get('tabs').then((r) => Object.values(r.tabs ?? {}).map((e) => e.state?.step ?? null))`,
              )
            : null;
        await withPage(open, fixture('bfcache-account'), async (page) => {
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          const { id } = await firstChecklistItem(page);
          await setChecked(page, id, true);
          if (b.backgroundEvaluate) await eventually(knownSteps, (steps) => !!steps?.includes('find-entry'), 'the background knows the tab');
          // A marker in the page's own heap: only a restored (not reloaded) document still has it.
          const marker = `m-${Date.now()}`;
          await page.evaluate((m: string) => void ((window as unknown as BfWindow).bfcacheMarker = m), marker);

          await page.goto(`${CMHK}/tc/pending`);
          await page.waitForPanel((s) => present(s) && s.currentStep === 'await-review');
          await page.evaluate(() => history.back());
          // Asked of the page itself: a restore from the cache is not a navigation every driver reports.
          await eventually(() => page.evaluate(() => location.href).catch(() => ''), (url) => url.includes('bfcache-account'), 'back at the first page');

          // Really restored from the cache: the same document (its marker survived), a pagehide that
          // kept it and a pageshow with persisted === true, recorded by the page's own script.
          const seen = await eventually(
            async () =>
              JSON.parse(
                // As text: objects do not always cross the Firefox harness intact.
                await page.evaluate(() => {
                  const w = window as unknown as BfWindow;
                  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
                  return JSON.stringify({ events: w.bfcacheEvents ?? [], marker: w.bfcacheMarker ?? null, navType: nav?.type ?? null });
                }),
              ) as { events: BfWindow['bfcacheEvents']; marker: string | null; navType: string | null },
            (v) => v.events.some((e) => e.type === 'pageshow' && e.persisted),
            'a pageshow with persisted === true',
            15_000,
          );
          console.info(`[${browserName}] bfcache restore: ${JSON.stringify(seen)}`);
          expect(seen.marker).toBe(marker);
          // The navigation entry differs: Chromium keeps the first load's ('navigate'), Firefox marks
          // the restore ('back_forward'). The surviving marker and the events above are the proof.
          expect(seen.navType).toBe(browserName === 'firefox' ? 'back_forward' : 'navigate');
          expect(seen.events).toEqual([
            { type: 'pageshow', persisted: false },
            { type: 'pagehide', persisted: true },
            { type: 'pageshow', persisted: true },
          ]);

          // One live panel on the step, the item still ticked, the guard and the buttons working.
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry', 15_000);
          expect((await page.queryPanel()).hostCount).toBe(1);
          expect((await page.shadowElement(`[data-checklist-item="${id}"]`))?.checked).toBe(true);
          // The background forgot the tab when the page's port closed on entering the cache: it is told again.
          if (b.backgroundEvaluate) await eventually(knownSteps, (steps) => !!steps?.includes('find-entry'), 'the background knows the tab again');
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
          await page.blur();
          await oneMessage(page, null);
          await panelButtonWorks(page);
          await setChecked(page, id, false);
          expect((await page.queryPanel()).hostCount).toBe(1);
        });
      });
    });

    // --- 4. scale -------------------------------------------------------------------------------
    describe('4. scale', () => {
      test('20,000 controls and a 1,500-level nesting: the panel shows and the right field warns; a mutation storm does not freeze the page', async () => {
        await withPage(open, fixture('hostile-scale'), async (page) => {
          expect(await page.evaluate(() => (window as unknown as { depth: number }).depth)).toBeGreaterThan(1500);
          expect(await page.evaluate(() => document.querySelectorAll('input').length)).toBeGreaterThanOrEqual(20_001);
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry', 30_000);
          await page.focus('#deep-card');
          await oneMessage(page, 'card-number', 20_000);
          await page.focus('#qty-4');
          await oneMessage(page, null, 20_000);
          type Storm = { storm(ms: number): Promise<unknown>; stormResult: string | null };
          // Start the storm, then poll for its result (one long evaluation can stall under load).
          const runStorm = async (p: E2EPage): Promise<{ batches: number; maxLag: number }> => {
            await p.evaluate(() => {
              void (window as unknown as Storm).storm(4000);
            });
            const text = await eventually(
              () => p.evaluate(() => (window as unknown as Storm).stormResult),
              (r) => typeof r === 'string',
              'the storm result',
              30_000,
            );
            return JSON.parse(text!) as { batches: number; maxLag: number };
          };
          const storm = await runStorm(page);
          // The same page and storm where the guide does not run (a non-carrier practice host): what
          // the page costs by itself on this machine right now.
          const bare = await open('https://practice.example/__fixture/hostile-scale');
          const baseline = await runStorm(bare).finally(() => bare.close());
          console.info(`[${browserName}] mutation storm with the guide ${JSON.stringify(storm)}, without ${JSON.stringify(baseline)}`);
          // Generous (timings belong to the benchmark), but a freeze fails: the page's own timers never
          // waited much longer than without the guide, and the storm kept going. (Before the ring was
          // measured in an animation frame, Firefox ran 3–16 batches against ~455 without the guide,
          // with 0.9–1.5 s lags.)
          expect(storm.maxLag).toBeLessThan(Math.max(1500, baseline.maxLag * 3 + 300));
          expect(storm.batches).toBeGreaterThanOrEqual(Math.min(5, baseline.batches / 10));
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry', 30_000);
          await page.focus('#deep-card');
          await oneMessage(page, 'card-number', 20_000);
        });
      }, 120_000);
    });

    // --- 5. frames ------------------------------------------------------------------------------
    describe('5. frames: a card field in a frame warns in the top panel', () => {
      test.each([
        ['same-site', 'hostile-frame-card?same-site', '#frame-card'],
        ['cross-site (another carrier host)', 'hostile-frame-card?cross-site', '#frame-card'],
        ['about:blank filled by script', 'about:blank', '#blank-card'],
        ['srcdoc', 'about:srcdoc', '#srcdoc-card'],
      ])('%s', async (_name, frame, selector) => {
        await withPage(open, fixture('hostile-frames'), async (page) => {
          await page.waitForPanel(present);
          await oneMessage(page, null);
          await page.focus(selector, { frame });
          await oneMessage(page, 'card-number');
        });
      });

      test('a frame added late', async () => {
        await withPage(open, fixture('hostile-frames'), async (page) => {
          await page.waitForPanel(present);
          await sleep(1500);
          await page.evaluate(() => (window as unknown as { addLateFrame(): void }).addLateFrame());
          // The frame needs a moment to appear and load.
          await eventually(
            () => page.focus('#frame-card', { frame: 'hostile-frame-card?late' }).then(() => true, () => false),
            (done) => done,
            'focus in the late frame',
          );
          await oneMessage(page, 'card-number');
        });
      });
    });

    // --- 7. storage faults ----------------------------------------------------------------------
    describe('7. storage faults: reset with a visible notice, the guide keeps working', () => {
      test.each([
        ['corrupt (not an object)', '"{not json"'],
        ['corrupt (wrong shape)', '{"version":1,"carriers":[1,2,3],"settings":"x"}'],
        ['unknown version', '{"version":99,"carriers":{},"settings":{}}'],
        ['oversized', `{"version":1,"carriers":{},"settings":{},"junk":"${'x'.repeat(80_000)}"}`],
      ])('%s', async (_name, progress) => {
        await withPage(open, `${CMHK}/tc/account`, async (page) => {
          await page.waitForPanel(present);
          await page.setExtensionStorage(`{"progress":${progress}}`);
          await page.reload();
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          const notice = await eventually(() => page.shadowElement('.notice[role=status]'), (el) => el !== null, 'a storage notice');
          expect(notice!.text.length).toBeGreaterThan(10);
          expect(notice!.box?.height ?? 0).toBeGreaterThan(0);
          await panelButtonWorks(page);
          // The bad value is gone from storage: what is there now is a valid current progress.
          const stored = JSON.parse(await page.extensionStorage()) as { local: { progress?: { version?: number } } };
          expect(stored.local.progress?.version).toBe(2);
          expect(JSON.stringify(stored.local.progress)).not.toContain('xxxxxxxx');
        });
      });
    });

    // --- 8. privacy audit -----------------------------------------------------------------------
    describe('8. privacy audit', () => {
      test('typed card number, password, one-time code and HKID are nowhere: storage, messages, console, panel text, network', async () => {
        const b = browser();
        // Chromium: record every message the background sends to tabs and every message it receives.
        if (b.backgroundEvaluate) {
          await b.backgroundEvaluate(`(() => {
            const g = globalThis;
            g.__audit = [];
            const send = chrome.tabs.sendMessage;
            chrome.tabs.sendMessage = function (...args) { g.__audit.push(JSON.stringify(args)); return send.apply(this, args); };
            chrome.runtime.onMessage.addListener((message, sender) => { g.__audit.push(JSON.stringify({ message, url: sender.url })); });
            chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener((m) => g.__audit.push(JSON.stringify(m))));
            return 'recording';
          })()`);
        }
        const page = await open(`${CMHK}/tc/account`);
        try {
          const console = await page.recordConsole();
          const network = page.recordNetwork ? await page.recordNetwork() : null;
          await page.goto(fixture('hostile-privacy'));
          await page.waitForPanel(present);

          // The free-text box: only the value check can tell, and its warning comes first.
          await page.focus('#note');
          await sleep(300);
          expect(await page.countFieldKind()).toBe(0);
          await page.type(TEST_CARD);
          await oneMessage(page, 'card-number');
          await page.focus('#card-number');
          await oneMessage(page, 'card-number');
          await page.type(TEST_CARD);
          await page.focus('#new-password');
          await oneMessage(page, 'password');
          await page.type(TEST_PASSWORD);
          await page.focus('#sms-code');
          await oneMessage(page, 'otp');
          await page.type(TEST_OTP);
          await page.focus('#hkid');
          await oneMessage(page, 'id-number');
          await page.type(TEST_HKID);
          await sleep(800);
          // The HKID typed into the free-text box is recognised by its shape too.
          await page.focus('#note');
          await page.evaluate(() => {
            (document.getElementById('note') as HTMLTextAreaElement).value = '';
          });
          await page.type(` ${TEST_HKID}`);
          await sleep(800);
          await page.blur();
          await oneMessage(page, null);
          await sleep(1000);

          const digits = TEST_CARD.replace(/\D/g, '');
          const secrets = [digits, TEST_CARD, digits.slice(-8), '1111 1111', TEST_PASSWORD, TEST_PASSWORD.slice(-6), TEST_OTP, TEST_OTP.slice(-4), TEST_HKID, `K${HKID_DIGITS}`, HKID_DIGITS];
          const leaks = (where: string, text: string) => {
            const compact = text.replace(/[\s-]/g, '');
            return secrets.filter((s) => text.includes(s) || compact.includes(s.replace(/[\s-]/g, ''))).map((s) => `${where}: ${s}`);
          };
          const found: string[] = [];
          found.push(...leaks('extension storage', await page.extensionStorage()));
          found.push(...leaks('panel text', await page.panelText()));
          found.push(...leaks('console', console().join('\n')));
          if (b.backgroundEvaluate) {
            const messages = await b.backgroundEvaluate<string[]>('globalThis.__audit');
            expect(messages.length, 'the recorder saw the field messages go by').toBeGreaterThan(0);
            found.push(...leaks('messages', messages.join('\n')));
            const idb = await b.backgroundEvaluate<string[]>('indexedDB.databases().then((l) => l.map((d) => d.name))');
            expect(idb, 'the extension keeps no IndexedDB').toEqual([]);
          }
          expect(found).toEqual([]);

          if (network) {
            const requests = network();
            const foreign = requests.filter((url) => {
              if (url.startsWith('service-worker:')) return true; // the extension makes no request at all
              if (/^(data|blob|about|chrome-extension):/.test(url)) return false;
              return new URL(url).hostname !== 'www.hk.chinamobile.com';
            });
            expect(requests.length, 'the recorder saw the page load').toBeGreaterThan(0);
            expect(foreign).toEqual([]);
            expect(requests.filter((url) => url.includes('1111') || url.includes(TEST_OTP))).toEqual([]);
          }
        } finally {
          await page.close();
        }
      });
    });
  });

  // --- 7. storage unavailable: a real fault, in a browser of its own (the fault fills the extension's storage)
  describe(`storage unavailable (${browserName})`, () => {
    // Firefox: a 4 MiB storage quota for the whole browser, so filling it takes seconds, not a
    // share of the disk. Chromium's storage.local has its own 10 MB quota.
    const { open } = useBrowser({ storageQuotaKiB: 4096 });
    const unavailableTexts = Object.values(panelTexts['noticeStorage-unavailable']);
    type Stored = { version?: number; carriers?: Record<string, { cards?: Record<string, { checklist?: string[]; stepsDone?: string[] }> }> } | null;
    const [first, second] = GUIDE.checklist.map((item) => item.id) as [string, string];
    // A step the page has not reached yet (await-review on /tc/account): its box shows the user's
    // mark alone. An earlier one is done anyway once find-entry is reached (issue 13's step states).
    const STEP_DONE = '[data-step-done="await-review"]';

    /** What a scenario needs around the fault: storage as the background left it, and the panel's notice. */
    function faultTools(page: E2EPage) {
      const stored = async () => JSON.parse(await page.extensionStorageItem('progress')) as Stored;
      const cards = (p: Stored) => Object.values(p?.carriers?.cmhk?.cards ?? {});
      const has = (p: Stored, list: 'checklist' | 'stepsDone', id: string) => cards(p).some((card) => card[list]?.includes(id));
      const noticeText = async () => (await page.shadowElement('.notice[role=status]'))?.text ?? null;
      const isUnavailable = (text: string | null) => text !== null && unavailableTexts.some((t) => text.includes(t));
      return { stored, has, noticeText, isUnavailable };
    }

    /** The first checklist item ticked and saved, the second not; then storage is filled for real. */
    async function savedThenFull(page: E2EPage, tools: ReturnType<typeof faultTools>) {
      await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
      await setChecked(page, second, false);
      await setCheckbox(page, STEP_DONE, false);
      await setChecked(page, first, true);
      await eventually(
        tools.stored,
        (p) => tools.has(p, 'checklist', first) && !tools.has(p, 'checklist', second) && !tools.has(p, 'stepsDone', 'await-review'),
        'the first item saved',
      );
      expect(await tools.noticeText()).toBeNull();
      // The fault: the browser itself refuses to store anything more.
      const fault = await page.exhaustExtensionStorage();
      console.info(`[${browserName}] storage exhausted: ${JSON.stringify(fault)}`);
      expect(fault.error).toMatch(/quota/i);
      expect(fault.items).toBeGreaterThan(0);
      return fault;
    }

    /**
     * Changes made while storage is full show in the panel, with the storage-unavailable notice.
     * Chromium refuses every write once its quota is reached. Firefox enforces its quota when
     * IndexedDB's files grow, so now and then it still takes a small write (rewriting the same
     * progress item eight times in a row from a content script went FAIL OK OK OK OK OK FAIL FAIL,
     * ESR 153): a change storage took must really be saved, and then it is made again until
     * storage refuses one. The filler runs in the background page, the writer (see
     * exhaustExtensionStorage).
     */
    async function changeWhileFull(page: E2EPage, tools: ReturnType<typeof faultTools>) {
      const state = async () => ({ notice: await tools.noticeText(), stored: await tools.stored() });
      for (let attempt = 1; ; attempt++) {
        await setChecked(page, second, true);
        const ticked = await eventually(
          state,
          ({ notice, stored }) => tools.isUnavailable(notice) || tools.has(stored, 'checklist', second),
          'the storage-unavailable notice, or the change saved',
        );
        if (tools.isUnavailable(ticked.notice)) break;
        // Storage took it (Firefox only): saved, so nothing lost. Undo it and make the change again.
        expect(browserName, 'Chromium refuses every write while its storage is full').toBe('firefox');
        expect(attempt, 'storage took every change: it is not full').toBeLessThan(10);
        await setChecked(page, second, false);
        await eventually(
          state,
          ({ notice, stored }) => tools.isUnavailable(notice) || !tools.has(stored, 'checklist', second),
          'the storage-unavailable notice, or the undo saved',
        );
      }
      expect(tools.isUnavailable(await tools.noticeText())).toBe(true);
      expect((await page.shadowElement('.notice[role=status]'))?.box?.height ?? 0).toBeGreaterThan(0);
      await setCheckbox(page, STEP_DONE, true);
    }

    test('storage full (a real quota error): a notice, and the guide keeps working across a reload without losing a change unseen', async () => {
      await withPage(open, `${CMHK}/tc/account`, async (page) => {
        const tools = faultTools(page);
        const consoleLines = await page.recordConsole();
        await savedThenFull(page, tools);
        try {
          await changeWhileFull(page, tools);
          // A reload in the same browser session: the background's memory has every change.
          await page.reload();
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          for (const id of [first, second]) expect((await page.shadowElement(`[data-checklist-item="${id}"]`))?.checked).toBe(true);
          expect((await page.shadowElement(STEP_DONE))?.checked).toBe(true);
          // Never a change lost unseen: either storage has it all, or the panel says it could not save.
          // (Chromium refuses every write while full; Firefox's IndexedDB now and then takes a small one.)
          const after = await eventually(
            async () => ({ notice: await tools.noticeText(), stored: await tools.stored() }),
            ({ notice, stored }) => tools.isUnavailable(notice) || (tools.has(stored, 'checklist', second) && tools.has(stored, 'stepsDone', 'await-review')),
            'the notice, or everything saved',
          );
          console.info(`[${browserName}] after the reload with storage full: ${tools.isUnavailable(after.notice) ? 'the notice shows' : 'storage took the changes'}`);
          // Still working: untick the second item and tick it again.
          await setChecked(page, second, false);
          await setChecked(page, second, true);
          // No errors, in the page or (Chromium) our content scripts, at any point.
          expect(consoleLines().filter((l) => /^(exception|error)/.test(l))).toEqual([]);
        } finally {
          await page.releaseExtensionStorage().catch(() => 0);
        }
      });
    }, 120_000);

    test.skipIf(browserName !== 'chromium')(
      'once storage works again, what the guide kept in memory is saved: nothing lost, nothing corrupted',
      {
        ...oneBrowserOnly(
          'chromium',
          "Firefox's storage.local is IndexedDB, whose quota is enforced when its files grow: with the add-on's storage filled to the quota, writes still failed for 60 s after the filler was removed (Firefox ESR 153), so storage never works again within a test",
        ),
        timeout: 120_000,
      },
      async () => {
        await withPage(open, `${CMHK}/tc/account`, async (page) => {
          const tools = faultTools(page);
          const consoleLines = await page.recordConsole();
          const fault = await savedThenFull(page, tools);
          let released = 0;
          try {
            await changeWhileFull(page, tools);
            // Really not saved: storage still holds the progress from before the fault.
            const during = await tools.stored();
            expect(tools.has(during, 'checklist', first)).toBe(true);
            expect(tools.has(during, 'checklist', second)).toBe(false);
            expect(tools.has(during, 'stepsDone', 'await-review')).toBe(false);
            // A reload while storage is still full: the changes from memory, and the notice again.
            await page.reload();
            await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
            await eventually(tools.noticeText, tools.isUnavailable, 'the notice after a reload');
            expect((await page.shadowElement(`[data-checklist-item="${second}"]`))?.checked).toBe(true);
            expect((await page.shadowElement(STEP_DONE))?.checked).toBe(true);
          } finally {
            released = await page.releaseExtensionStorage();
          }
          expect(released).toBe(fault.items);
          // Storage works again: the next visit writes memory back. Nothing lost, nothing corrupted.
          await page.reload();
          await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
          const saved = await eventually(
            tools.stored,
            (p) => tools.has(p, 'checklist', first) && tools.has(p, 'checklist', second) && tools.has(p, 'stepsDone', 'await-review'),
            'everything saved once storage works again',
          );
          expect(saved?.version).toBe(2);
          expect(await tools.noticeText()).toBeNull();
          for (const id of [first, second]) expect((await page.shadowElement(`[data-checklist-item="${id}"]`))?.checked).toBe(true);
          expect((await page.shadowElement(STEP_DONE))?.checked).toBe(true);
          // And storage keeps up with the next change.
          await setChecked(page, second, false);
          await eventually(tools.stored, (p) => !tools.has(p, 'checklist', second) && tools.has(p, 'checklist', first), 'the next change saved');
          expect(consoleLines().filter((l) => /^(exception|error)/.test(l))).toEqual([]);
        });
      },
    );
    test.skipIf(browserName !== 'chromium')(
      'a change made while storage is full outlives the background being stopped (Chrome stops idle service workers)',
      {
        ...oneBrowserOnly('chromium', "Firefox's MV2 background page is persistent: the browser never stops it while it runs"),
        timeout: 120_000,
      },
      async () => {
        await withPage(open, `${CMHK}/tc/account`, async (page) => {
          const tools = faultTools(page);
          await savedThenFull(page, tools);
          try {
            await changeWhileFull(page, tools);
            // The worker goes, and its memory with it; the page's next message starts a new one.
            await page.stopBackground();
            await page.reload();
            await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
            for (const id of [first, second]) expect((await page.shadowElement(`[data-checklist-item="${id}"]`))?.checked).toBe(true);
            expect((await page.shadowElement(STEP_DONE))?.checked).toBe(true);
            await eventually(tools.noticeText, tools.isUnavailable, 'the storage notice from the new worker');
            // Storage itself still has only what it had before the fault.
            const stored = await tools.stored();
            expect(tools.has(stored, 'checklist', second)).toBe(false);
          } finally {
            await page.releaseExtensionStorage().catch(() => 0);
          }
        });
      },
    );
  });

  // --- 6. extension reload while a page is open (a browser of its own: the reload replaces the worker)
  describe(
    `extension reload with a page open (${browserName})`,
    oneBrowserOnly(
      'chromium',
      "Firefox's harness reaches content scripts only, where runtime.reload() does not exist; Firefox also re-injects content scripts into open tabs itself",
    ),
    () => {
      const { browser, open } = useBrowser({ reloadable: true, skip: browserName !== 'chromium' });
      test.skipIf(browserName !== 'chromium')(
        'the stale panel goes without errors in the page, and the tab gets a live panel again',
        async () => {
          await withPage(open, fixture('hostile-scripts'), async (page) => {
            await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry');
            const console = await page.recordConsole();
            const pageErrors = await page.evaluate(() => {
              const w = window as unknown as { pageErrors: string[] };
              w.pageErrors = [];
              window.addEventListener('error', (e) => w.pageErrors.push(String(e.message)));
              window.addEventListener('unhandledrejection', (e) => w.pageErrors.push(String(e.reason)));
              return w.pageErrors.length;
            });
            expect(pageErrors).toBe(0);
            await browser().backgroundEvaluate!('(setTimeout(() => chrome.runtime.reload(), 100), "reloading")');
            // The old copy must go (its port closes) and the background's injection must bring a new one.
            await sleep(1500);
            await page.waitForPanel((s) => present(s) && s.currentStep === 'find-entry', 20_000);
            // Live: a card field warns, a button goes through the new background and back.
            await page.focus('#card-number');
            await oneMessage(page, 'card-number');
            await page.blur();
            await panelButtonWorks(page);
            expect((await page.queryPanel()).hostCount).toBe(1);
            expect(await page.evaluate(() => (window as unknown as { pageErrors: string[] }).pageErrors)).toEqual([]);
            const lines = console().filter((l) => /^(exception|error)/.test(l) || /context invalidated|Receiving end does not exist/i.test(l));
            expect(lines).toEqual([]);
          });
        },
        60_000,
      );
    },
  );
}
