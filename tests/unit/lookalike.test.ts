// The look-alike analyser: pure and table-driven. Hosts first (what the URL alone says), then the
// verdict with the probe's booleans.
import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../utils/carriers';
import { analyseHost, editDistance, judgeLookalike, type ProbeSignals } from '../../utils/lookalike';
import { brandsIn, LURE_WORDS, SIGN_IN_WORDS } from '../../utils/lookalike-words';
import { decodePunycode, hostToUnicode } from '../../utils/punycode';

// host → [imitated carrier or null, strong]
const HOSTS: [string, string | null, boolean][] = [
  // The carriers' own hosts, listed or not, and known other companies: never look-alikes.
  ['www.hk.chinamobile.com', null, false],
  ['evil.hk.chinamobile.com', null, false],
  ['ncas.hk.chinamobile.com', null, false],
  ['www.chinamobile.com', null, false],
  ['www.cmhk.com', null, false], // China Merchants
  ['cmhk.com', null, false],
  ['shop.smartone.com', null, false],
  ['www.three.com.hk', null, false],
  // Ordinary sites.
  ['practice.example', null, false],
  ['www.google.com', null, false],
  ['threejs.org', null, false], // "three" only as a whole word
  ['www.mobile01.com', null, false],
  ['smart.one.example', null, false],
  // A carrier domain written into another host.
  ['www.hk.chinamobile.com.evil.example', 'cmhk', true],
  ['hk-chinamobile.com.example-login.com', 'cmhk', true],
  ['www.hk-chinamobile.com', 'cmhk', true],
  ['www.smartone.com.hk-login.example', 'smartone', true],
  ['three.com.hk.points.example', 'three', true],
  // Brands as words of the host.
  ['cmhk-points.example', 'cmhk', false],
  ['chinamobile-rewards.top', 'cmhk', false],
  ['smartone-hk.example', 'smartone', false],
  ['hkcsl-login.example', 'csl', false],
  ['cuniq-esim.example', 'cuniq', false],
  ['fetnet-points.example', 'fetnet', false],
  ['1010-rewards.example', 'csl', false],
  ['three-hk.example', 'three', true], // "threehk" split by a hyphen
  ['mylink-points.example', 'cmhk', false],
  ['mysmartonegym.example', 'smartone', false],
  // Hyphenation and typos.
  ['china-mobile-hk.example', 'cmhk', true],
  ['smart-one.example', 'smartone', true],
  ['chinarnobile.example', 'cmhk', true],
  ['chinamobi1e-hk.example', 'cmhk', true],
  ['chlnamobile.example', 'cmhk', true],
  ['smart0ne.example', 'smartone', true],
  ['smartome.example', 'smartone', true],
  ['fetmet.example', 'fetnet', true],
  ['smartones.example', 'smartone', false], // inside a longer word
  // Internationalised hosts, decoded.
  ['xn--fiq66in6dg69b.com', 'cmhk', true], // 中國移動.com
  ['xn---hk-u68dx8rdphvx2e.com', 'cmhk', true], // 中国移动-hk.com
  ['www.xn--chinambile-jvi.com', 'cmhk', true], // chinamоbile (Cyrillic о)
  ['xn--smartne-ejg.com', 'smartone', true], // smartоne
  ['xn--sdvu24b06q.hk', 'smartone', true], // 數碼通.hk
  ['xn--v0q456m.net', 'fetnet', true], // 遠傳.net
  ['xn--hk-chinamobile-xyz.com', 'cmhk', true],
  ['xn--fiq228c.com', null, false], // 中文.com
  // Case and trailing dots do not hide anything.
  ['WWW.HK-CHINAMOBILE.COM.', 'cmhk', true],
];

describe('analyseHost', () => {
  it.each(HOSTS)('%s → %s (strong: %s)', (host, carrier, strong) => {
    const result = analyseHost(host);
    expect(result.carrier).toBe(carrier);
    if (carrier) expect(result.strong).toBe(strong);
  });

  it('never flags an official host, of any carrier', () => {
    for (const c of CARRIERS) for (const h of c.hosts) expect(analyseHost(h).carrier).toBeNull();
  });
});

