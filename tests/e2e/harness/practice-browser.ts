// One practice server and one fresh browser with the extension, for the describe block (or file)
// that calls this: started before its tests, closed after them, so blocks share no state.
import { afterAll, beforeAll } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../scripts/practice-server.mjs';
import { launchE2E, type BrowserName, type E2EBrowser } from './browser';

export interface PracticeBrowser {
  /** The browser (only inside tests and hooks: it starts in beforeAll). */
  browser(): E2EBrowser;
}

export function usePracticeBrowser(browserName: BrowserName): PracticeBrowser {
  let server: PracticeServer | undefined;
  let browser: E2EBrowser | undefined;
  beforeAll(async () => {
    server = await startPracticeServer({ port: 0 });
    browser = await launchE2E(browserName, { port: server.port, spki: server.certSpki });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    browser() {
      if (!browser) throw new Error('The practice browser starts in beforeAll: use it inside a test or hook.');
      return browser;
    },
  };
}
