import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../utils/carriers';
import { officialMatchPatterns } from '../../utils/match-patterns';
import { carrierForHost, officialSite } from '../../utils/site-trust';

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
  ['javascript:alert(1)', null],
  ['not a url', null],
  ['', null],
];

describe('officialSite', () => {
  it.each(TABLE)('%s → %s', (url, carrier) => {
    expect(officialSite(url)?.carrier ?? null).toBe(carrier);
  });

  it('reports the normalised host', () => {
    expect(officialSite('https://WWW.HK.CHINAMOBILE.COM.:443/x')?.host).toBe('www.hk.chinamobile.com');
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
      expect(officialSite(`https://${host}/`)).not.toBeNull();
    }
  });
});
