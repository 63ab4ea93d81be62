// Classifies a form control from its description (plain data, see describe.ts) into one of the
// sensitive kinds, or null for an ordinary field. Pure: no DOM, no value, no storage.
//
// Order, after the peers (../shared/reference/fields.md): a recognised autocomplete token wins;
// then keywords (assets/keywords/fields.json) against the label, then name/id, then nearby text;
// then shape hints (split card boxes, expiry month/year selects, type=password). Words that are
// ambiguous alone (月/年, "verification code", 카드) count only when the form has card fields.
// The groups only (a named import: the file's $comment stays out of the bundle).
import { groups as keywordGroups } from '../../assets/keywords/fields.json';
import type { FieldKind } from '../types';

export interface FieldDescription {
  /** Lower-case tag name. */
  tag: string;
  /** Lower-case input type ('text' when absent), 'select' for selects, '' otherwise. */
  type: string;
  autocomplete: string;
  name: string;
  id: string;
  /** Label by for/wrapping label, aria-labelledby and aria-label, whitespace collapsed. */
  label: string;
  placeholder: string;
  title: string;
  /** Text right before the control back to the previous control (table header cell, dt, span). */
  nearby: string;
  /** For a box in a row of boxes with nothing of its own around it: the row's first control's label. */
  groupLabel: string;
  /** Text right after the control (a "send code" button, a hint, an image's alt). */
  following: string;
  /** An image or canvas sits beside the control (a picture captcha). */
  imageNearby: boolean;
  maxLength: number | null;
  inputMode: string;
  /** For selects: the first few and last two option texts. */
  options: string[];
  optionCount: number;
  /** Sibling controls of the same tag and maxlength in the same container (split boxes), this one included. */
  groupSize: number;
  contentEditable: boolean;
}

export interface FieldContext {
  /** The control's form (or container) holds a card-number or card-code field. */
  cardContext: boolean;
}

// ---------------------------------------------------------------------------------------------
// Keyword matching

type Group =
  | 'captcha'
  | 'card-holder'
  | 'card-cvc'
  | 'card-cvc-context'
  | 'card-expiry'
  | 'card-expiry-context'
  | 'card-number'
  | 'card-number-context'
  | 'date-of-birth'
  | 'not-card-date'
  | 'id-number'
  | 'not-sensitive'
  | 'otp'
  | 'otp-generic'
  | 'password'
  | 'sms';

type KeywordFile = { groups: Record<Group, Record<string, string[]>> };
const KEYWORDS = (keywordGroups as unknown as KeywordFile['groups']);

/** Lower case, full-width folded, camelCase and letter/digit boundaries split, separators to spaces. */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/[_\[\].:;,()（）【】「」*|]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

const ASCII = /^[\x20-\x7e]+$/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\#/-]/g, '\\$&');
}

interface Matcher {
  /** Whole-word ASCII entries, against the normalised text. */
  words: RegExp | null;
  /** CJK entries, against the normalised text with spaces removed. */
  cjk: RegExp | null;
}

function buildMatcher(entries: readonly string[]): Matcher {
  const words: string[] = [];
  const cjk: string[] = [];
  for (const raw of entries) {
    if (ASCII.test(raw)) {
      const prefix = raw.endsWith('*');
      const entry = normaliseText(prefix ? raw.slice(0, -1) : raw);
      if (!entry) continue;
      const body = entry
        .split(' ')
        .map(escapeRegExp)
        .join('[ -]?');
      words.push(body + (prefix ? '[a-z]*' : ''));
    } else {
      cjk.push(escapeRegExp(normaliseText(raw).replace(/\s+/g, '')));
    }
  }
  return {
    words: words.length ? new RegExp(`(?<![a-z0-9])(?:${words.join('|')})(?![a-z0-9])`) : null,
    cjk: cjk.length ? new RegExp(cjk.join('|')) : null,
  };
}

interface Text {
  spaced: string;
  compact: string;
}

function toText(s: string): Text {
  const spaced = normaliseText(s);
  return { spaced, compact: spaced.replace(/ /g, '') };
}

function test(m: Matcher, t: Text): boolean {
  return (m.words !== null && m.words.test(t.spaced)) || (m.cjk !== null && m.cjk.test(t.compact));
}

const GROUPS = Object.keys(KEYWORDS) as Group[];
/** Label and nearby text: every language's words. */
const TEXT_MATCHERS = new Map<Group, Matcher>();
/** name/id: attribute tokens and English words. */
const ATTR_MATCHERS = new Map<Group, Matcher>();
for (const g of GROUPS) {
  const lists = KEYWORDS[g];
  const all: string[] = [];
  for (const [lang, list] of Object.entries(lists)) if (lang !== 'attr') all.push(...list);
  TEXT_MATCHERS.set(g, buildMatcher(all));
  ATTR_MATCHERS.set(g, buildMatcher([...(lists['attr'] ?? []), ...(lists['en'] ?? [])]));
}

