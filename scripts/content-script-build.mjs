// Build settings for the content scripts only (wxt.config.ts calls this from its
// `vite:build:extendConfig` hook). They run on every page load of a carrier site, so they carry
// nothing they do not use:
// - no WXT ContentScriptContext (scripts/bare-content-script-context.mjs says why);
// - no webextension-polyfill: content scripts need only runtime.sendMessage / onMessage / connect /
//   id, which Chrome MV3's `chrome` (promise-returning) and Firefox's `browser` provide as they are
//   (WXT's own `wxt/browser` picks whichever exists). The polyfill costs about 3 KB gzip per script;
// - no manifest match patterns: the scripts name them only in their defineContentScript options,
//   which WXT reads in Node for the manifest (not from this bundle) and which nothing reads at run
//   time (the bare context ignores them), so utils/match-patterns.ts is an empty list here, instead
//   of the carrier data (about 5 KB gzip) or the list itself (about 0.1 KB gzip per script);
// - no guide texts: utils/guide.ts, i18n.ts and field-texts.ts are replaced by their twins in
//   utils/panel-texts/ (same exports), which read the one-language pack the background sends (utils/text-pack.ts);
//   carriers.ts likewise by utils/panel-texts/carriers.ts: the page's carrier with its texts from the pack, and
//   assets/guide/carriers.json is read with only the hosts and websites;
// - a terser pass after Vite's minifier (see TERSER below).
//   Extension pages, the background and the unit tests keep the full-data modules.
// (No field classifier or keyword lists either: the background classifies, utils/fields/remote.ts.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const require = createRequire(import.meta.url);
/** WXT's plain `browser` (globalThis.browser ?? globalThis.chrome), without the polyfill. */
const PLAIN_BROWSER = require.resolve('wxt/browser');
/** A context that main() receives and never uses (see the file's own comment). */
const BARE_CONTEXT = fileURLToPath(new URL('./bare-content-script-context.mjs', import.meta.url));

/**
 * assets/guide/carriers.json as the panel reads it (utils/panel-texts/carriers.ts): ids, hosts and
 * websites, without texts or routes (the pack brings the page's carrier), URL rules or sources (the background
 * detects the step and checks the sources).
 */
function carrierHosts() {
  const { carriers } = JSON.parse(readFileSync(fileURLToPath(new URL('../assets/guide/carriers.json', import.meta.url)), 'utf8'));
  return carriers.map(({ id, hosts, excludedHosts, website }) => ({ id, name: {}, hosts, excludedHosts, website, hotlines: [], urlRules: [], routes: [], notes: [], hostSources: [] }));
}

/**
 * A second minifier pass over what Vite's own minifier (oxc) wrote: terser's compressor finds what
 * oxc leaves (about 2% of each content script, gzip). Its safe defaults only; three passes.
 */
const TERSER = { compress: { passes: 3 } };

/**
 * @param {readonly { type: string }[]} entrypoints the entrypoints of one Vite build
 * @param {import('vite').InlineConfig} config that build's Vite config (changed in place)
 */
export function slimContentScripts(entrypoints, config) {
  if (entrypoints.length === 0 || !entrypoints.every((e) => e.type === 'content-script')) return;
  config.resolve ??= {};
  const alias = config.resolve.alias;
  const swaps = { 'wxt/browser': PLAIN_BROWSER, 'wxt/utils/content-script-context': BARE_CONTEXT };
  if (Array.isArray(alias)) {
    const rest = alias.filter((a) => !Object.hasOwn(swaps, a.find));
    config.resolve.alias = [...Object.entries(swaps).map(([find, replacement]) => ({ find, replacement })), ...rest];
  } else {
    config.resolve.alias = { ...(alias ?? {}), ...swaps };
  }
  config.plugins = [
    ...(config.plugins ?? []),
    {
      // The manifest keeps the full list (tests/e2e/manifests.test.ts checks it); a content script
      // must not call this at run time to learn the official hosts (utils/site-trust.ts is for that).
      name: 'sim-exit-guide:no-match-patterns',
      enforce: 'pre',
      load(id) {
        if (!/[\\/]utils[\\/]match-patterns\.ts$/.test(id.split('?')[0])) return null;
        return `export function officialMatchPatterns() { return []; }\n`;
      },
    },
    {
      name: 'sim-exit-guide:one-language-texts',
      enforce: 'pre',
      load(id) {
        const m = /[\\/]utils[\\/](guide|i18n|field-texts|carriers)\.ts$/.exec(id.split('?')[0]);
        return m ? `export * from './panel-texts/${m[1]}';\n` : null;
      },
    },
    {
      name: 'sim-exit-guide:carrier-hosts',
      enforce: 'pre',
      load(id) {
        if (!/[\\/]assets[\\/]guide[\\/]carriers\.json$/.test(id.split('?')[0])) return null;
        return JSON.stringify({ carriers: carrierHosts() });
      },
    },
    {
      // generateBundle sees the chunks after oxc minified them (renderChunk would see them before).
      name: 'sim-exit-guide:terser-after-oxc',
      enforce: 'post',
      async generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk') chunk.code = (await minify(chunk.code, TERSER)).code;
        }
      },
    },
  ];
}
