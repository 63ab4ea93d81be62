import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../utils/carriers';
import { officialMatchPatterns } from '../../utils/match-patterns';
import { checkEnable } from '../../utils/enable-risk';
import { carrierForHost, officialSite, originOf, siteFor } from '../../utils/site-trust';

// The hostname alone decides. Each row: URL, the carrier it is official for, or null.
const TABLE: [string, string | null][] = [
  ['https://www.hk.chinamobile.com/tc/', 'cmhk'],
  ['https://WWW.HK.CHINAMOBILE.COM/en/', 'cmhk'],
  ['https://www.hk.chinamobile.com./sc/', 'cmhk'],
  ['https://www.hk.chinamobile.com:8443/tc/', 'cmhk'],
  ['https://eshop.hk.chinamobile.com/en/about_us/contact_us/index.html', 'cmhk'],
  ['https://1cm.hk.chinamobile.com/bill/prepaid-refill.html', 'cmhk'],
  ['https://rnr.hk.chinamobile.com/', 'cmhk'],
  ['https://www.cuniq.com/', 'cuniq'],
  ['https://store.cuniq.com/', 'cuniq'],
  ['https://esim.cuniq.com/', 'cuniq'],
  ['https://www.three.com.hk/', 'three'],
  ['https://web.three.com.hk/', 'three'],
  ['https://www.hkcsl.com/', 'csl'],
  ['https://www.1010.com.hk/', 'csl'],
  ['https://www.smartone.com/', 'smartone'],
  ['https://www.fetnet.net/', 'fetnet'],
  ['https://service.fetnet.net/', 'fetnet'],
  // Not the carrier, though the name looks close.
  ['https://www.cmhk.com/', null],
  ['https://ncas.hk.chinamobile.com/', null],
  ['https://onenet.hk.chinamobile.com/', null],
  ['https://hk.chinamobile.com/', null],
  ['https://evil.hk.chinamobile.com/', null],
  // Never official over http.
  ['http://www.hk.chinamobile.com/tc/', null],
  // Tricks.
  ['https://www.hk.chinamobile.com@evil.example/', null],
  ['https://evil.example/?https://www.hk.chinamobile.com/', null],
  ['https://www.hk.chinamobile.com.evil.example/', null],
  ['https://www-hk-chinamobile.com/', null],
  ['https://xn--www-hk-chinamobile-com.example/', null],
  ['https://www.hk.xn--chinamobile-xyz.com/', null],
  ['https://www.smartone.com.hk-login.example/', null],
  ['https://hk-chinamobile.com.example-login.com/', null],
  ['https://www.hk-chinamobile.com/', null],
  ['https://xn--hk-chinamobile-xyz.com/', null],
  ['https://xn--fiq66in6dg69b.com/', null], // 中國移動.com
  ['https://www.xn--chinambile-jvi.com/', null], // chinamоbile with a Cyrillic о
  ['https://www.hk.chinamobile.co/', null],
  ['https://www.hk.chinamobile.com.hk/', null],
  ['https://wwwhk.chinamobile.com/', null],
  ['https://www.hk.chinamobile.com%2eevil.example/', null],
  ['https://user:pass@www.hk.chinamobile.com/', 'cmhk'], // credentials are not the host
  ['https://www.hk.chinamobile.com:8443@evil.example/', null],
  // A backslash ends the host in http(s) URLs: the browser loads www.hk.chinamobile.com, path /@evil.example/.
  ['https://www.hk.chinamobile.com\\@evil.example/', 'cmhk'],
  ['https://cmhk.com/', null],
  ['HTTPS://WWW.SMARTONE.COM./', 'smartone'],
  ['http://www.smartone.com/', null],
  ['ftp://www.hk.chinamobile.com/', null],
  ['https://127.0.0.1/', null],
  ['javascript:alert(1)', null],
  ['not a url', null],
  ['', null],
];