function has(matchers: Map<Group, Matcher>, g: Group, t: Text): boolean {
  const m = matchers.get(g);
  return m !== undefined && test(m, t);
}

// ---------------------------------------------------------------------------------------------
// autocomplete (Chromium's reading: lower case, split on spaces, last token is the field type;
// section-*, shipping/billing and home/work/mobile may precede it; a trailing webauthn is ignored)

const AC_KIND: Record<string, FieldKind> = {
  'cc-number': 'card-number',
  'cc-csc': 'card-cvc',
  'cc-exp': 'card-expiry',
  'cc-exp-month': 'card-expiry',
  'cc-exp-year': 'card-expiry',
  'one-time-code': 'otp',
};
const AC_PASSWORD = new Set(['current-password', 'new-password']);
/** Tokens that name an ordinary field: trust them and stay silent. */
const AC_ORDINARY = new Set([
  'name', 'honorific-prefix', 'given-name', 'additional-name', 'family-name', 'honorific-suffix', 'nickname',
  'username', 'organization-title', 'organization', 'street-address', 'address-line1', 'address-line2',
  'address-line3', 'address-level4', 'address-level3', 'address-level2', 'address-level1', 'country',
  'country-name', 'postal-code', 'cc-name', 'cc-given-name', 'cc-additional-name', 'cc-family-name', 'cc-type',
  'transaction-currency', 'transaction-amount', 'language', 'bday', 'bday-day', 'bday-month', 'bday-year',
  'sex', 'url', 'photo', 'tel', 'tel-country-code', 'tel-national', 'tel-area-code', 'tel-local',
  'tel-local-prefix', 'tel-local-suffix', 'tel-extension', 'email', 'impp',
]);

/** The autocomplete field type, or '' when the attribute says nothing (absent, on, off, unknown). */
export function autocompleteToken(value: string): string {
  const tokens = value.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (tokens[tokens.length - 1] === 'webauthn') tokens.pop();
  const last = tokens[tokens.length - 1] ?? '';
  if (last === 'on' || last === 'off') return '';
  return last;
}

// ---------------------------------------------------------------------------------------------
// Shape hints

const FILLABLE_TYPES = new Set(['text', 'password', 'tel', 'number', 'email', 'search', 'url', '']);

function isTextual(d: FieldDescription): boolean {
  if (d.contentEditable) return true;
  if (d.tag === 'textarea') return true;
  return d.tag === 'input' && FILLABLE_TYPES.has(d.type);
}

const MONTH_NAMES = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;

function optionNumbers(d: FieldDescription): number[] {
  const out: number[] = [];
  for (const o of d.options) {
    const t = normaliseText(o);
    const m = /^(\d{1,4})(?:\s?[月年월년])?(?:\s?[-–]\s?.*)?$/.exec(t);
    if (m) out.push(Number(m[1]));
  }
  return out;
}

/** A select listing the months (01–12, 1月…12月, Jan…Dec) and nothing else. */
function isMonthSelect(d: FieldDescription): boolean {
  if (d.optionCount < 12 || d.optionCount > 14) return false;
  const nums = optionNumbers(d);
  if (nums.length >= 5 && nums.every((n) => n >= 1 && n <= 12)) return true;
  return d.options.filter((o) => MONTH_NAMES.test(normaliseText(o).replace(/^\d+\s?-?\s?/, ''))).length >= 5;
}

/** A select listing years from about now onwards (2025, 2026 … or 25, 26 …): a card's, not a birth year's. */
function isExpiryYearSelect(d: FieldDescription): boolean {
  const nums = optionNumbers(d);
  if (nums.length < 3) return false;
  const years = nums.map((n) => (n < 100 ? 2000 + n : n));
  if (!years.every((y) => y >= 2015 && y <= 2100)) return false;
  // Ascending: expiry lists count up from this year; birth-year lists count down.
  for (let i = 1; i < years.length; i++) if ((years[i] ?? 0) < (years[i - 1] ?? 0)) return false;
  return true;
}

/** Year lists that reach back decades (birth years). */
function isPastYearSelect(d: FieldDescription): boolean {
  const nums = optionNumbers(d).filter((n) => n >= 1000);
  return nums.some((y) => y < 2010);
}

// ---------------------------------------------------------------------------------------------
// The keyword decision for one source of text

const SILENT = 'silent' as const;
type Verdict = FieldKind | typeof SILENT | null;

