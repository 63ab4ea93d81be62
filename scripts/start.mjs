#!/usr/bin/env node
// `npm start`: build the extension, start the practice carrier site, and open the user's own
// Chrome, Chromium or Edge on it with the extension loaded, in a fresh temporary profile that
// trusts only the practice site's certificate (never a blanket certificate bypass).
//
// The extension is loaded with the DevTools protocol's `Extensions.loadUnpacked`, which works in
// branded Google Chrome too (Chrome 137+ ignores `--load-extension`). Without a display (Linux
// without DISPLAY/WAYLAND_DISPLAY, CI, or `--headless`) it runs headless instead: it walks the
// practice flow, saves a screenshot of the panel at every step under screenshots/ (at 1280×800 and
// again at phone size, 390×844 with touch emulation), prints their paths, and exits (non-zero if the
// panel never appeared).
//
//   npm start                 build, open a window, keep running until the window is closed
//   npm start -- --headless   walk the flow headless and save screenshots
//   npm start -- --no-build   reuse the existing .output/chrome-mv3
// Environment: CHROME_PATH picks the browser.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { practiceBrowserArgs, startPracticeServer } from './practice-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const SCREENSHOTS = join(ROOT, 'screenshots');
const START_URL = 'https://www.hk.chinamobile.com/tc/';

const argv = process.argv.slice(2);
const wantsHelp = argv.includes('--help') || argv.includes('-h');
const noBuild = argv.includes('--no-build');
// `--languages`: the README's pictures (issue 13): the panel in English, 简体中文 and 繁體中文 at the
// first visit, mid-flow and confirmed, each language in a fresh profile, saved under docs/screenshots/.
const allLanguages = argv.includes('--languages');
const hasDisplay = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const isCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const headless = argv.includes('--headless') || isCI || !hasDisplay;

const log = (message) => console.log(message);
function fail(message) {
  console.error(`\nnpm start: ${message}`);
  process.exitCode = 1;
}