describe('officialSite', () => {
  it.each(TABLE)('%s → %s', (url, carrier) => {
    expect(officialSite(url, CARRIERS)?.carrier ?? null).toBe(carrier);
  });

  it('reports the normalised host', () => {
    expect(officialSite('https://WWW.HK.CHINAMOBILE.COM.:443/x', CARRIERS)?.host).toBe('www.hk.chinamobile.com');
  });

  it('treats an excluded host as not ours even if a carrier listed it by mistake', () => {
    const carriers = CARRIERS.map((c) => (c.id === 'cmhk' ? { ...c, hosts: [...c.hosts, 'www.cmhk.com'] } : c));
    expect(carrierForHost('www.cmhk.com', carriers)).toBeNull();
  });
});

describe('manifest match patterns', () => {
  it('are exactly the official hosts over https, so the manifest and the data cannot drift', () => {
    const fromData = CARRIERS.flatMap((c) => c.hosts.map((h) => `https://${h}/*`)).sort();
    expect(officialMatchPatterns()).toEqual(fromData);
    for (const pattern of officialMatchPatterns()) {
      const host = pattern.slice('https://'.length, -2);
      expect(officialSite(`https://${host}/`, CARRIERS)).not.toBeNull();
    }
  });
});

describe('siteFor: official, enabled or not ours', () => {
  const enabled = [
    { origin: 'https://practice.example', carrier: 'cmhk' as const },
    { origin: 'http://plain.example', carrier: 'other' as const },
    // Even if storage said so, an official host is decided by the data alone.
    { origin: 'https://www.smartone.com', carrier: 'cmhk' as const },
  ];
  const ROWS: [string, string | null, string | null][] = [
    ['https://www.hk.chinamobile.com/tc/', 'official', 'cmhk'],
    ['https://www.smartone.com/', 'official', 'smartone'],
    ['https://practice.example/tc/login.html?x=1#y', 'enabled', 'cmhk'],
    ['https://PRACTICE.EXAMPLE.:8443/', 'enabled', 'cmhk'],
    ['http://practice.example/', null, null], // another origin: http is not the https site
    ['https://sub.practice.example/', null, null],
    ['https://practice.example.evil.example/', null, null],
    ['https://practice.example@evil.example/', null, null],
    ['http://plain.example/', 'enabled', 'other'],
    ['https://www.cmhk.com/', null, null],
    ['about:blank', null, null],
  ];
  it.each(ROWS)('%s → %s %s', (url, trust, carrier) => {
    const site = siteFor(url, enabled, CARRIERS);
    expect(site?.trust ?? null).toBe(trust);
    expect(site?.carrier ?? null).toBe(carrier);
  });

  it('never calls an enabled site official', () => {
    for (const url of ['https://practice.example/', 'http://plain.example/']) expect(siteFor(url, enabled, CARRIERS)?.trust).toBe('enabled');
  });

  it('keeps only scheme and host as the origin', () => {
    expect(originOf('https://Practice.Example.:444/a/b?c=d#e')).toBe('https://practice.example');
    expect(originOf('https://user:pw@practice.example/')).toBe('https://practice.example');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('chrome://settings')).toBeNull();
  });
});

describe('checkEnable: what must be confirmed before enabling', () => {
  const ROWS: [string, string | null, string[]][] = [
    ['https://practice.example/x', 'https://practice.example', []],
    ['http://practice.example/x', 'http://practice.example', ['http']],
    ['https://www.xn--chinambile-jvi.com/', 'https://www.xn--chinambile-jvi.com', ['punycode', 'lookalike']], // chinamоbile, Cyrillic о
    ['https://www.hk-chinamobile.com/tc/login', 'https://www.hk-chinamobile.com', ['lookalike']],
    ['http://www.hk.chinamobile.com.evil.example/', 'http://www.hk.chinamobile.com.evil.example', ['http', 'lookalike']],
    ['https://xn--fiq228c.com/', 'https://xn--fiq228c.com', ['punycode']],
    ['https://www.hk.chinamobile.com/', null, []], // official already
    ['chrome://extensions/', null, []],
  ];
  it.each(ROWS)('%s', (url, origin, risks) => {
    const check = checkEnable(url);
    if (origin === null) return expect(check.ok).toBe(false);
    expect(check).toMatchObject({ ok: true, origin, risks });
  });
});

