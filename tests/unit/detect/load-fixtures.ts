// Loads the step fixtures (tests/fixtures/steps/<step>/*.html) and snapshots them the way the
// content script does. Each fixture starts with comments: `<!-- path: … -->`, `<!-- host: … -->`
// and optionally `<!-- also: <step> (why) -->` for an earlier step's signal it legitimately shows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { takeSnapshot } from '../../../utils/page/snapshot';
import { STEP_IDS, type PageSnapshot, type StepId } from '../../../utils/types';

const FIXTURE_DIR = join(__dirname, '../../fixtures/steps') + '/';
export const FIXTURE_GROUPS = [...STEP_IDS, 'none'] as const;
type FixtureGroup = (typeof FIXTURE_GROUPS)[number];

export interface Fixture {
  group: FixtureGroup;
  file: string;
  name: string;
  html: string;
  host: string;
  path: string;
  also: StepId[];
}

function header(html: string, key: string): string | undefined {
  return new RegExp(`<!--\\s*${key}:\\s*([^\\s]+)[^>]*-->`).exec(html)?.[1];
}

export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of FIXTURE_GROUPS) {
    for (const file of readdirSync(FIXTURE_DIR + group).filter((f) => f.endsWith('.html')).sort()) {
      const html = readFileSync(`${FIXTURE_DIR}${group}/${file}`, 'utf8');
      const path = header(html, 'path');
      const host = header(html, 'host');
      if (!path || !host) throw new Error(`${group}/${file}: missing path or host comment`);
      const also = [...html.matchAll(/<!--\s*also:\s*([a-z-]+)/g)].map((m) => m[1] as StepId);
      out.push({ group, file, name: `${group}/${file}`, html, host, path, also });
    }
  }
  return out;
}

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Splits a fixture's path into pathname and hash, like `location`. */
function locationOf(host: string, path: string): { hostname: string; pathname: string; hash: string } {
  const i = path.indexOf('#');
  return { hostname: host, pathname: i === -1 ? path : path.slice(0, i), hash: i === -1 ? '' : path.slice(i) };
}

export function snapshotOf(f: Pick<Fixture, 'html' | 'host' | 'path'>): { snapshot: PageSnapshot; elements: Element[]; doc: Document } {
  const doc = parse(f.html);
  return { ...takeSnapshot(doc, locationOf(f.host, f.path)), doc };
}

/** The language a fixture is written in, from its <html lang>. */
export function languageOf(doc: Document): 'en' | 'zh-Hans' | 'zh-Hant' | 'other' {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  if (lang.startsWith('en')) return 'en';
  if (/^zh-(cn|sg|hans)/.test(lang)) return 'zh-Hans';
  if (/^zh-(hk|tw|mo|hant)/.test(lang)) return 'zh-Hant';
  return 'other';
}
