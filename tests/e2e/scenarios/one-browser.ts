// The only way a scenario may run in one browser: with a written reason that travels in the test's
// metadata into Vitest's JSON report, where scripts/test-all.mjs reads it. A test that runs in one
// browser and not the other (skipped or missing there) without this metadata fails `npm test`.
//
//   test('…', oneBrowserOnly('chromium', 'Firefox injects into open tabs itself: nothing to test there'), async () => …)
//   test.skipIf(browserName !== 'chromium')('…', oneBrowserOnly('chromium', 'why'), async () => …)
//   describe('…', oneBrowserOnly('firefox', 'why'), () => …)   // every test inside inherits it
import type { BrowserName } from '../harness/browser';

export interface OneBrowserOnly {
  browser: BrowserName;
  reason: string;
}

declare module 'vitest' {
  interface TaskMeta {
    /** Set by oneBrowserOnly(): this test runs in `browser` only, for `reason`. */
    oneBrowserOnly?: OneBrowserOnly;
  }
}

/** Test or describe options that mark a test as running in `browser` only, for a written `reason`. */
export function oneBrowserOnly(browser: BrowserName, reason: string): { meta: { oneBrowserOnly: OneBrowserOnly } } {
  if (reason.trim().length < 10) throw new Error(`oneBrowserOnly(${browser}): write the reason out (got ${JSON.stringify(reason)})`);
  return { meta: { oneBrowserOnly: { browser, reason: reason.trim() } } };
}