if (wantsHelp) {
  log('Usage: npm start [-- --headless] [-- --no-build] [-- --languages]   (CHROME_PATH=/path/to/chrome to choose the browser)');
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// 1. Build

function build() {
  const wxt = join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  if (!existsSync(wxt)) throw new Error('WXT is not installed. Run `npm ci` (or `npm install`) first.');
  log('Building the extension (wxt build)…');
  const result = spawnSync(process.execPath, [wxt, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('`wxt build` failed (see above).');
}

// ---------------------------------------------------------------------------------------------
// 2. Find the browser: $CHROME_PATH, then the usual install places, then the PATH.

function browserCandidates() {
  const list = [];
  if (process.platform === 'darwin') {
    for (const base of ['/Applications', join(homedir(), 'Applications')]) {
      list.push(
        join(base, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
        join(base, 'Chromium.app/Contents/MacOS/Chromium'),
        join(base, 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'),
        join(base, 'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary'),
      );
    }
  } else if (process.platform === 'win32') {
    const bases = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(Boolean);
    for (const base of bases) {
      list.push(
        join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(base, 'Chromium', 'Application', 'chrome.exe'),
        join(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      );
    }
  } else {
    list.push(
      '/opt/google/chrome/chrome',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/google-chrome',
      '/usr/lib/chromium/chromium', // Debian's binary, without its wrapper script
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/lib64/chromium-browser/chromium-browser',
      '/snap/bin/chromium',
      '/opt/microsoft/msedge/msedge',
      '/usr/bin/microsoft-edge-stable',
      '/usr/bin/microsoft-edge',
    );
  }
  return list;
}

function onPath(names) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const name of names) for (const dir of dirs) for (const ext of exts) {
    const file = join(dir, name + ext);
    if (existsSync(file)) return file;
  }
  return null;
}

function findBrowser() {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH)) throw new Error(`CHROME_PATH points to ${process.env.CHROME_PATH}, which does not exist.`);
    return process.env.CHROME_PATH;
  }
  const found =
    browserCandidates().find((file) => existsSync(file)) ??
    onPath(['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser', 'chrome', 'msedge', 'microsoft-edge']);
  if (!found) {
    throw new Error(
      'No Chrome, Chromium or Edge found. Install one, or set CHROME_PATH to its executable, e.g.\n' +
        '  CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm start',
    );
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// 3. Launch and load the extension

async function launch(executablePath, port, spki) {
  // A snap-packaged browser cannot see the system temp folder: keep its profile in the project.
  const profileBase = executablePath.startsWith('/snap/') ? join(ROOT, '.output') : tmpdir();
  mkdirSync(profileBase, { recursive: true });
  const profile = mkdtempSync(join(profileBase, 'sim-exit-guide-profile-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const options = {
    executablePath,
    headless,
    // The browser's own sandbox stays on, except as root on Linux where Chrome refuses to start with it.
    chromiumSandbox: !isRoot,
    viewport: headless ? { width: 1280, height: 800 } : null,
    // Playwright passes --disable-extensions by default; the extension must be allowed to load.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--enable-unsafe-extension-debugging', // lets Extensions.loadUnpacked work over the pipe
      '--no-first-run',
      '--no-default-browser-check',
      ...practiceBrowserArgs({ port, spki }),
      ...(headless ? ['--disable-gpu'] : ['--window-size=1360,900']),
    ],
  };
  let context = await chromium.launchPersistentContext(profile, options);
  let extensionId;
  try {
    const session = await context.browser().newBrowserCDPSession();
    ({ id: extensionId } = await session.send('Extensions.loadUnpacked', { path: EXTENSION }));
    await session.detach().catch(() => {});
  } catch (error) {
    // Browsers older than the Extensions domain still honour --load-extension (branded Chrome 137+ does not).
    log(`Extensions.loadUnpacked is not available here (${error.message.split('\n')[0]}); trying --load-extension instead.`);
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    mkdirSync(profile, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      ...options,
      args: [...options.args, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => null));
    if (!worker) throw new Error('This browser loaded neither route for the extension. Use Chrome or Chromium 126 or later.');
    extensionId = new URL(worker.url()).host;
  }
  return { context, extensionId, profile };
}

// ---------------------------------------------------------------------------------------------
// 4. Reading the panel (closed shadow root) over CDP: just enough to know it is there and its step.

function attr(node, name) {
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return null;
}

function findAll(node, test, out = []) {
  if (node.nodeType === 1 && test(node)) out.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) findAll(child, test, out);
  return out;
}

async function readPanel(session) {
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  const hosts = findAll(root, (n) => attr(n, 'data-sim-exit-guide-host') !== null);
  for (const host of hosts) {
    for (const shadow of host.shadowRoots ?? []) {
      const panel = findAll(shadow, (n) => attr(n, 'data-guide-panel') !== null)[0];
      if (!panel) continue;
      const current = findAll(shadow, (n) => attr(n, 'data-step-id') !== null && attr(n, 'aria-current') === 'step')[0];
      return { present: true, step: current ? attr(current, 'data-step-id') : null };
    }
  }
  return { present: false, step: null };
}

/** Click an element of the panel (closed shadow root) by its attribute, over CDP: a DOM click, as a user's. */
async function clickInPanel(session, name, value) {
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  const node = findAll(root, (n) => attr(n, name) === value)[0];
  if (!node) throw new Error(`no [${name}="${value}"] in the panel`);
  const { object } = await session.send('DOM.resolveNode', { backendNodeId: node.backendNodeId });
  await session.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); }' });
}

/** The pictures for the README: per language, the panel at the first visit, mid-flow and confirmed. */
const LANGUAGE_SHOTS = { 0: 'first-visit', 3: 'mid-flow', 5: 'confirmed' };
const PHONE = { width: 390, height: 844 };

/** A phone: 390×844 CSS px, a mobile viewport and touch emulation (over CDP), or back to the desktop. */
async function setPhone(page, session, phone) {
  if (!phone) {
    await session.send('Emulation.clearDeviceMetricsOverride');
    await session.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await page.setViewportSize({ width: 1280, height: 800 });
    return;
  }
  await page.setViewportSize(PHONE);
  await session.send('Emulation.setDeviceMetricsOverride', { ...PHONE, deviceScaleFactor: 2, mobile: true });
  await session.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
}

/** The panel's state (data-panel-state), over CDP. */
async function panelState(session) {
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  const panel = findAll(root, (n) => attr(n, 'data-guide-panel') !== null)[0];
  return panel ? attr(panel, 'data-panel-state') : null;
}

