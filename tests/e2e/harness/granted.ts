// A copy of the Chrome build with some optional host access made required, for tests that need a
// permission automation cannot grant through Chromium's prompt (the look-alike warning's all-sites
// access, one enabled site). Everything after the grant is the real code.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, CHROME_BUILD } from './chromium';

/** A temporary copy of the Chrome build with `grant` added to the required host access; remove it after. */
export function grantedCopy(grant: string[]): string {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'sim-exit-granted-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...grant];
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}
