// The background's message router: the one door every message comes through. What each message
// may do lives in the protocol table (./protocol.ts); here, the checks every message passes, in
// order: it comes from this extension (sender.id), it is one we know with well-formed fields, its
// sender is an extension page or a content script in a tab, and the table's row admits that sender.
// Free of the real browser (every browser call goes through `deps`, ./deps.ts) so it can be tested.
import type { Failure, Reply } from '../messages';
import type { RouterDeps, SenderLike } from './deps';
import { PROTOCOL, REJECT, type Ctx, type MessageType, type Origin, type Route } from './protocol';
import { contentTab, isExtensionPage } from './senders';
import { isObject } from './validate';

const REJECTED: Failure = { ok: false, error: 'rejected' };
const INVALID: Failure = { ok: false, error: 'invalid' };

function admits(origin: Origin, { sender, tab }: Ctx): boolean {
  if (origin === 'page') return tab === null;
  if (tab === null || typeof sender.frameId !== 'number') return false;
  return origin === 'top' ? sender.frameId === 0 : sender.frameId >= 0;
}

/** Answers one message: { ok: true, value } with the row's reply, or { ok: false, error }. */
export async function handleMessage(raw: unknown, sender: SenderLike, deps: RouterDeps): Promise<Reply<unknown>> {
  if (sender.id !== deps.runtimeId) return REJECTED;
  if (!isObject(raw) || typeof raw.type !== 'string' || !Object.hasOwn(PROTOCOL, raw.type)) return INVALID;
  // One row, seen through its widest type: its own functions agree with one another by construction.
  const row = PROTOCOL[raw.type as MessageType] as Route<Origin, unknown, unknown>;
  const msg = row.parse(raw);
  if (msg === null) return INVALID;
  const fromPage = isExtensionPage(sender, deps);
  const tab = fromPage ? null : contentTab(sender, deps);
  if (!fromPage && tab === null) return REJECTED;
  const ctx: Ctx = { sender, deps, tab };
  if (!row.from.some((origin) => admits(origin, ctx)) || (row.allow && !row.allow(ctx))) return REJECTED;
  const value = await row.handle(msg, ctx);
  return value === REJECT ? REJECTED : { ok: true, value };
}
