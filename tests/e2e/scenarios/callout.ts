// The field callout, end to end (issues 14 and 16), in Chromium and Firefox
// (tests/e2e/callout.chromium.test.ts, tests/e2e/callout.firefox.test.ts): at 1280x800 and at
// 390x844, on a form in four layouts (tests/fixtures/pages/callout-forms.html), the callout is shown
// and, measured from the page as a person sees it (document.elementFromPoint at the centres), covers
// neither the field nor the form's next control; its headline is not the panel's message said
// again; it carries the user's mark when one is set; acknowledging it keeps the message and the focus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchE2E, sleep, type BrowserName, type E2EBrowser, type E2EPage, type ElementInfo } from '../harness/browser';
import { startPracticeServer } from '../../../scripts/practice-server.mjs';

const ORIGIN = 'https://www.hk.chinamobile.com';
const PAGE = `${ORIGIN}/__fixture/callout-forms.html`;

const SIZES = [
  { label: '1280x800', width: 1280, height: 800, touch: false },
  { label: '390x844', width: 390, height: 844, touch: true },
] as const;

/** Layout, the focused field, its kind, and the form's next control (the page's definition, kept by hand). */
const CASES = [
  ['stacked', '#card-number', 'card-number', '#card-expiry'],
  ['stacked', '#card-cvc', 'card-cvc', '#pay'],
  ['right', '#card-number', 'card-number', '#card-expiry'],
  ['bottom', '#card-number', 'card-number', '#card-expiry'],
  ['row', '#card-number', 'card-number', '#scan'],
] as const;

interface Spot {
  onScreen: boolean;
  /** What elementFromPoint found at the centre is the control itself (or inside it). */
  own: boolean;
  /** …or our host (the panel's or a frame callout's). */
  ours: boolean;
  found: string | null;
  rect: { x: number; y: number; width: number; height: number };
}

/** In the page's own world: what a person would hit at the centres of the field and the next control. */
async function spots(page: E2EPage, field: string, next: string): Promise<{ field: Spot; next: Spot }> {
  const text = await page.evaluate(
    (sels: string[]) => {
      const out: Record<string, unknown> = {};
      for (const [name, sel] of [['field', sels[0]!], ['next', sels[1]!]] as const) {
        const el = document.querySelector(sel)!;
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const onScreen = x >= 0 && y >= 0 && x < document.documentElement.clientWidth && y < document.documentElement.clientHeight;
        const hit = onScreen ? document.elementFromPoint(x, y) : null;
        out[name] = {
          onScreen,
          own: !!hit && (hit === el || el.contains(hit)),
          ours: !!hit?.closest('[data-sim-exit-guide-host]'),
          found: hit ? `${hit.tagName.toLowerCase()}#${hit.id}` : null,
          rect: { x: r.left, y: r.top, width: r.width, height: r.height },
        };
      }
      // As text: Firefox's page-world results lose plain objects on some pages.
      return JSON.stringify(out);
    },
    [field, next],
  );
  return JSON.parse(text) as { field: Spot; next: Spot };
}

const intersects = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The callout once it is drawn and placed (visible), as the harness reads it in our shadow root. */
async function shownCallout(page: E2EPage, kind: string): Promise<ElementInfo> {
  return eventually(
    () => page.shadowElement('[data-callout-kind]'),
    (c) => !!c && c.attrs['data-callout-kind'] === kind && !!c.box && /visibility: visible/.test(c.attrs.style ?? ''),
    `a visible ${kind} callout`,
  ) as Promise<ElementInfo>;
}

/** The one field message, in the panel (the contract's element). */
async function fieldMessage(page: E2EPage, kind: string): Promise<ElementInfo> {
  await eventually(() => page.fieldKindElements(), (m) => m.length === 1 && m[0]!.kind === kind, `one ${kind} field message`);
  return (await page.shadowElement('[data-field-kind]'))!;
}