function keywordVerdict(
  t: Text,
  m: Map<Group, Matcher>,
  d: FieldDescription,
  ctx: FieldContext,
  codeEvidence: Text,
): Verdict {
  if (!t.spaced) return null;
  const card = ctx.cardContext;
  if (has(m, 'captcha', t)) return SILENT;
  if (has(m, 'otp', t)) return 'otp';
  if (has(m, 'not-sensitive', t)) return SILENT;
  if (has(m, 'card-cvc', t) || (card && has(m, 'card-cvc-context', t))) {
    return has(m, 'sms', t) ? 'otp' : 'card-cvc';
  }
  if (has(m, 'date-of-birth', t)) return SILENT;
  if (has(m, 'card-expiry', t) || (card && has(m, 'card-expiry-context', t))) {
    return has(m, 'not-card-date', t) ? SILENT : 'card-expiry';
  }
  // "HKID card number": an identity card is not a bank card.
  if (has(m, 'id-number', t)) return 'id-number';
  if (has(m, 'card-number', t) || (card && has(m, 'card-number-context', t))) {
    if (has(m, 'card-holder', t)) return SILENT;
    if (has(m, 'password', t)) return 'password'; // 카드 비밀번호, a card PIN's first digits
    return 'card-number';
  }
  if (has(m, 'otp-generic', t)) {
    const sms = has(TEXT_MATCHERS, 'sms', codeEvidence) || has(m, 'sms', t);
    // A code read off a picture is a captcha, not a one-time code.
    if (!sms && (d.imageNearby || has(TEXT_MATCHERS, 'captcha', codeEvidence))) return SILENT;
    // "Verification code" in a card form, short and not sent by SMS: the card's code.
    if (card && !sms && (d.maxLength === null || d.maxLength <= 4)) return 'card-cvc';
    return 'otp';
  }
  if (has(m, 'password', t)) return 'password';
  // A name, a holder, a card type: said what it is, and it is ordinary.
  if (has(m, 'card-holder', t)) return SILENT;
  return null;
}

// ---------------------------------------------------------------------------------------------

/** The sensitive kind of a control, or null for an ordinary one. */
export function classifyField(d: FieldDescription, ctx: FieldContext): FieldKind | null {
  const textual = isTextual(d);
  const select = d.tag === 'select';
  if (!textual && !select) return null;

  const token = autocompleteToken(d.autocomplete);
  const acKind = Object.hasOwn(AC_KIND, token) ? AC_KIND[token] : undefined; // never Object.prototype's keys ("__proto__")
  if (acKind) return acKind;
  const acPassword = AC_PASSWORD.has(token);
  if (AC_ORDINARY.has(token) && d.type !== 'password') return null;

  if (select) return classifySelect(d, ctx);

  const label = toText([d.label, d.placeholder, d.title].join(' '));
  const attrs = toText([d.name, d.id].join(' '));
  const nearby = toText(d.nearby);
  const group = toText(d.groupLabel);
  const evidence = toText([d.following, d.nearby].join(' '));
  // Visible text first (what the user reads), then name/id: Chinese sites often name an ID
  // card's number "cardNo", and the text beside the box says 证件号码.
  const sources: [Text, Map<Group, Matcher>][] = [
    [label, TEXT_MATCHERS],
    [nearby, TEXT_MATCHERS],
    [group, TEXT_MATCHERS],
    [attrs, ATTR_MATCHERS],
  ];
  let verdict: Verdict = null;
  for (const [t, m] of sources) {
    verdict = keywordVerdict(t, m, d, ctx, evidence);
    if (verdict) break;
  }
  if (verdict === SILENT) return null;
  // "Nectar card number" named loyaltyCardNumber: a store card is not a bank card.
  if (verdict === 'card-number' && has(ATTR_MATCHERS, 'not-sensitive', attrs)) return null;
  if (verdict) return verdict;

  if (isSplitCardBox(d, ctx, [label, attrs, nearby, group])) return 'card-number';
  if (d.type === 'password' || acPassword) return 'password';
  return null;
}

const CARDISH = /(?<![a-z])(card|cc|credit)(?![a-z])|卡|카드|カード/;

/** One of 4 (3–5) boxes of maxlength 4 that together take a card number. */
function isSplitCardBox(d: FieldDescription, ctx: FieldContext, texts: Text[]): boolean {
  if (d.tag !== 'input' || d.maxLength !== 4 || d.groupSize < 3 || d.groupSize > 5) return false;
  if (!/^(text|tel|number|password)$/.test(d.type)) return false;
  return ctx.cardContext || texts.some((t) => CARDISH.test(t.spaced));
}

function classifySelect(d: FieldDescription, ctx: FieldContext): FieldKind | null {
  const texts = [toText([d.label, d.title].join(' ')), toText(d.nearby), toText(d.groupLabel)];
  const attrs = toText([d.name, d.id].join(' '));
  const any = (g: Group): boolean => texts.some((t) => has(TEXT_MATCHERS, g, t)) || has(ATTR_MATCHERS, g, attrs);
  if (any('date-of-birth') || any('not-sensitive')) return null;
  if (isPastYearSelect(d)) return null;
  const month = isMonthSelect(d);
  const year = isExpiryYearSelect(d);
  if (any('card-expiry') && (month || year || d.optionCount === 0)) return any('not-card-date') ? null : 'card-expiry';
  if (!ctx.cardContext) return null;
  if (any('not-card-date')) return null;
  // In a card form, month and year lists are the expiry (a birth date would have said so, or counted down).
  if (month || year) return 'card-expiry';
  return null;
}