const NONE: ProbeSignals = { passwordField: false, cardField: false, brands: [], signInWords: false, lureWords: false };
const PHISH: ProbeSignals = { passwordField: true, cardField: false, brands: ['cmhk'], signInWords: true, lureWords: true };

// url, signals → imitated carrier or null
const PAGES: [string, ProbeSignals | null, string | null][] = [
  ['https://www.hk-chinamobile.com/tc/login', PHISH, 'cmhk'],
  ['https://www.hk-chinamobile.com/', NONE, 'cmhk'], // strong host alone
  ['https://www.hk-chinamobile.com/', null, 'cmhk'],
  ['http://www.hk.chinamobile.com.evil.example/', NONE, 'cmhk'],
  ['https://cmhk-points.example/', NONE, 'cmhk'], // a strong brand as a whole word
  ['https://mysmartonegym.example/', NONE, null], // only inside a word: needs a page sign
  ['https://mysmartonegym.example/', { ...NONE, passwordField: true }, 'smartone'],
  ['https://three.points.example/', NONE, null], // weak brand: needs a page sign
  ['https://three.points.example/', { ...NONE, signInWords: true }, 'three'],
  ['https://three-hk.example/', NONE, 'three'],
  // No brand in the host: the page must name a carrier and lure or ask for a password under sign-in words.
  ['https://points-hk.example/', { ...NONE, brands: ['cmhk'], lureWords: true }, 'cmhk'],
  ['https://points-hk.example/', { ...NONE, brands: ['smartone'], signInWords: true, passwordField: true }, 'smartone'],
  ['https://news.example/', { ...NONE, brands: ['cmhk'] }, null],
  ['https://news.example/', { ...NONE, brands: ['cmhk'], signInWords: true }, null],
  ['https://shop.example/', { ...NONE, cardField: true, signInWords: true }, null],
  // Never a look-alike: official hosts (even over http), carrier-owned and known other hosts.
  ['https://www.hk.chinamobile.com/tc/login', PHISH, null],
  ['http://www.hk.chinamobile.com/tc/login', PHISH, null],
  ['https://evil.hk.chinamobile.com/', PHISH, null],
  ['https://www.cmhk.com/', PHISH, null],
  ['chrome://settings/', PHISH, null],
  ['not a url', PHISH, null],
];

describe('judgeLookalike', () => {
  it.each(PAGES)('%s %j → %s', (url, signals, carrier) => {
    expect(judgeLookalike(url, signals)?.carrier ?? null).toBe(carrier);
  });
});

describe('helpers', () => {
  it('edit distance', () => {
    expect(editDistance('chinamobile', 'chinamobile')).toBe(0);
    expect(editDistance('chlnamobile', 'chinamobile')).toBe(1);
    expect(editDistance('smartones', 'smartone')).toBe(1);
    expect(editDistance('abcdefgh', 'smartone', 2)).toBe(3);
  });

  it('punycode decoding (RFC 3492)', () => {
    expect(decodePunycode('fiq66in6dg69b')).toBe('中國移動');
    expect(decodePunycode('chinambile-jvi')).toBe('chinamоbile');
    expect(decodePunycode('!!')).toBeNull();
    expect(hostToUnicode('www.xn--fiq228c.com')).toBe('www.中文.com');
  });

  it('probe words in three languages', () => {
    expect(brandsIn('中國移動香港 · 可用積分查詢')).toEqual(['cmhk']);
    expect(brandsIn('SmarTone My Account')).toEqual(['smartone']);
    expect(brandsIn('Three HK')).toEqual(['three']);
    expect(brandsIn('Buy three apples')).toEqual([]);
    expect(SIGN_IN_WORDS.test('忘記客戶密碼?')).toBe(true);
    expect(SIGN_IN_WORDS.test('Sign in')).toBe(true);
    expect(LURE_WORDS.test('兌換我的獎賞')).toBe(true);
    expect(LURE_WORDS.test('积分兑换')).toBe(true);
    expect(LURE_WORDS.test('Your points will expire soon')).toBe(true);
    expect(LURE_WORDS.test('Top up your balance')).toBe(false);
  });
});
