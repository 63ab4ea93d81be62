// Build settings for the content scripts only (wxt.config.ts calls this from its
// `vite:build:extendConfig` hook): a second minifier pass. They run on every page load of a carrier
// site and have a size budget (issue 6: at most 24 KiB gzip in all, 8 KiB for the guard), and
// terser's compressor finds what Vite's own minifier (oxc) leaves (about 2% of each script, gzip).
// Its safe defaults only, three passes: the code that runs is the code in the sources.
import { minify } from 'terser';

const TERSER = { compress: { passes: 3 } };

/**
 * @param {readonly { type: string, name: string }[]} entrypoints the entrypoints of one Vite build
 * @param {import('vite').InlineConfig} config that build's Vite config (changed in place)
 * @param {readonly string[]} contentScripts the content scripts' entrypoint names (utils/content-scripts.ts)
 */
export function minifyContentScripts(entrypoints, config, contentScripts) {
  if (entrypoints.length === 0 || !entrypoints.every((e) => e.type === 'unlisted-script' && contentScripts.includes(e.name))) return;
  config.plugins = [
    ...(config.plugins ?? []),
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
