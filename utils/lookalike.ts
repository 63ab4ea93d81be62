// Look-alike analysis: does a page that is not official imitate a carrier? Pure, run in the
// background only. The host is read from the tab's URL (never from the page); the page's own
// signals come from the tiny probe (entrypoints/probe.ts) as a few booleans.
//
// Phishing around Hong Kong SIM cards copies the carrier's name into the host
// (`www.hk-chinamobile.com`, `hk-chinamobile.com.example-login.com`, `chinamоbile.com` with a
// Cyrillic о), and the carrier's sign-in wording and points-redemption lures into the page
// (see "Scams" in reference/carriers.md). Hostname first, page text second.
import { CARRIERS } from './carriers';
import { brandsInText, skeleton } from './lookalike-fold';
import { LURE_WORDS, SIGN_IN_WORDS } from './lookalike-words';
import { hostToUnicode } from './punycode';
import { carrierForHost, normaliseHost } from './site-trust';
import type { Carrier, CarrierId } from './types';

/** What the probe reports: booleans and carrier ids, never a value or a piece of page text. */
export interface ProbeSignals {
  /** A password input on the page. */
  passwordField: boolean;
  /** A payment-card input (autocomplete cc-*, or named like one). */
  cardField: boolean;
  /** Carriers whose brand words appear in the title or headings. */
  brands: CarrierId[];
  /** Sign-in wording (登入, 找回賬戶, 忘記客戶密碼, sign in…). */
  signInWords: boolean;
  /** Points-redemption lures (可用積分查詢, 兌換我的獎賞, redeem points…). */
  lureWords: boolean;
  /** An identity-document input (HKID, ID card, passport number). */
  idField?: boolean;
  /** A one-time-code input (autocomplete one-time-code, OTP, SMS code). */
  otpField?: boolean;
  /**
   * The page's own words (title, headings, labels, buttons, links; capped): the background finds
   * brands, sign-in wording and lures in them, normalised (lookalike-fold.ts), so the probe carries
   * no word list. Never a value typed into the page.
   */
  text?: string;
  /** The words of its buttons and links (capped): sign-in wording and lures, not brands. */
  words?: string;
}

type HostReason =
  /** A brand token is a whole part of the host (`cmhk-points.com`). */
  | 'brand-in-host'
  /** A brand token only inside a longer word (`mysmartonegym.com`): weak. */
  | 'brand-substring'
  /** A brand split by hyphens (`china-mobile.com`). */
  | 'hyphenated-brand'
  /** A carrier's domain inside another host (`www.hk.chinamobile.com.evil.example`, `www.hk-chinamobile.com`). */
  | 'official-host-embedded'
  /** One or two letters off a brand, or look-alike letters (`chinarnobile`, `smart0ne`, Cyrillic о). */
  | 'typo-of-brand'
  /** A short brand one edit off as a whole part (`cmhq.example`): weak, the page must name the carrier. */
  | 'short-typo'
  /** A weak brand word (or a short brand's typo) beside `hk` (`csl-hk`, `rnr-hk`, `simreghk`): deliberate. */
  | 'brand-with-hk'
  /** An internationalised (`xn--`) label that decodes to a brand. */
  | 'unicode-brand';

export interface HostAnalysis {
  carrier: CarrierId | null;
  reasons: HostReason[];
  /** Imitation so deliberate that the host alone is enough. */
  strong: boolean;
}

export interface LookalikeVerdict {
  carrier: CarrierId;
  reasons: (HostReason | 'brand-in-page' | 'sign-in' | 'lure' | 'sensitive-field')[];
}

interface Brand {
  carrier: CarrierId;
  /** ASCII tokens. `weak` ones count only as a whole part of the host and need a page signal (or `hk` beside them). */
  tokens: { token: string; weak?: boolean }[];
  /** Names in Chinese script, as they appear in decoded `xn--` labels. */
  unicode: string[];
}