export function defineCalloutScenarios(name: BrowserName) {
  describe(`field callout (${name})`, () => {
    let server: Awaited<ReturnType<typeof startPracticeServer>>;
    let browser: E2EBrowser;

    beforeAll(async () => {
      server = await startPracticeServer({});
      browser = await launchE2E(name, { port: server.port, spki: server.certSpki });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const size of SIZES) {
      it.each(CASES)(`${size.label}, %s form: the %s callout covers neither the field nor the next control (%s → %s)`, async (layout, field, kind, next) => {
        const page = await browser.open(`${PAGE}?layout=${layout}`);
        try {
          await page.setViewport(size);
          await page.waitForPanel((s) => s.present);
          await page.focus(field);
          await fieldMessage(page, kind);
          const callout = await shownCallout(page, kind);
          await sleep(250); // past the callout's fade-in and a frame of re-placement
          const box = (await page.shadowElement('[data-callout-kind]'))!.box!;
          const seen = await spots(page, field, next);
          // Inside the viewport.
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(size.width);
          expect(box.y + box.height).toBeLessThanOrEqual(size.height);
          // Neither the field nor the next control under the callout at all…
          expect(intersects(box, seen.field.rect)).toBe(false);
          expect(intersects(box, seen.next.rect)).toBe(false);
          // …and, as a person sees the page, both found at their centres (nothing of ours there:
          // not the callout, not the panel either).
          expect({ field: seen.field }).toMatchObject({ field: { onScreen: true, own: true, ours: false } });
          if (seen.next.onScreen) expect({ next: seen.next }).toMatchObject({ next: { own: true, ours: false } });
          // The callout is a pointer, not a second alert: no role; the panel's message is the one live region.
          expect(callout.attrs.role).toBeUndefined();
          expect(callout.attrs['data-field-kind']).toBeUndefined();
          // Its button is a real target: 24 px at least, 44 px on a touch screen (Chromium emulates touch).
          const ack = (await page.shadowElement('[data-callout-ack]'))!;
          const least = size.touch && name === 'chromium' ? 44 : 24;
          expect(ack.box!.width).toBeGreaterThanOrEqual(least);
          expect(ack.box!.height).toBeGreaterThanOrEqual(least);
          expect(await page.evaluate(() => document.activeElement?.id ?? null)).toBe(field.slice(1));
        } finally {
          await page.close();
        }
      });

      it(`${size.label}: the warning is on the page once (a headline beside the field, the full text in the panel)`, async () => {
        const page = await browser.open(`${PAGE}?layout=stacked`);
        try {
          await page.setViewport(size);
          await page.waitForPanel((s) => s.present);
          await page.focus('#card-number');
          const message = await fieldMessage(page, 'card-number');
          const callout = await shownCallout(page, 'card-number');
          const ack = (await page.shadowElement('[data-callout-ack]'))!.text;
          const headline = callout.text.replace(ack, '').trim();
          expect(headline.length).toBeGreaterThan(3);
          expect(message.text).not.toContain(headline);
          // No sentence of the panel's message is said again in the callout.
          for (const sentence of message.text.split(/[。．.!！?？]/u).map((s) => s.trim()).filter((s) => s.length > 6)) {
            expect(callout.text).not.toContain(sentence);
          }
          expect(message.attrs.role).toBe('alert');
          expect(callout.attrs.role).toBeUndefined();
        } finally {
          await page.close();
        }
      });
    }

    it('acknowledging hides the callout, keeps the message and the focus', async () => {
      const page = await browser.open(`${PAGE}?layout=stacked`);
      try {
        await page.waitForPanel((s) => s.present);
        await page.focus('#card-number');
        await fieldMessage(page, 'card-number');
        await shownCallout(page, 'card-number');
        await page.clickInShadow('[data-callout-ack]');
        await eventually(() => page.shadowElement('[data-callout-kind]'), (c) => c === null, 'the callout gone');
        await sleep(300);
        await fieldMessage(page, 'card-number');
        expect(await page.evaluate(() => document.activeElement?.id ?? null)).toBe('card-number');
      } finally {
        await page.close();
      }
    });

    it("shows the user's personal mark on the callout when one is set, and none otherwise", async () => {
      const page = await browser.open(`${PAGE}?layout=stacked`);
      try {
        await page.waitForPanel((s) => s.present);
        await page.focus('#card-number');
        await shownCallout(page, 'card-number');
        expect(await page.shadowElement('[data-callout-mark]')).toBeNull();
        await page.setExtensionStorage(JSON.stringify({ mark: { word: '青蓮', color: '#8250df' } }));
        // The panel asks for the mark once per page view and hands it to the guard's callout.
        await page.reload();
        await page.waitForPanel((s) => s.present);
        await page.focus('#card-number');
        const callout = await shownCallout(page, 'card-number');
        const mark = await eventually(() => page.shadowElement('[data-callout-mark]'), Boolean, 'the mark on the callout');
        expect(mark!.text).toBe('青蓮');
        expect(mark!.attrs.style).toMatch(/background: (rgb\(130, 80, 223\)|#8250df)/);
        expect(callout.text.startsWith('青蓮')).toBe(true);
        // The page cannot see it: nothing in its own DOM carries the word.
        expect(await page.evaluate(() => document.documentElement.outerHTML.includes('青蓮'))).toBe(false);
      } finally {
        await page.setExtensionStorage(JSON.stringify({ mark: null })).catch(() => undefined);
        await page.close();
      }
    });
  });
}
