// Classifies a form control from its description (plain data, see describe.ts) into one of the
// sensitive kinds, or null for an ordinary field. Pure: no DOM, no value, no storage (its only
// state is a bounded memo of normalised texts and what they matched, which changes no answer).
//
// Order, after the peers (../shared/reference/fields.md): a recognised autocomplete token wins;
// then keywords (field-keywords.ts) against the label, the nearby text, then name/id;
// then shape hints (split card boxes, expiry month/year selects, type=password). Words that are
// ambiguous alone (月/年, "verification code", 카드) count only when the form has card fields.
import type { FieldKind } from '../types';
import { fieldKeywordGroups } from './field-keywords';
import { keywordEntry, keywordMatcher, type KeywordEntry, type KeywordMatcher } from './keyword-matcher';
import { normaliseText } from './normalise';

export { normaliseText } from './normalise';

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

/** The groups the decisions below ask about, in a fixed order: a group's bit is its index. */
const GROUPS = [
  'captcha',
  'card-holder',
  'card-cvc',
  'card-cvc-context',
  'card-expiry',
  'card-expiry-context',
  'card-number',
  'card-number-context',
  'date-of-birth',
  'not-card-date',
  'id-number',
  'not-sensitive',
  'otp',
  'otp-generic',
  'password',
  'sms',
] as const;
type Group = (typeof GROUPS)[number];
const BIT = Object.fromEntries(GROUPS.map((g, i) => [g, 1 << i])) as Record<Group, number>;

/** The matcher for one kind of text source: which groups' entries occur in a text. */
interface MatcherSet {
  /** The name/id set (else label and nearby text): which of a Text's masks it fills. */
  attr: boolean;
  matcher: KeywordMatcher;
}

// Built on the first classification, not when the module loads: the lists come from
// field-keywords.ts, which a build may feed at run time.
let matcherSets: { text: MatcherSet; attr: MatcherSet } | null = null;

function matchers(): { text: MatcherSet; attr: MatcherSet } {
  if (matcherSets) return matcherSets;
  const data = fieldKeywordGroups();
  // Each entry read once, though it may serve both sets (the en lists).
  const read = new Map<string, KeywordEntry | null>();
  const entry = (raw: string): KeywordEntry | null => {
    let e = read.get(raw);
    if (e === undefined) read.set(raw, (e = keywordEntry(raw)));
    return e;
  };
  const listsOf = (g: Group): Readonly<Record<string, readonly string[]>> => (Object.hasOwn(data, g) ? (data[g] ?? {}) : {});
  matcherSets = {
    // Label and nearby text: every language's words.
    text: { attr: false, matcher: keywordMatcher(GROUPS.map((g) => Object.entries(listsOf(g)).flatMap(([lang, list]) => (lang === 'attr' ? [] : list.map(entry))))) },
    // name/id: attribute tokens and English words.
    attr: { attr: true, matcher: keywordMatcher(GROUPS.map((g) => [...(listsOf(g)['attr'] ?? []), ...(listsOf(g)['en'] ?? [])].map(entry))) },
  };
  return matcherSets;
}

/**
 * A normalised text and, once asked, the groups (bits: GROUPS) it holds for each matcher set.
 * Shared through the memo below, so a text seen again (the same label on every row, a control
 * classified with and without card context) is normalised and matched once.
 */
interface Text {
  spaced: string;
  /** Groups in the text as a label or nearby text; -1 until asked. */
  textGroups: number;
  /** Groups in the text as a name/id; -1 until asked. */
  attrGroups: number;
}

/** Texts by source string. Bounded: cleared when full (a page's distinct labels fit easily). */
const MEMO_SIZE = 2048;
let memo = new Map<string, Text>();

function toText(s: string): Text {
  const hit = memo.get(s);
  if (hit) return hit;
  const t: Text = { spaced: normaliseText(s), textGroups: -1, attrGroups: -1 };
  if (memo.size >= MEMO_SIZE) memo = new Map();
  memo.set(s, t);
  return t;
}

