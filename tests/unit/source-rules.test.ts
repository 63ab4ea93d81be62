// The design's hard rules, checked over the sources: no HTML built from strings, no network,
// no console logging, and pure logic that never reaches into the UI or the entrypoints.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

const SHIPPED = ['entrypoints', 'components', 'utils'].flatMap(sources);

const FORBIDDEN: [string, RegExp][] = [
  ['HTML from strings', /\binnerHTML\b|\bouterHTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write\(|\beval\(|new Function\(/],
  ['network', /\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket|new EventSource/],
  ['console logging', /console\.(log|debug|info|warn|error)\(/],
];

describe('shipped sources', () => {
  it('exist', () => {
    expect(SHIPPED.length).toBeGreaterThan(10);
  });
  for (const [rule, pattern] of FORBIDDEN) {
    it(`contain no ${rule}`, () => {
      const hits = SHIPPED.filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8')));
      expect(hits).toEqual([]);
    });
  }
  it('keep pure logic (utils/) free of UI and entrypoint imports', () => {
    const hits = sources('utils').filter((f) =>
      /from\s+['"][^'"]*(components|entrypoints)\//.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(hits.map((f) => relative(ROOT, join(ROOT, f)))).toEqual([]);
  });
});
