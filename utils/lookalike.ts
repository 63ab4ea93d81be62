// Look-alike analysis: does a page that is not official imitate a carrier? Pure, run in the
// background only. The host is read from the tab's URL (never from the page); the page's own
// signals come from the tiny probe (entrypoints/probe.content.ts) as a few booleans.
//
// Phishing around Hong Kong SIM cards copies the carrier's name into the host
// (`www.hk-chinamobile.com`, `hk-chinamobile.com.example-login.com`, `chinamоbile.com` with a
// Cyrillic о), and the carrier's sign-in wording and points-redemption lures into the page
// (see "Scams" in reference/carriers.md). Hostname first, page text second.
import { CARRIERS } from './carriers';
import { hostToUnicode } from './punycode';
import { carrierForHost, normaliseHost } from './site-trust';
import type { CarrierId } from './types';

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
}

export type HostReason =
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
  /** ASCII tokens. `weak` ones count only as a whole part of the host and need a page signal. */
  tokens: { token: string; weak?: boolean }[];
  /** Names in Chinese script, as they appear in decoded `xn--` labels. */
  unicode: string[];
}

export const BRANDS: readonly Brand[] = [
  {
    carrier: 'cmhk',
    tokens: [{ token: 'chinamobile' }, { token: 'cmhk' }, { token: 'mylink', weak: true }],
    unicode: ['中國移動', '中国移动', '中移動', '中移动'],
  },
  { carrier: 'smartone', tokens: [{ token: 'smartone' }], unicode: ['數碼通', '数码通'] },
  { carrier: 'csl', tokens: [{ token: 'hkcsl' }, { token: '1010', weak: true }], unicode: [] },
  { carrier: 'three', tokens: [{ token: 'three', weak: true }, { token: 'threehk' }], unicode: [] },
  { carrier: 'cuniq', tokens: [{ token: 'cuniq' }], unicode: [] },
  { carrier: 'fetnet', tokens: [{ token: 'fetnet' }], unicode: ['遠傳', '远传'] },
];

// Letters that pass for others at a glance (after NFKC, which already folds full-width forms).
const CONFUSABLES: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ı: 'i',
  ο: 'o', α: 'a', ν: 'v', ε: 'e', κ: 'k', τ: 't', ι: 'i', ℓ: 'l',
};

/** Folds digits and letter pairs that imitate letters: `smart0ne` → `smartone`, `chinarnobile` → `chinamobile`. */
function foldGlyphs(part: string): string {
  return [...part.normalize('NFKC')]
    .map((ch) => CONFUSABLES[ch] ?? ch)
    .join('')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/0/g, 'o')
    .replace(/1/g, 'l')
    .replace(/3/g, 'e')
    .replace(/5/g, 's');
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

const OWN_DOMAINS: readonly { carrier: CarrierId; domain: string }[] = CARRIERS.flatMap((c) =>
  [...new Set(c.hosts.map(registrable))].map((domain) => ({ carrier: c.id, domain })),
);
/** Hosts (and their subdomains) we know belong to someone else: `www.cmhk.com` is China Merchants. */
const KNOWN_OTHERS: readonly string[] = [
  ...new Set(CARRIERS.flatMap((c) => c.excludedHosts.map(registrable)).filter((d) => !OWN_DOMAINS.some((o) => o.domain === d))),
];
/** Carrier domains worth spotting inside another host: the ones with the brand in them. */
const EMBEDDABLE: readonly { carrier: CarrierId; domain: string }[] = CARRIERS.flatMap((c) =>
  [...new Set(c.hosts.flatMap((h) => [h, h.replace(/^www\./, '')]))].map((domain) => ({ carrier: c.id, domain })),
).filter((d) => d.domain.split('.').length >= 2);

