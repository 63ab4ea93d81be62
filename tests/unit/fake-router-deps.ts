// The background router's dependencies for tests that only need it to answer: no storage, no tabs.
import type { RouterDeps, SenderLike } from '../../utils/background/deps';
import { handleMessage } from '../../utils/background/router';
import { createTabRegistry } from '../../utils/background/tab-registry';
import { fieldSeverity } from '../../utils/fields/severity';
import { createProgressStore } from '../../utils/background/progress-store';

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

/**
 * The router's decision as these tests read it: the reply's value, or { error } when it refused.
 * (On the wire it is { ok: true, value } or { ok: false, error }: tests/unit/background/wiring.test.ts.)
 */
export async function answer(raw: unknown, sender: SenderLike, deps: RouterDeps): Promise<unknown> {
  const reply = await handleMessage(raw, sender, deps);
  return reply.ok ? reply.value : { error: reply.error };
}
