// Real Chromium with the built extension, the practice hosts mapped to the practice server and only
// the practice certificate trusted. One fresh temporary profile per launch, removed on close.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { practiceBrowserArgs } from '../../../scripts/practice-server.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The extension under test: the Chrome build, or $E2E_CHROME_EXTENSION (e.g. to try the harness on another build). */
export const CHROME_BUILD = process.env.E2E_CHROME_EXTENSION || join(ROOT, '.output', 'chrome-mv3');

export interface LaunchedChromium {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's binary (skipping its wrapper script). */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.filter(Boolean).join(', ')}); set CHROMIUM_PATH.`);
  return found;
}

/** Fail early, and say what to do, when the extension has not been built. */
export function assertBuilt(extensionPath = CHROME_BUILD): void {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionPath}. Run \`npx wxt build\` (or \`npm test\`, which builds first).`);
  }
}

export async function launchChromium(options: {
  extensionPath?: string;
  port: number;
  spki: string;
  /** Extra Chromium flags, e.g. `--lang=zh-HK`. */
  args?: string[];
  locale?: string;
  /**
   * Playwright default flags to leave out, e.g. `--disable-extensions` (with it, `runtime.reload()`
   * unloads the extension for good: only the command-line load bypasses it).
   * `--disable-back-forward-cache` is always left out.
   */
  ignoreDefaultArgs?: string[];
  /**
   * Start with developer mode on and without Playwright's `--disable-extensions`: then
   * `chrome.runtime.reload()` brings the unpacked extension back (otherwise it unloads it for good).
   */
  reloadable?: boolean;
}): Promise<LaunchedChromium> {
  const extensionPath = options.extensionPath ?? CHROME_BUILD;
  assertBuilt(extensionPath);
  const profile = mkdtempSync(join(tmpdir(), 'sim-exit-e2e-'));
  if (options.reloadable) {
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  }
  // Playwright turns the back/forward cache off by default; real users have it, and issue 7 item 3
  // checks that a page restored from it keeps one live panel. Always leave that flag out.
  const ignoreDefaultArgs = [
    '--disable-back-forward-cache',
    ...(options.ignoreDefaultArgs ?? []),
    ...(options.reloadable ? ['--disable-extensions'] : []),
  ];
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      locale: options.locale,
      ignoreDefaultArgs,
      viewport: { width: 1280, height: 800 },
      args: [
        `--disable-extensions-except=${extensionPath}`,
        `--load-extension=${extensionPath}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Every name other than the practice hosts fails to resolve: the test browser never goes out.
        ...practiceBrowserArgs({ port: options.port, spki: options.spki, blockOthers: true }),
        ...(options.args ?? []),
      ],
    });
    const serviceWorker =
      context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const launched = context;
    return {
      context: launched,
      extensionId,
      serviceWorker,
      close: async () => {
        await launched.close().catch(() => {});
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}