/** Open the full guide with the card's button, take the picture, and fold it again (Escape). */
async function expandedShot(page, session, file) {
  await clickInPanel(session, 'data-open-guide', '');
  for (let i = 0; i < 20 && (await panelState(session)) !== 'expanded'; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 400));
  await page.screenshot({ path: file });
  await page.keyboard.press('Escape');
  for (let i = 0; i < 20 && (await panelState(session)) !== 'collapsed'; i++) await new Promise((r) => setTimeout(r, 100));
}

async function languageShots(executablePath, server) {
  const dir = join(ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const saved = [];
  // Every language the guide speaks (assets/i18n/languages.json names each, like utils/language.ts).
  const languages = Object.keys(JSON.parse(readFileSync(join(ROOT, 'assets', 'i18n', 'languages.json'), 'utf8')));
  for (const lang of languages) {
    const launched = await launch(executablePath, server.port, server.certSpki);
    try {
      const page = launched.context.pages()[0] ?? (await launched.context.newPage());
      const session = await launched.context.newCDPSession(page);
      for (const [index, stage] of FLOW.entries()) {
        await stage.go(page);
        if (index === 0) {
          await page.click('[data-cookie-notice] button').catch(() => {});
          await waitForPanel(session, stage.step);
          await clickInPanel(session, 'data-language-option', lang);
        }
        await waitForPanel(session, stage.step);
        await new Promise((r) => setTimeout(r, 600)); // the language's texts and the ring settle
        const name = LANGUAGE_SHOTS[index];
        if (!name) continue;
        // The default (collapsed) card at 1280×800, then the full guide; mid-flow also at phone size.
        const file = join(dir, `panel-${lang}-${name}.png`);
        await page.screenshot({ path: file });
        saved.push(file);
        if (name !== 'mid-flow') continue;
        const expanded = join(dir, `panel-${lang}-${name}-expanded.png`);
        await expandedShot(page, session, expanded);
        saved.push(expanded);
        await setPhone(page, session, true);
        await page.reload({ waitUntil: 'load' });
        await waitForPanel(session, stage.step);
        await new Promise((r) => setTimeout(r, 600));
        const phone = join(dir, `panel-${lang}-${name}-phone.png`);
        await page.screenshot({ path: phone });
        const phoneExpanded = join(dir, `panel-${lang}-${name}-phone-expanded.png`);
        await expandedShot(page, session, phoneExpanded);
        saved.push(phone, phoneExpanded);
        await setPhone(page, session, false);
      }
      await session.detach().catch(() => {});
    } finally {
      await launched.context.close().catch(() => {});
      rmSync(launched.profile, { recursive: true, force: true, maxRetries: 3 });
    }
  }
  return saved;
}

async function waitForPanel(session, expected, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let state = { present: false, step: null };
  while (Date.now() < deadline) {
    state = await readPanel(session).catch(() => state);
    if (state.present && state.step === expected) return state;
    await new Promise((r) => setTimeout(r, 250));
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// 5. Headless: walk the practice flow with dummy, non-sensitive values and take screenshots.

const FLOW = [
  { step: 'sign-in', what: 'home page (public, sign-in link)', go: (page) => page.goto(START_URL, { waitUntil: 'load' }) },
  { step: 'sign-in', what: 'sign-in form', go: (page) => clickAndWait(page, '#sign-in-link') },
  {
    step: 'find-entry',
    what: 'account overview with the deregistration link',
    go: async (page) => {
      await page.fill('#msisdn', '50000000');
      await page.fill('#customer-password', 'practice');
      await clickAndWait(page, '#login-submit');
    },
  },
  { step: 'submit-request', what: 'deregistration request form', go: (page) => clickAndWait(page, '#deregister-link') },
  {
    step: 'await-review',
    what: 'request submitted, pending review',
    go: async (page) => {
      await page.fill('#hkid', 'A123456(3)'); // the Government's published sample number, not a person's
      await page.$eval('#agree', (box) => { box.checked = true; });
      await clickAndWait(page, '#deregister-submit');
    },
  },
  { step: 'confirmed', what: 'registration cancelled', go: (page) => clickAndWait(page, '#check-status') },
];

/** Follow a link or submit a form. A DOM click, not a mouse click: the expanded panel may lie over
 *  the page's own button in a small window, and this walk is about the panel, not about aiming. */
async function clickAndWait(page, selector) {
  await page.waitForSelector(selector, { state: 'attached', timeout: 10_000 });
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: 15_000 }),
    page.$eval(selector, (element) => element.click()),
  ]);
}