function groupsOf(set: MatcherSet, t: Text): number {
  if (set.attr) return t.attrGroups >= 0 ? t.attrGroups : (t.attrGroups = set.matcher.groupsIn(t.spaced));
  return t.textGroups >= 0 ? t.textGroups : (t.textGroups = set.matcher.groupsIn(t.spaced));
}

function has(set: MatcherSet, g: Group, t: Text): boolean {
  return (groupsOf(set, t) & BIT[g]) !== 0;
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
  if (value === '') return ''; // most controls: no attribute
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
    const t = toText(o).spaced;
    const m = /^(\d{1,4})(?:\s?[月年월년])?(?:\s?[-–]\s?.*)?$/.exec(t);
    if (m) out.push(Number(m[1]));
  }
  return out;
}

/** A select listing the months (01–12, 1月…12月, Jan…Dec) and nothing else. */
function isMonthSelect(d: FieldDescription, nums: number[]): boolean {
  if (d.optionCount < 12 || d.optionCount > 14) return false;
  if (nums.length >= 5 && nums.every((n) => n >= 1 && n <= 12)) return true;
  return d.options.filter((o) => MONTH_NAMES.test(toText(o).spaced.replace(/^\d+\s?-?\s?/, ''))).length >= 5;
}

/** A select listing years from about now onwards (2025, 2026 … or 25, 26 …): a card's, not a birth year's. */
function isExpiryYearSelect(nums: number[]): boolean {
  if (nums.length < 3) return false;
  const years = nums.map((n) => (n < 100 ? 2000 + n : n));
  if (!years.every((y) => y >= 2015 && y <= 2100)) return false;
  // Ascending: expiry lists count up from this year; birth-year lists count down.
  for (let i = 1; i < years.length; i++) if ((years[i] ?? 0) < (years[i - 1] ?? 0)) return false;
  return true;
}

/** Year lists that reach back decades (birth years). */
function isPastYearSelect(nums: number[]): boolean {
  return nums.some((y) => y >= 1000 && y < 2010);
}

// ---------------------------------------------------------------------------------------------
// The keyword decision for one source of text

const SILENT = 'silent' as const;
type Verdict = FieldKind | typeof SILENT | null;

