// Every page of the practice carrier site is detected as the step it plays, in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carrierById } from '../../utils/carriers';
import { detectAll, detectStep } from '../../utils/detect/index';
import { takeSnapshot } from '../../utils/page/snapshot';

const SITE = join(__dirname, '../fixtures/practice-site');
const PAGES: [string, string | null][] = [
  ['index.html', 'sign-in'],
  ['login.html', 'sign-in'],
  ['account.html', 'find-entry'],
  ['deregister.html', 'submit-request'],
  ['pending.html', 'await-review'],
  ['done.html', 'confirmed'],
  ['refill.html', null],
  // The hotline route rings the number here (utils/page/hotline-on-page.ts); as a step, the page is none.
  ['contact.html', null],
];

function load(lang: string, file: string) {
  const html = readFileSync(join(SITE, lang, file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const path = `/${lang}/${file.replace(/(index)?\.html$/, '')}`;
  return takeSnapshot(doc, { hostname: 'www.hk.chinamobile.com', pathname: path, hash: '' }).snapshot;
}

describe.each(['tc', 'en'])('practice site /%s/', (lang) => {
  it.each(PAGES)('%s → %s', (file, step) => {
    const snap = load(lang, file);
    const found = detectStep(snap, carrierById('cmhk'));
    expect({ step: found?.step ?? null, all: detectAll(snap).map((s) => s.step) }).toMatchObject({ step });
  });
});
