// The browser's own extension API object for the content scripts: Firefox's `browser`, or Chrome's
// `chrome` (promise-returning in MV3). Content scripts use only runtime messaging and a port, which
// both provide as they are, so they do without
// webextension-polyfill (about 3 KB gzip per script). Extension pages and the background use the
// polyfill through `wxt/browser`. (The same choice as WXT's own plain `wxt/browser`, written out so
// what the content scripts import is what they run.)
import type { browser as PolyfilledBrowser } from 'wxt/browser';

type ExtensionApi = typeof PolyfilledBrowser;

const world = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };

export const browser: ExtensionApi = world.browser?.runtime?.id ? world.browser : (world.chrome as ExtensionApi);
