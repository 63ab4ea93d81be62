// The background router's dependencies for tests that only need it to answer: no storage, no tabs.
import type { RouterDeps } from '../../utils/background/deps';
import { createTabRegistry } from '../../utils/background/tab-registry';
import { fieldSeverity } from '../../utils/fields/severity';
import { createProgressStore } from '../../utils/progress-store';

export const TEST_EXTENSION_ID = 'our-extension-id';

export function quietRouterDeps(): RouterDeps {
  return {
    runtimeId: TEST_EXTENSION_ID,
    extensionUrl: `chrome-extension://${TEST_EXTENSION_ID}/`,
    store: createProgressStore({ area: null }),
    tabs: createTabRegistry(null),
    sendToTab: async () => undefined,
    setBadge: async () => undefined,
    fieldSeverity,
    tabIncognito: async () => false,
    openChecklist: async () => undefined,
    uiLanguage: 'en',
  };
}
