import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CONTENT_SCRIPT_NAMES, manifestContentScripts } from './utils/content-scripts';
import { fixManifestPermissions } from './utils/manifest-permissions';
import { officialMatchPatterns } from './utils/match-patterns';
import { minifyContentScripts } from './scripts/content-script-build.mjs';

// The manifest's host access is generated from the carrier data (assets/guide/carriers.json),
// so the hosts the guide trusts and the hosts the browser lets it run on cannot drift apart.
export default defineConfig({
  // No auto-imports: every name in our code is imported explicitly from its file (DESIGN.md), and
  // WXT's scan of utils/ only printed "Duplicated imports" warnings for names two files export.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: the popup may read the current tab's address (to offer "Use the guide on this site").
    permissions: ['storage', 'scripting', 'activeTab'],
    // Extension pages (popup, checklist) run only the package's own scripts.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" },
    host_permissions: officialMatchPatterns(),
    // Asked for only when the user wants it: one site they enable, or every site for the look-alike warning.
    optional_host_permissions: ['*://*/*'],
    commands: {
      'focus-panel': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandFocusPanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sim-exit-guide@sim-exit-guide.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // The data-collection key needs Firefox for Android 142; without this the linter warns.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The content scripts are unlisted scripts (utils/content-scripts.ts says why): built where the
    // manifest and the background look for them.
    'entrypoints:resolved': (wxt, entrypoints) => {
      for (const e of entrypoints) {
        if (e.type === 'unlisted-script' && CONTENT_SCRIPT_NAMES.includes(e.name)) e.outputDir = resolve(wxt.config.outDir, 'content-scripts');
      }
    },
    // WXT drops optional_host_permissions from MV2 builds and adds runtime scripts' matches to the
    // required hosts: put the optional origins where MV2 wants them and keep the required ones exact.
    'build:manifestGenerated': (wxt, manifest) => {
      fixManifestPermissions(manifest, { manifestVersion: wxt.config.manifestVersion, officialPatterns: officialMatchPatterns() });
      manifest.content_scripts = manifestContentScripts(officialMatchPatterns());
    },
    // A second minifier pass over the content scripts (issue 6's size budget): scripts/content-script-build.mjs.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      minifyContentScripts(entrypoints, viteConfig, CONTENT_SCRIPT_NAMES);
    },
  },
  zip: {
    // The sources archive is what a store reviewer rebuilds from: the project's sources only (no
    // tests: their fixtures include the practice site's private key).
    excludeSources: ['.output/**', 'node_modules/**', 'test-results/**', 'bench/**', '**/screenshots/**', '**/*.log', '.env*', 'tests/**'],
  },
});