/** From the carrier data (assets/guide/carriers.json, `brand`): the names phishing copies. */
function brandsOf(carriers: readonly Carrier[]): Brand[] {
  return carriers.flatMap((c) =>
  c.brand
    ? [
        {
          carrier: c.id,
          tokens: [...c.brand.hostWords.map((token) => ({ token })), ...c.brand.weakHostWords.map((token) => ({ token, weak: true }))],
          unicode: c.brand.pageWords.filter((w) => /\p{Script=Han}/u.test(w)),
        },
      ]
    : [],
  );
}

/** Folds digits and look-alike letters: `smart0ne` → `smartone`, `chinarnobile` and `chinamobile` alike (lookalike-fold.ts). */
const foldGlyphs = skeleton;

/** True when `a` and `b` are one insertion, deletion, substitution or swap of neighbours apart. */
export function oneEditAway(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [...a].map((ch, i) => (ch === b[i] ? -1 : i)).filter((i) => i >= 0);
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/** The registrable part of an official host: `www.three.com.hk` → `three.com.hk`, `www.hk.chinamobile.com` → `chinamobile.com`. */
function registrable(host: string): string {
  const labels = host.split('.');
  const secondLevel = labels.length >= 3 && /^(?:com|net|org|edu|gov)$/.test(labels.at(-2) as string) && (labels.at(-1) as string).length === 2;
  return labels.slice(secondLevel ? -3 : -2).join('.');
}

/**
 * What the checks compare a host and a page with, all built from a carrier list (the data's, or a
 * fixture's in tests: adding a carrier is a data-only change).
 */
export interface LookalikeTables {
  carriers: readonly Carrier[];
  brands: readonly Brand[];
  /** The carriers' own registrable domains. */
  ownDomains: readonly { carrier: CarrierId; domain: string }[];
  /** Hosts (and their subdomains) we know belong to someone else: `www.cmhk.com` is China Merchants. */
  knownOthers: readonly string[];
  /** Carrier domains worth spotting inside another host: the ones with the brand in them. */
  embeddable: readonly { carrier: CarrierId; domain: string }[];
}

export function lookalikeTables(carriers: readonly Carrier[]): LookalikeTables {
  const ownDomains = carriers.flatMap((c) => [...new Set(c.hosts.map(registrable))].map((domain) => ({ carrier: c.id, domain })));
  return {
    carriers,
    brands: brandsOf(carriers),
    ownDomains,
    knownOthers: [...new Set(carriers.flatMap((c) => c.excludedHosts.map(registrable)).filter((d) => !ownDomains.some((o) => o.domain === d)))],
    embeddable: carriers
      .flatMap((c) => [...new Set(c.hosts.flatMap((h) => [h, h.replace(/^www\./, '')]))].map((domain) => ({ carrier: c.id, domain })))
      .filter((d) => d.domain.split('.').length >= 2),
  };
}

/** The tables of the carrier data. */
const DATA_TABLES = lookalikeTables(CARRIERS);
export const BRANDS: readonly Brand[] = DATA_TABLES.brands;

function under(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

const NO_MATCH: HostAnalysis = { carrier: null, reasons: [], strong: false };

/**
 * Which carrier, if any, a host imitates, and how. Official hosts, unlisted hosts under a carrier's
 * own domain (`evil.hk.chinamobile.com` is still CMHK's) and known other companies are not look-alikes.
 */
export function analyseHost(hostname: string, tables: LookalikeTables = DATA_TABLES): HostAnalysis {
  const host = normaliseHost(hostname);
  if (!host || carrierForHost(host, tables.carriers)) return NO_MATCH;
  if (tables.ownDomains.some((o) => under(host, o.domain))) return NO_MATCH;
  if (tables.knownOthers.some((d) => under(host, d))) return NO_MATCH;

  const found = new Map<CarrierId, Set<HostReason>>();
  const add = (carrier: CarrierId, reason: HostReason) => {
    const set = found.get(carrier) ?? new Set<HostReason>();
    set.add(reason);
    found.set(carrier, set);
  };

  // A carrier's domain written into another host, with dots or hyphens.
  const dotted = host.replace(/-/g, '.');
  for (const { carrier, domain } of tables.embeddable) {
    if (host !== domain && (`.${dotted}.`.includes(`.${domain}.`))) add(carrier, 'official-host-embedded');
  }

  const unicodeHost = hostToUnicode(host);
  const labels = unicodeHost.split('.');
  const punycodeLabels = new Set(host.split('.').map((l, i) => (l.startsWith('xn--') ? i : -1)).filter((i) => i >= 0));

  for (const brand of tables.brands) {
    for (const name of brand.unicode) {
      if (labels.some((l, i) => punycodeLabels.has(i) && l.includes(name))) add(brand.carrier, 'unicode-brand');
    }
    labels.forEach((label, index) => {
      const isPunycode = punycodeLabels.has(index);
      const parts = label.split('-').filter(Boolean);
      const joined = parts.join('');
      const folded = foldGlyphs(joined);
      // The word as a part beside an "hk" part, or glued to it (rnr-hk, rnrhk).
      const withHk = (t: string) => (parts.includes(t) && parts.includes('hk')) || parts.includes(`${t}hk`);
      for (const { token, weak } of brand.tokens) {
        const whole = parts.includes(token);
        if (whole) add(brand.carrier, isPunycode ? 'unicode-brand' : 'brand-in-host');
        if (weak) {
          // rnr-hk, csl-hk, simreghk: a weak word beside "hk" is no accident.
          if (withHk(token)) add(brand.carrier, 'brand-with-hk');
          continue;
        }
        if (token.length <= 4 && !whole) {
          // Short brands, one edit off as a whole part (cmhq, cmkh, cmcc → cmc c): weak alone, deliberate beside "hk".
          const typo = parts.find((p) => p.length >= token.length && (oneEditAway(p, token) || oneEditAway(foldGlyphs(p), foldGlyphs(token))));
          if (typo) add(brand.carrier, withHk(typo) ? 'brand-with-hk' : 'short-typo');
        }
        if (!whole && label.includes(token)) add(brand.carrier, isPunycode ? 'unicode-brand' : 'brand-substring');
        else if (!label.includes(token) && joined.includes(token)) add(brand.carrier, 'hyphenated-brand');
        else if (!joined.includes(token) && folded.includes(foldGlyphs(token))) add(brand.carrier, isPunycode ? 'unicode-brand' : 'typo-of-brand');
        else if (token.length >= 5 && !joined.includes(token)) {
          // One letter off (two for long names), in any part or in the joined label.
          const max = token.length >= 8 ? 2 : 1;
          const candidates = [...parts, joined];
          const foldedCandidates = [...parts.map(foldGlyphs), folded];
          const near = (list: string[], t: string) => list.some((p) => p.length >= t.length - max && editDistance(p, t, max) <= max);
          if (near(candidates, token) || near(foldedCandidates, foldGlyphs(token))) {
            add(brand.carrier, isPunycode ? 'unicode-brand' : 'typo-of-brand');
          }
        }
      }
    });
  }

  // The carrier with the strongest evidence wins; ties go to the order of BRANDS.
  const rank = (reasons: Set<HostReason>) => (isStrong(reasons) ? 10 : 0) + reasons.size;
  let best: [CarrierId, Set<HostReason>] | null = null;
  for (const entry of found) if (!best || rank(entry[1]) > rank(best[1])) best = entry;
  if (!best) return NO_MATCH;
  const reasons = [...best[1]].sort();
  return { carrier: best[0], reasons, strong: isStrong(best[1]) };
}

function isStrong(reasons: Set<HostReason>): boolean {
  return (
    reasons.has('official-host-embedded') ||
    reasons.has('hyphenated-brand') ||
    reasons.has('typo-of-brand') ||
    reasons.has('unicode-brand') ||
    reasons.has('brand-with-hk')
  );
}

/** Strong whole-part tokens (`cmhk-points.com`) are enough on their own, too. */
function wholeStrongToken(host: string, carrier: CarrierId, tables: LookalikeTables): boolean {
  const brand = tables.brands.find((b) => b.carrier === carrier);
  const parts = host.split(/[.-]/);
  return !!brand?.tokens.some((t) => !t.weak && parts.includes(t.token));
}

/**
 * The host a document answers for: its own (http, https), its creator's (`blob:https://host/…`),
 * or none (`data:`, judged by the page alone). Null for anything else.
 */
function documentHost(url: string): { hostname: string } | null {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' || u.protocol === 'http:') return u;
    if (u.protocol === 'blob:') return documentHost(u.pathname);
    return u.protocol === 'data:' ? { hostname: '' } : null;
  } catch {
    return null;
  }
}

/**
 * The verdict for a page: the carrier it imitates, or null. A host that imitates a carrier
 * counts when the imitation is deliberate (strong) or the page adds any sign (brand words,
 * sign-in wording, a lure, a password or card field). A host with no brand counts only when the
 * page both names a carrier and lures (points) or asks for a password or card under sign-in wording.
 */
export function judgeLookalike(url: string, reported: ProbeSignals | null, tables: LookalikeTables = DATA_TABLES): LookalikeVerdict | null {
  const parsed = documentHost(url);
  if (!parsed) return null;
  const signals = reported ? readText(reported, tables) : null;
  const host = normaliseHost(parsed.hostname);
  // An official host is the carrier's own, even over http (where it only redirects): not ours to judge.
  if (carrierForHost(host, tables.carriers)) return null;
  const page: LookalikeVerdict['reasons'] = [];
  if (signals) {
    if (signals.brands.length > 0) page.push('brand-in-page');
    if (signals.signInWords) page.push('sign-in');
    if (signals.lureWords) page.push('lure');
    if (signals.passwordField || signals.cardField || signals.idField || signals.otpField) page.push('sensitive-field');
  }
  const analysis = host ? analyseHost(host, tables) : NO_MATCH;
  if (analysis.carrier) {
    // A short brand's typo alone (cmhc, cmc) is too common a word: the page must name the carrier too.
    const onlyShortTypo = analysis.reasons.every((r) => r === 'short-typo');
    if (onlyShortTypo && !signals?.brands.includes(analysis.carrier)) return null;
    if (analysis.strong || wholeStrongToken(host, analysis.carrier, tables) || page.length > 0) {
      return { carrier: analysis.carrier, reasons: [...analysis.reasons, ...page] };
    }
    return null;
  }
  if (tables.ownDomains.some((o) => under(host, o.domain)) || tables.knownOthers.some((d) => under(host, d))) return null;
  if (!signals || signals.brands.length === 0) return null;
  // A carrier's name and a lure, a password under sign-in wording, or what a "cancel your
  // service" scam asks for: a bank card, an ID number or a one-time code (no sign-in words needed).
  const asks = signals.cardField || signals.idField === true || signals.otpField === true;
  const lures = signals.lureWords || (signals.signInWords && signals.passwordField) || asks;
  return lures ? { carrier: signals.brands[0] as CarrierId, reasons: page } : null;
}

/** The probe's text read here, normalised: brands, sign-in wording and lures added to its booleans. */
function readText(signals: ProbeSignals, tables: LookalikeTables): ProbeSignals {
  if (!signals.text && !signals.words) return signals;
  const text = `${signals.text ?? ''} \n ${signals.words ?? ''}`.normalize('NFKC').replace(/[\p{Cf}]/gu, '');
  return {
    ...signals,
    brands: [...new Set([...signals.brands, ...brandsInText(signals.text ?? '', tables === DATA_TABLES ? undefined : tables.carriers)])],
    signInWords: signals.signInWords || SIGN_IN_WORDS.test(text),
    lureWords: signals.lureWords || LURE_WORDS.test(text),
  };
}
