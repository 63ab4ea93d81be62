// Words the look-alike probe looks for in a page's title and headings (brands) and text (sign-in
// wording, points lures). Phishing copies of CMHK's sign-in form use 找回賬戶 · 忘記登錄密碼? ·
// 忘記客戶密碼? under 可用積分查詢 / 兌換我的獎賞 headings (reference/carriers.md, "Scams").
import { brandsInText } from './lookalike-fold';
import type { CarrierId } from './types';

export const SIGN_IN_WORDS = /登入|登錄|登录|找回賬戶|找回账户|忘記登錄密碼|忘記客戶密碼|忘记登录密码|忘记客户密码|客戶密碼|客户密码|\bsign\s*in\b|\blog\s*in\b|\blogin\b|forgot (?:your )?password/i;

export const LURE_WORDS = /可用積分|可用积分|兌換我的獎賞|兑换我的奖赏|積分兌換|积分兑换|積分即將|积分即将|積分到期|积分到期|獎賞兌換|奖赏兑换|redeem (?:your |my )?(?:points|rewards)|points? (?:will )?expir|reward points/i;

/** Carrier ids whose brand words (assets/guide/carriers.json, normalised) appear in `text`. */
export function brandsIn(text: string): CarrierId[] {
  return brandsInText(text);
}
