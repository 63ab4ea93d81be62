// CI-time check of every built manifest (no browser): the permission set each browser gets.
// Run after `npx wxt build` and `npx wxt build -b firefox` (npm test builds first). A missing
// build fails: the test must not pass by finding nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissionSummary } from '../../utils/manifest-permissions';
import { officialMatchPatterns } from '../../utils/match-patterns';
import { ROOT } from './harness/chromium';

const BUILDS = [
  { dir: 'chrome-mv3', version: 3 },
  { dir: 'firefox-mv2', version: 2 },
];

describe.each(BUILDS)('built manifest $dir', ({ dir, version }) => {
  const file = join(ROOT, '.output', dir, 'manifest.json');
  it('asks for storage, scripting, activeTab and the official hosts only; all sites only as optional', () => {
    expect(existsSync(file), `${file} (run the build first)`).toBe(true);
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    expect(manifest.manifest_version).toBe(version);
    expect(permissionSummary(manifest)).toEqual({
      api: ['activeTab', 'scripting', 'storage'],
      hosts: [...officialMatchPatterns()].sort(),
      optional: ['*://*/*'],
    });
    if (version === 2) {
      expect(manifest.optional_permissions).toEqual(['*://*/*']);
      expect(manifest.host_permissions).toBeUndefined();
    } else {
      expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    }
    // The probe is registered at run time only; the manifest's scripts are the official-host ones.
    const scripts = (manifest.content_scripts ?? []) as { js: string[]; matches: string[] }[];
    expect(scripts.flatMap((s) => s.js).sort()).toEqual(['content-scripts/guard.js', 'content-scripts/panel.js']);
    for (const s of scripts) expect([...s.matches].sort()).toEqual([...officialMatchPatterns()].sort());
    // The guard in every frame, also those without an origin of their own (about:blank, data:, blob:
    // payment frames); the panel in the top frame; both once the page is parsed.
    const byFile = (file: string) => (manifest.content_scripts as Record<string, unknown>[]).find((c) => (c.js as string[])[0] === file);
    expect(byFile('content-scripts/guard.js')).toMatchObject({ all_frames: true, match_about_blank: true, match_origin_as_fallback: true, run_at: 'document_end' });
    expect(byFile('content-scripts/panel.js')).toMatchObject({ run_at: 'document_end' });
    expect(byFile('content-scripts/panel.js')?.all_frames).toBeFalsy();
    expect(existsSync(join(ROOT, '.output', dir, 'content-scripts', 'probe.js'))).toBe(true);
  });

  it('has a settings page and the welcome page; the Firefox build declares Firefox for Android (issue 14)', () => {
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    expect(manifest.options_ui?.page).toBe('options.html');
    for (const page of ['options.html', 'welcome.html', 'popup.html']) expect(existsSync(join(ROOT, '.output', dir, page)), page).toBe(true);
    if (version === 2) expect(manifest.browser_specific_settings?.gecko_android?.strict_min_version).toBe('142.0');
  });
});
