// Per-carrier URL rules come before the generic detectors.
import { describe, expect, it } from 'vitest';
import { detectStep, matchUrlRule } from '../../../utils/detect/index';
import type { Carrier, PageSnapshot, UrlRule } from '../../../utils/types';
import { loadFixtures, snapshotOf } from './load-fixtures';

const byName = new Map(loadFixtures().map((f) => [f.name, f]));
function snap(name: string): PageSnapshot {
  const f = byName.get(name);
  if (!f) throw new Error(`no fixture ${name}`);
  return snapshotOf(f).snapshot;
}

function carrier(urlRules: UrlRule[]): Carrier {
  return {
    id: 'cmhk',
    name: { en: 'Test carrier', 'zh-Hans': '测试', 'zh-Hant': '測試' },
    hosts: ['www.hk.chinamobile.com', 'rnr.hk.chinamobile.com'],
    excludedHosts: [],
    website: 'https://www.hk.chinamobile.com/',
    hotlines: [],
    urlRules,
    defaultRoute: 'hotline',
    routes: [],
    notes: [],
    hostSources: ['test'],
  };
}

describe('URL rules', () => {
  const overview = snap('find-entry/account-overview-zh-hant.html');

  it('a rule with step null says the page is no step, whatever the page shows', () => {
    const c = carrier([{ path: '^/tc/account/overview$', step: null, sources: ['s'] }]);
    expect(detectStep(overview, c)).toBeNull();
  });

  it('ignores rules without sources', () => {
    const c = carrier([{ path: '^/tc/account/overview$', step: 'confirmed', sources: [] }]);
    expect(matchUrlRule(overview, c)).toBeUndefined();
    expect(detectStep(overview, c)?.step).toBe('find-entry');
  });

  it('matches the path case-insensitively and wins over the generic signals', () => {
    const c = carrier([{ path: '^/TC/ACCOUNT/OVERVIEW', step: 'submit-request', sources: ['s'] }]);
    expect(detectStep(overview, c)).toEqual({ step: 'submit-request' });
  });

  it('keeps the generic target of the step the rule names', () => {
    const c = carrier([{ path: '^/tc/account/', step: 'find-entry', sources: ['s'] }]);
    const signal = detectStep(overview, c);
    expect(signal?.step).toBe('find-entry');
    expect(overview.actions.find((a) => a.ref === signal?.target)?.text).toBe('取消電話儲值卡登記');
  });

  it('respects the host restriction', () => {
    const done = snap('confirmed/done-en.html');
    const c = carrier([{ path: '^/en/prepaid/', host: 'rnr.hk.chinamobile.com', step: 'await-review', sources: ['s'] }]);
    expect(detectStep(done, c)?.step).toBe('await-review');
    expect(detectStep({ ...done, host: 'www.hk.chinamobile.com' }, c)?.step).toBe('confirmed');
  });

  it('matches single-page routes in the hash', () => {
    const sms = snap('sign-in/mylink-sms-sign-in-zh-hans.html');
    const c = carrier([{ path: '#/sms$', step: 'sign-in', sources: ['s'] }]);
    expect(matchUrlRule(sms, c)?.path).toBe('#/sms$');
  });

  it('takes the first matching rule and skips broken patterns', () => {
    const c = carrier([
      { path: '(', step: 'confirmed', sources: ['s'] },
      { path: '^/tc/account', step: null, sources: ['s'] },
      { path: '^/tc/account/overview', step: 'confirmed', sources: ['s'] },
    ]);
    expect(detectStep(overview, c)).toBeNull();
  });
});
