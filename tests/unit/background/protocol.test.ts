// The message protocol's two ends: the router's answers on the wire ({ ok: true, value } or
// { ok: false, error }) and the senders' typed `send`, whose failures are a case of their own.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SenderLike } from '../../../utils/background/deps';
import { PROTOCOL } from '../../../utils/background/protocol';
import { handleMessage } from '../../../utils/background/router';
import type { Failure, ProgressState, ToBackground } from '../../../utils/messages';
import { createSend } from '../../../utils/send';
import { TEST_EXTENSION_ID, quietRouterDeps } from '../fake-router-deps';

const top: SenderLike = { id: TEST_EXTENSION_ID, url: 'https://www.hk.chinamobile.com/', frameId: 0, tab: { id: 3, incognito: false } };
const popup: SenderLike = { id: TEST_EXTENSION_ID, url: `chrome-extension://${TEST_EXTENSION_ID}/popup.html` };

describe('the protocol table', () => {
  it('says who may send each message', () => {
    for (const [type, row] of Object.entries(PROTOCOL)) {
      expect(row.from.length, type).toBeGreaterThan(0);
      expect(row.from.every((o) => ['page', 'top', 'frame'].includes(o)), type).toBe(true);
    }
    expect(PROTOCOL['panel-command'].from).toEqual(['page']);
    expect(PROTOCOL['page-state'].from).toEqual(['top']);
  });
});

describe('the router on the wire', () => {
  it('answers { ok: true, value } or { ok: false, error }', async () => {
    const deps = quietRouterDeps();
    const texts = await handleMessage({ type: 'get-texts', lang: 'en' }, top, deps);
    expect(texts).toMatchObject({ ok: true, value: { lang: 'en' } });
    expect(await handleMessage({ type: 'get-texts', lang: 'xx' }, top, deps)).toEqual({ ok: false, error: 'invalid' });
    expect(await handleMessage({ type: 'no-such-message' }, top, deps)).toEqual({ ok: false, error: 'invalid' });
    expect(await handleMessage({ type: 'toString' }, top, deps)).toEqual({ ok: false, error: 'invalid' });
    // A page-only message from a content script, a top-frame-only message from the popup.
    expect(await handleMessage({ type: 'get-tab-state', tabId: 3 }, top, deps)).toEqual({ ok: false, error: 'rejected' });
    expect(await handleMessage({ type: 'page-fight' }, popup, deps)).toEqual({ ok: false, error: 'rejected' });
    expect(await handleMessage({ type: 'get-texts', lang: 'en' }, { ...top, id: 'another' }, deps)).toEqual({ ok: false, error: 'rejected' });
  });
});

describe('send', () => {
  const unreachable: Failure = { ok: false, error: 'unreachable' };

  it('passes the router\'s answer through, typed by the table', async () => {
    const deps = quietRouterDeps();
    const send = createSend({ sendMessage: (msg: ToBackground) => handleMessage(msg, popup, deps) });
    const reply = await send({ type: 'get-progress' });
    expectTypeOf(reply).toEqualTypeOf<{ ok: true; value: ProgressState } | Failure>();
    expect(reply.ok && reply.value.progress.version).toBe(2);
    expect(await send({ type: 'page-fight' })).toEqual({ ok: false, error: 'rejected' });
  });

  it('turns no background into a failure, never a throw', async () => {
    const thrown = createSend({ sendMessage: () => Promise.reject(new Error('Could not establish connection')) });
    expect(await thrown({ type: 'get-mark' })).toEqual(unreachable);
    const sync = createSend({
      sendMessage: () => {
        throw new Error('Extension context invalidated');
      },
    });
    expect(await sync({ type: 'get-mark' })).toEqual(unreachable);
    const silent = createSend({ sendMessage: async () => undefined });
    expect(await silent({ type: 'get-mark' })).toEqual(unreachable);
  });
});