function keywordVerdict(t: Text, m: MatcherSet, d: FieldDescription, ctx: FieldContext): Verdict {
  if (!t.spaced || groupsOf(m, t) === 0) return null;
  // The card context is read last in each test (pure tests, so the answer is the same): a
  // caller may then learn that the context did not matter (see describe.ts).
  if (has(m, 'captcha', t)) return SILENT;
  if (has(m, 'otp', t)) return 'otp';
  if (has(m, 'not-sensitive', t)) return SILENT;
  if (has(m, 'card-cvc', t) || (has(m, 'card-cvc-context', t) && ctx.cardContext)) {
    return has(m, 'sms', t) ? 'otp' : 'card-cvc';
  }
  if (has(m, 'date-of-birth', t)) return SILENT;
  if (has(m, 'card-expiry', t) || (has(m, 'card-expiry-context', t) && ctx.cardContext)) {
    return has(m, 'not-card-date', t) ? SILENT : 'card-expiry';
  }
  // "HKID card number": an identity card is not a bank card. "Passport expiry date": a date.
  if (has(m, 'id-number', t)) return has(m, 'card-expiry-context', t) ? SILENT : 'id-number';
  if (has(m, 'card-number', t) || (has(m, 'card-number-context', t) && ctx.cardContext)) {
    if (has(m, 'card-holder', t)) return SILENT;
    if (has(m, 'password', t)) return 'password'; // 카드 비밀번호, a card PIN's first digits
    return 'card-number';
  }
  if (has(m, 'otp-generic', t)) {
    const text = matchers().text;
    const evidence = toText([d.following, d.nearby].join(' '));
    const sms = has(text, 'sms', evidence) || has(m, 'sms', t);
    // A code read off a picture is a captcha, not a one-time code.
    if (!sms && (d.imageNearby || has(text, 'captcha', evidence))) return SILENT;
    // "Verification code" in a card form, short and not sent by SMS: the card's code.
    if (!sms && (d.maxLength === null || d.maxLength <= 4) && ctx.cardContext) return 'card-cvc';
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
  if (AC_ORDINARY.has(token) && d.type !== 'password') return strongCardLabel(d);

  if (select) return classifySelect(d, ctx);

  // Each text is normalised and matched only when the decision gets to it; toText's memo makes
  // asking again cheap (a page's rows repeat their labels).
  const m = matchers();
  const label = labelOf(d);
  // Visible text first (what the user reads), then name/id: Chinese sites often name an ID
  // card's number "cardNo", and the text beside the box says 证件号码.
  let verdict: Verdict = keywordVerdict(label, m.text, d, ctx);
  if (!verdict) verdict = keywordVerdict(toText(d.nearby), m.text, d, ctx);
  if (!verdict) verdict = keywordVerdict(toText(d.groupLabel), m.text, d, ctx);
  if (!verdict) verdict = keywordVerdict(attrsOf(d), m.attr, d, ctx);
  if (verdict === SILENT) return null;
  // "Nectar card number" named loyaltyCardNumber: a store card is not a bank card.
  if (verdict === 'card-number' && has(m.attr, 'not-sensitive', attrsOf(d))) return null;
  if (verdict) return verdict;

  if (isSplitCardBox(d, ctx)) return 'card-number';
  if (d.type === 'password' || acPassword) return 'password';
  return null;
}

/**
 * An ordinary autocomplete token (`tel` on "Credit card number": a copied attribute) does not
 * silence a visible label that names a card field outright; anything less, and the token is trusted.
 */
function strongCardLabel(d: FieldDescription): FieldKind | null {
  if (d.tag === 'select') return null;
  const text = matchers().text;
  const v = keywordVerdict(labelOf(d), text, d, { cardContext: false }) ?? keywordVerdict(toText(d.nearby), text, d, { cardContext: false });
  return v === 'card-number' || v === 'card-cvc' || v === 'card-expiry' ? v : null;
}

function labelOf(d: FieldDescription): Text {
  return toText([d.label, d.placeholder, d.title].join(' '));
}

function attrsOf(d: FieldDescription): Text {
  return toText([d.name, d.id].join(' '));
}

const CARDISH = /(?<![a-z])(card|cc|credit)(?![a-z])|卡|카드|カード/;

/** One of 4 (3–5) boxes of maxlength 4 that together take a card number. */
function isSplitCardBox(d: FieldDescription, ctx: FieldContext): boolean {
  if (d.tag !== 'input' || d.maxLength !== 4 || d.groupSize < 3 || d.groupSize > 5) return false;
  if (!/^(text|tel|number|password)$/.test(d.type)) return false;
  const texts = [labelOf(d), attrsOf(d), toText(d.nearby), toText(d.groupLabel)];
  return texts.some((t) => CARDISH.test(t.spaced)) || ctx.cardContext;
}

function classifySelect(d: FieldDescription, ctx: FieldContext): FieldKind | null {
  const m = matchers();
  const texts = [toText([d.label, d.title].join(' ')), toText(d.nearby), toText(d.groupLabel)];
  const attrs = attrsOf(d);
  const any = (g: Group): boolean => texts.some((t) => has(m.text, g, t)) || has(m.attr, g, attrs);
  if (any('date-of-birth') || any('not-sensitive')) return null;
  // Only an expiry word or a card form makes a select an expiry: otherwise its options need no reading.
  const expiryWord = any('card-expiry');
  if (!expiryWord && !ctx.cardContext) return null;
  const nums = optionNumbers(d);
  if (isPastYearSelect(nums)) return null;
  const month = isMonthSelect(d, nums);
  const year = isExpiryYearSelect(nums);
  if (expiryWord && (month || year || d.optionCount === 0)) return any('not-card-date') ? null : 'card-expiry';
  // In a card form, month and year lists are the expiry (a birth date would have said so, or counted down).
  return (month || year) && !any('not-card-date') && ctx.cardContext ? 'card-expiry' : null;
}
