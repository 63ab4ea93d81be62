// Screenshots of the extension's own pages (issue 14): welcome, settings and popup, at 1280×800
// and at 390×844 with touch (pointer: coarse), in a fresh Chromium profile. Saved under
// docs/screenshots/. Needs `npx wxt build` first.
//   node scripts/pages-screenshots.mjs [--lang=zh-Hant]
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXT = join(ROOT, '.output', 'chrome-mv3');
const OUT = join(ROOT, 'docs', 'screenshots');
const lang = process.argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? null;
const browserPath = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
if (!existsSync(join(EXT, 'manifest.json'))) throw new Error('Build first: npx wxt build');

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];
const PAGES = ['welcome', 'options', 'popup'];

mkdirSync(OUT, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'sxg-pages-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: browserPath,
  headless: true,
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  if (lang) {
    // The language as a user chooses it on the welcome page (the background writes it).
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/welcome.html`);
    await page.selectOption('#language-choice', lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.close();
  }
  for (const size of SIZES) {
    for (const name of PAGES) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { ...size.viewport, deviceScaleFactor: 1, mobile: size.isMobile });
      if (size.hasTouch) await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await page.setViewportSize(size.viewport);
      await page.goto(`chrome-extension://${id}/${name}.html`);
      await page.waitForTimeout(600);
      const file = join(OUT, `page-${name}-${size.name}${lang ? `-${lang}` : ''}.png`);
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