function under(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

const NO_MATCH: HostAnalysis = { carrier: null, reasons: [], strong: false };

/**
 * Which carrier, if any, a host imitates, and how. Official hosts, unlisted hosts under a carrier's
 * own domain (`evil.hk.chinamobile.com` is still CMHK's) and known other companies are not look-alikes.
 */
export function analyseHost(hostname: string): HostAnalysis {
  const host = normaliseHost(hostname);
  if (!host || carrierForHost(host)) return NO_MATCH;
  if (OWN_DOMAINS.some((o) => under(host, o.domain))) return NO_MATCH;
  if (KNOWN_OTHERS.some((d) => under(host, d))) return NO_MATCH;

  const found = new Map<CarrierId, Set<HostReason>>();
  const add = (carrier: CarrierId, reason: HostReason) => {
    const set = found.get(carrier) ?? new Set<HostReason>();
    set.add(reason);
    found.set(carrier, set);
  };

  // A carrier's domain written into another host, with dots or hyphens.
  const dotted = host.replace(/-/g, '.');
  for (const { carrier, domain } of EMBEDDABLE) {
    if (host !== domain && (`.${dotted}.`.includes(`.${domain}.`))) add(carrier, 'official-host-embedded');
  }

  const unicodeHost = hostToUnicode(host);
  const labels = unicodeHost.split('.');
  const punycodeLabels = new Set(host.split('.').map((l, i) => (l.startsWith('xn--') ? i : -1)).filter((i) => i >= 0));

  for (const brand of BRANDS) {
    for (const name of brand.unicode) {
      if (labels.some((l, i) => punycodeLabels.has(i) && l.includes(name))) add(brand.carrier, 'unicode-brand');
    }
    labels.forEach((label, index) => {
      const isPunycode = punycodeLabels.has(index);
      const parts = label.split('-').filter(Boolean);
      const joined = parts.join('');
      const folded = foldGlyphs(joined);
      for (const { token, weak } of brand.tokens) {
        const whole = parts.includes(token);
        if (whole) add(brand.carrier, isPunycode ? 'unicode-brand' : 'brand-in-host');
        if (weak) continue;
        if (!whole && label.includes(token)) add(brand.carrier, isPunycode ? 'unicode-brand' : 'brand-substring');
        else if (!label.includes(token) && joined.includes(token)) add(brand.carrier, 'hyphenated-brand');
        else if (!joined.includes(token) && folded.includes(token)) add(brand.carrier, isPunycode ? 'unicode-brand' : 'typo-of-brand');
        else if (token.length >= 5 && !joined.includes(token)) {
          // One letter off (two for long names), in any part or in the joined label.
          const max = token.length >= 8 ? 2 : 1;
          const candidates = [...parts, joined, ...parts.map(foldGlyphs), folded];
          if (candidates.some((p) => p.length >= token.length - max && editDistance(p, token, max) <= max)) {
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
    reasons.has('unicode-brand')
  );
}

/** Strong whole-part tokens (`cmhk-points.com`) are enough on their own, too. */
function wholeStrongToken(host: string, carrier: CarrierId): boolean {
  const brand = BRANDS.find((b) => b.carrier === carrier);
  const parts = host.split(/[.-]/);
  return !!brand?.tokens.some((t) => !t.weak && parts.includes(t.token));
}

function parseHttpUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
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
export function judgeLookalike(url: string, signals: ProbeSignals | null): LookalikeVerdict | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  const host = normaliseHost(parsed.hostname);
  // An official host is the carrier's own, even over http (where it only redirects): not ours to judge.
  if (carrierForHost(host)) return null;
  const page: LookalikeVerdict['reasons'] = [];
  if (signals) {
    if (signals.brands.length > 0) page.push('brand-in-page');
    if (signals.signInWords) page.push('sign-in');
    if (signals.lureWords) page.push('lure');
    if (signals.passwordField || signals.cardField) page.push('sensitive-field');
  }
  const analysis = analyseHost(host);
  if (analysis.carrier) {
    if (analysis.strong || wholeStrongToken(host, analysis.carrier) || page.length > 0) {
      return { carrier: analysis.carrier, reasons: [...analysis.reasons, ...page] };
    }
    return null;
  }
  if (OWN_DOMAINS.some((o) => under(host, o.domain)) || KNOWN_OTHERS.some((d) => under(host, d))) return null;
  if (!signals || signals.brands.length === 0) return null;
  const lures = signals.lureWords || (signals.signInWords && (signals.passwordField || signals.cardField));
  return lures ? { carrier: signals.brands[0] as CarrierId, reasons: page } : null;
}