async function walkFlow(context, phone = false) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (!phone) for (const file of readdirSync(SCREENSHOTS)) if (/^practice-\d+-.*\.png$/.test(file)) rmSync(join(SCREENSHOTS, file));
  const page = phone ? await context.newPage() : (context.pages()[0] ?? (await context.newPage()));
  const session = await context.newCDPSession(page);
  if (phone) await setPhone(page, session, true);
  const saved = [];
  let missing = 0;
  let mismatched = 0;
  for (const [index, stage] of FLOW.entries()) {
    try {
      await stage.go(page);
    } catch (error) {
      throw new Error(`could not reach the ${stage.what} (${error.message.split('\n')[0]}). Is the practice server reachable?`);
    }
    if (index === 0) await page.click('[data-cookie-notice] button').catch(() => {}); // a cleaner picture
    const state = await waitForPanel(session, stage.step);
    const file = join(SCREENSHOTS, `practice-${index + 1}-${stage.step}${phone ? '-phone' : ''}.png`);
    await page.screenshot({ path: file });
    saved.push(file);
    const url = new URL(page.url());
    if (!state.present) {
      missing += 1;
      log(`  ${index + 1}. ${url.pathname}  NO PANEL (expected the ${stage.step} step)`);
    } else if (state.step !== stage.step) {
      mismatched += 1;
      log(`  ${index + 1}. ${url.pathname}  panel shows step ${state.step ?? '(none)'}, expected ${stage.step}`);
    } else {
      log(`  ${index + 1}. ${url.pathname}  step ${state.step}  ✓`);
    }
  }
  await session.detach().catch(() => {});
  return { saved, missing, mismatched };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!noBuild) build();
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error(`No build at ${EXTENSION}. Run without --no-build.`);
  const executablePath = findBrowser();
  const server = await startPracticeServer({ port: 0 });
  log(`Practice site (a local copy, NOT the carrier) on 127.0.0.1:${server.port}, reached as www.hk.chinamobile.com in the browser below.`);
  log(`Browser: ${executablePath}${headless ? ' (headless)' : ''}`);

  let launched;
  const cleanup = async () => {
    await launched?.context.close().catch(() => {});
    if (launched) rmSync(launched.profile, { recursive: true, force: true, maxRetries: 3 });
    await server.close();
  };
  process.once('SIGINT', () => cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => cleanup().then(() => process.exit(143)));

  try {
    if (headless && allLanguages) {
      log('Taking the panel in three languages at the first visit, mid-flow and confirmed.');
      for (const file of await languageShots(executablePath, server)) log(`  ${relative(process.cwd(), file) || file}`);
      await cleanup();
      return;
    }
    launched = await launch(executablePath, server.port, server.certSpki);
    log(`Extension loaded (id ${launched.extensionId}) into a fresh temporary profile.`);

    if (headless) {
      log('No display: walking the practice flow headless.');
      const desktop = await walkFlow(launched.context);
      log('At phone size (390×844, touch):');
      const phone = await walkFlow(launched.context, true);
      const saved = [...desktop.saved, ...phone.saved];
      const missing = Math.max(desktop.missing, phone.missing);
      const mismatched = desktop.mismatched + phone.mismatched;
      log('\nScreenshots:');
      for (const file of saved) log(`  ${relative(process.cwd(), file) || file}`);
      if (missing === FLOW.length) fail('the guide panel never appeared on the practice site. Is the panel content script built?');
      else if (missing > 0) fail(`the guide panel was missing on ${missing} of ${FLOW.length} pages (see above).`);
      else if (mismatched > 0) log(`\nNote: the panel showed another step than expected on ${mismatched} page(s) (see above).`);
      await cleanup();
      return;
    }

    const page = launched.context.pages()[0] ?? (await launched.context.newPage());
    await page.goto(START_URL, { waitUntil: 'load' });
    log(`\nOpened ${START_URL} (the practice site, not the carrier).`);
    log('Walk it: 登入 → 賬戶概覽 → 取消電話儲值卡登記 → 提交申請 → 查看申請狀態; English pages at /en/.');
    log('Close the browser window (or press Ctrl+C here) to stop; the temporary profile is then deleted.');
    await new Promise((resolveClosed) => launched.context.once('close', resolveClosed));
    await cleanup();
  } catch (error) {
    await cleanup().catch(() => {});
    throw error;
  }
}

main().catch((error) => {
  fail(error instanceof Error ? error.message : String(error));
});
