import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { officialMatchPatterns } from './utils/match-patterns';

// The manifest's host access is generated from the carrier data (assets/guide/carriers.json),
// so the hosts the guide trusts and the hosts the browser lets it run on cannot drift apart.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting'],
    host_permissions: officialMatchPatterns(),
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
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['.output/**', 'node_modules/**', 'test-results/**', 'bench/**', '*.log', '.env*'],
  },
});
