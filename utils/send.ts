// The typed side of the message protocol for content scripts and extension pages: `send(msg)`
// answers with the reply type the background's table (utils/background/protocol.ts) gives that
// message, or a Failure every caller must handle. Only types come from the table: the content
// scripts' bundles carry none of the background. The browser's sendMessage is passed in (utils/
// imports no browser API): `createSend(browser.runtime)`.
import type { ReplyOf } from './background/protocol';
import type { Failure, Reply, ToBackground } from './messages';

export type Send = <M extends ToBackground>(msg: M) => Promise<Reply<ReplyOf<M['type']>>>;

const UNREACHABLE: Failure = { ok: false, error: 'unreachable' };

export function createSend(runtime: { sendMessage(msg: ToBackground): Promise<unknown> }): Send {
  return async (msg) => {
    try {
      // The one place a reply is trusted to match its message: our own background wrote it from
      // the same table (runtime messages reach only this extension). Nothing (no listener) is a failure.
      return ((await runtime.sendMessage(msg)) as Reply<never> | undefined) ?? UNREACHABLE;
    } catch {
      // No background (the extension reloaded under this page) or the message could not be sent.
      return UNREACHABLE;
    }
  };
}
