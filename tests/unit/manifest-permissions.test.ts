// The build hook's fixer (wxt.config.ts, build:manifestGenerated), tested as a pure function.
// tests/e2e/manifests.test.ts checks the real built manifests of both browsers.
import { describe, expect, it } from 'vitest';
import { fixManifestPermissions, permissionSummary, type ManifestPermissions } from '../../utils/manifest-permissions';
import { officialMatchPatterns } from '../../utils/match-patterns';
import { defaultSettings, parseProgress } from '../../utils/progress';

const official = officialMatchPatterns();

function generated(): ManifestPermissions {
  // What WXT hands the hook: MV3-style keys, plus a runtime script's matches added to the hosts.
  return {
    permissions: ['storage', 'scripting', 'activeTab'],
    host_permissions: [...official, '*://*/*'],
    optional_host_permissions: ['*://*/*'],
  };
}

describe('fixManifestPermissions', () => {
  it('MV2 (Firefox): optional origins move to optional_permissions; required hosts stay the official ones', () => {
    const m = fixManifestPermissions(generated(), { manifestVersion: 2, officialPatterns: official });
    expect(m.optional_permissions).toEqual(['*://*/*']);
    expect(m.optional_host_permissions).toBeUndefined();
    expect(m.host_permissions).toEqual(official);
  });

  it('MV3 (Chrome): keeps optional_host_permissions, strips stray required hosts', () => {
    const m = fixManifestPermissions(generated(), { manifestVersion: 3, officialPatterns: official });
    expect(m.optional_host_permissions).toEqual(['*://*/*']);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.host_permissions).toEqual(official);
    expect(m.permissions).toEqual(['storage', 'scripting', 'activeTab']);
  });

  it('MV2 with hosts already folded into permissions keeps only official ones', () => {
    const m = fixManifestPermissions({ permissions: ['storage', '<all_urls>', ...official] }, { manifestVersion: 2, officialPatterns: official });
    expect(permissionSummary(m)).toEqual({ api: ['storage'], hosts: [...official].sort(), optional: [] });
  });
});

describe('settings for sites (migration-safe)', () => {
  it('a stored version 1 without the new fields reads as the defaults, without a reset', () => {
    const old = { version: 1, carriers: {}, settings: { language: 'en', disabledEverywhere: false, disabledHosts: [], collapsed: false } };
    const { progress, notice } = parseProgress(old);
    expect(notice).toBeNull();
    expect(progress.settings).toEqual({ ...defaultSettings(), language: 'en' });
  });

  it('malformed site fields are corrupt (strict), like any other field', () => {
    const base = { language: null, disabledEverywhere: false, disabledHosts: [], collapsed: false };
    for (const extra of [
      { enabledSites: [{ origin: 'https://practice.example/path', carrier: 'other' }] },
      { enabledSites: [{ origin: 'https://practice.example', carrier: 'Evil!' }] },
      { enabledSites: [{ origin: 'https://practice.example', carrier: 'other', url: 'x' }] },
      { enabledSites: [{ origin: 'https://a.example', carrier: 'other' }, { origin: 'https://a.example', carrier: 'cmhk' }] },
      { enabledSites: 'https://a.example' },
      { lookalikeWarning: 'yes' },
      { somethingElse: true },
    ]) {
      expect(parseProgress({ version: 1, carriers: {}, settings: { ...base, ...extra } }).notice).toBe('reset-corrupt');
    }
    // A well-formed carrier id this version does not know drops that site alone, with a notice (issue 12).
    const unknown = parseProgress({ version: 1, carriers: {}, settings: { ...base, enabledSites: [{ origin: 'https://practice.example', carrier: 'evil' }] } });
    expect(unknown.notice).toBe('dropped-unknown');
    expect(unknown.progress.settings.enabledSites).toEqual([]);
    const ok = { ...base, enabledSites: [{ origin: 'http://a.example', carrier: 'cmhk' }], lookalikeWarning: true };
    expect(parseProgress({ version: 1, carriers: {}, settings: ok }).progress.settings).toEqual(ok);
  });
});
