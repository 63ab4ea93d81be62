// The guide's data under test: every text in three languages and the right script, every fact
// cited, every citation found in the project's own fact sheet (docs/facts/, in this repository:
// nothing here reads a file outside it) with its confidence, uncertain
// facts hedged, hosts sane, no seller links, and the JSON files sorted and round-trip stable.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GUIDE, isSourced, SOURCES, sourcedOnly } from '../../utils/guide';
import { localize } from '../../utils/language';
import { carrierStepText, primaryContact } from '../../utils/shown-carrier';
import { CARRIER_IDS } from '../../utils/carriers';
import {
  LANGUAGES,
  STEP_IDS,
  type Carrier,
  type Guide,
  type Language,
  type LocalText,
  type Source,
  type TiedAccount,
  ROUTE_IDS,
} from '../../utils/types';

const here = path.dirname(fileURLToPath(import.meta.url));
const guideDir = path.resolve(here, '../../assets/guide');
const factsDir = path.resolve(here, '../../docs/facts');
const referencePath = path.join(factsDir, 'carriers.md');

const raw = (file: string) => fs.readFileSync(path.join(guideDir, file), 'utf8');
const files = ['carriers.json', 'sources.json', 'guide.json', 'tied-accounts.json'] as const;
const carriers = (JSON.parse(raw('carriers.json')) as { carriers: Carrier[] }).carriers;
const sources = (JSON.parse(raw('sources.json')) as { sources: Source[] }).sources;
const tied = (JSON.parse(raw('tied-accounts.json')) as { tied: TiedAccount[] }).tied;
const guide = { ...(JSON.parse(raw('guide.json')) as Omit<Guide, 'tied'>), tied } as Guide;
const sourceById = new Map(sources.map((s) => [s.id, s]));
const allHosts = new Set(carriers.flatMap((c) => c.hosts));

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// carriers.md, parsed into sections of table rows and list items

interface RefEntry {
  /** First table cell, or the bold lead text of a list item. */
  key: string;
  /** The confidence cell (last table cell), or the list item's whole text. */
  confidenceText: string;
  /** Everything in the row or item. */
  text: string;
  /** A table row's cells by (lower-case) column name; empty for a list item. */
  cells: Record<string, string>;
}

function parseReference(md: string): Map<string, RefEntry[]> {
  const sections = new Map<string, RefEntry[]>();
  let entries: RefEntry[] | null = null;
  let item: RefEntry | null = null;
  // The table's header: the confidence is read from the column named so (else the last cell).
  let header: string[] = [];
  for (const line of md.split('\n')) {
    if (line.startsWith('## ')) {
      entries = [];
      sections.set(line.slice(3).trim(), entries);
      item = null;
      header = [];
      continue;
    }
    if (!entries) continue;
    if (line.startsWith('|')) {
      item = null;
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue; // separator row
      if (header.length === 0) {
        header = cells.map((c) => c.toLowerCase());
        continue;
      }
      const text = cells.join(' | ');
      const at = header.indexOf('confidence');
      const confidenceText = (at >= 0 ? cells[at] : cells[cells.length - 1]) ?? '';
      entries.push({ key: cells[0] ?? '', confidenceText, text, cells: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) });
      continue;
    }
    header = []; // a table ends at its first line that is not a row
    const lead = /^\s*(?:-|\d+\.)\s+(.*)$/.exec(line);
    if (lead) {
      const bold = /^\*\*(.+?)\*\*/.exec(lead[1] ?? '');
      item = { key: bold?.[1] ?? '', confidenceText: line, text: line, cells: {} };
      entries.push(item);
      continue;
    }
    if (item && /^\s+\S/.test(line)) {
      item.confidenceText += ` ${line.trim()}`;
      item.text += ` ${line.trim()}`;
    } else {
      item = null;
    }
  }
  return sections;
}

const reference = parseReference(fs.readFileSync(referencePath, 'utf8'));
const tiedReference = parseReference(fs.readFileSync(path.join(factsDir, 'tied-accounts.md'), 'utf8'));

function referenceEntry(source: Source): RefEntry | undefined {
  const sheet = source.sheet === 'tied-accounts.md' ? tiedReference : reference;
  return sheet.get(source.section)?.find((e) => e.key === source.row);
}

/** Confidence words in a row; `Medium-High` before its parts so it is read whole. */
function confidencesIn(text: string): string[] {
  return text.replace(/\*\*/g, '').match(/Medium-High|High|Medium|Low/g) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Every statement of the guide, with its texts and sources

interface Statement {
  where: string;
  texts: LocalText[];
  sources: string[] | undefined;
}

function statements(): Statement[] {
  const out: Statement[] = [];
  for (const list of ['checklist', 'cautions', 'ifItFails', 'cardNotes'] as const) {
    for (const c of guide[list]) out.push({ where: `guide.${list}.${c.id}`, texts: [c.text], sources: c.sources });
  }
  // Every route text is sourced: the generic steps (the online route), each route's steps, and
  // each carrier's routes and their texts.
  for (const s of guide.steps) out.push({ where: `guide.steps.${s.id}`, texts: [s.do], sources: s.sources });
  for (const r of guide.routes) {
    for (const [step, s] of Object.entries(r.steps)) out.push({ where: `guide.routes.${r.id}.${step}`, texts: [s.title, s.do], sources: s.sources });
  }
  for (const a of guide.tied) out.push({ where: `tied.${a.id}`, texts: [a.how], sources: a.sources });
  for (const c of carriers) {
    if (c.hosts.length > 0) out.push({ where: `${c.id}.hostSources`, texts: [], sources: c.hostSources });
    c.hotlines.forEach((h, i) => out.push({ where: `${c.id}.hotlines[${i}]`, texts: [h.label], sources: h.sources }));
    c.urlRules.forEach((r, i) => out.push({ where: `${c.id}.urlRules[${i}]`, texts: [], sources: r.sources }));
    for (const r of c.routes) {
      out.push({ where: `${c.id}.routes.${r.id}`, texts: [], sources: r.sources });
      for (const [step, s] of Object.entries(r.steps)) {
        out.push({ where: `${c.id}.routes.${r.id}.${step}`, texts: [s.do], sources: s.sources });
      }
    }
    for (const n of c.notes) out.push({ where: `${c.id}.notes.${n.id}`, texts: [n.text], sources: n.sources });
  }
  return out;
}

/** Every LocalText in a JSON value, with its path. */
function localTexts(value: unknown, at: string, out: { at: string; text: Record<string, unknown> }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => localTexts(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('en' in obj || 'zh-Hans' in obj || 'zh-Hant' in obj) out.push({ at, text: obj });
    else for (const [k, v] of Object.entries(obj)) localTexts(v, `${at}.${k}`, out);
  }
  return out;
}

const allLocalTexts = [
  ...localTexts(JSON.parse(raw('carriers.json')), 'carriers.json'),
  ...localTexts(JSON.parse(raw('guide.json')), 'guide.json'),
  ...localTexts(tied, 'tied-accounts.json'),
];

// Characters whose form differs between the scripts (ambiguous ones such as 注 后 台 面 里 余 几
// are left out: they are correct in both).
const TRADITIONAL_ONLY = [...'們這號話國說請網碼銀聯遠鴨註銷帳賬語與為務確認時問題個會後開關應當電費讀檢驗記錄續點擊頁處證動運營華門將還備實額轉攜詐騙撥從簡訊發儲隨讓給須沒寫換錯絕過間對錢戶刪復損幣匯賣買餘線灣傳難聽舉辦選單據內'];
const SIMPLIFIED_ONLY = [...'们这号话国说请网码银联远鸭销账语与为务确认时问题个会开关应当电费读检验记录续点击页处证动运营华门将还备实额转携诈骗拨从简讯发储随让给须没写换错绝过间对钱户删复损币汇卖买线湾传难听举办选单内'];

// Words that mark a statement as uncertain. "can" and "if" are left out on purpose: they appear in
// plain certain sentences ("if nothing happens, call…") and would make the check meaningless.
const HEDGE: Record<Language, RegExp> = {
  en: /\b(may|might|could|possibly|reportedly|reported|seems?|appears?|as far as we know|we found no|we could not confirm|not confirmed|check|roughly)\b/i,
  'zh-Hans': /可能|或许|似乎|一般|所知|据报|未找到|没有找到|未能确认|未经证实|请先查看|请先确认|请先核对|大致/,
  'zh-Hant': /可能|或許|似乎|一般|所知|據報|未找到|沒有找到|未能確認|未經證實|請先查看|請先確認|請先核對|大致/,
};

const SELLER = /telegram|\bt\.me\b|\bwa\.me\b|whatsapp|taobao|淘宝|淘寶|电报|電報|飞机群|飛機群|@[A-Za-z0-9_]{3,}/i;
const HOSTLIKE = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi;

// ---------------------------------------------------------------------------------------------

describe('guide data files', () => {
  it.each(files)('%s is stable (written with JSON.stringify(_, null, 2) + newline)', (file) => {
    const text = raw(file);
    expect(JSON.stringify(JSON.parse(text), null, 2) + '\n').toBe(text);
  });

  it('keeps keys in a fixed order', () => {
    const bad: string[] = [];
    const order = (where: string, obj: object, keys: string[]) => {
      const actual = Object.keys(obj);
      const expected = keys.filter((k) => k in obj);
      if (actual.join() !== expected.join()) bad.push(`${where}: ${actual.join()} (want ${expected.join()})`);
    };
    order('guide', JSON.parse(raw('guide.json')), ['lastChecked', 'checklist', 'steps', 'cautions', 'ifItFails', 'cardNotes', 'routes']);
    for (const r of guide.routes) {
      order(`guide.routes.${r.id}`, r, ['id', 'name', 'steps']);
      order(`guide.routes.${r.id}.steps`, r.steps, [...STEP_IDS]);
      for (const [step, s] of Object.entries(r.steps)) order(`guide.routes.${r.id}.${step}`, s, ['title', 'do', 'sources']);
    }
    for (const a of tied) order(`tied.${a.id}`, a, ['id', 'name', 'how', 'sources']);
    for (const list of ['checklist', 'cautions', 'ifItFails', 'cardNotes'] as const) {
      for (const c of guide[list]) order(`guide.${list}.${c.id}`, c, ['id', 'text', 'sources']);
    }
    for (const s of guide.steps) order(`guide.steps.${s.id}`, s, ['id', 'title', 'do', 'looksLike', 'neverType', 'sources']);
    for (const s of sources) order(`source ${s.id}`, s, ['id', 'sheet', 'section', 'row', 'confidence']);
    for (const c of carriers) {
      order(c.id, c, ['id', 'name', 'hosts', 'excludedHosts', 'website', 'hostSources', 'hotlines', 'urlRules', 'defaultRoute', 'routes', 'notes', 'brand']);
      c.hotlines.forEach((h, i) => order(`${c.id}.hotlines[${i}]`, h, ['number', 'label', 'sources']));
      c.urlRules.forEach((r, i) => order(`${c.id}.urlRules[${i}]`, r, ['path', 'host', 'step', 'sources']));
      for (const r of c.routes) {
        order(`${c.id}.routes.${r.id}`, r, ['id', 'sources', 'steps']);
        order(`${c.id}.routes.${r.id}.steps`, r.steps, [...STEP_IDS]);
        for (const [step, s] of Object.entries(r.steps)) order(`${c.id}.routes.${r.id}.${step}`, s, ['do', 'sources']);
      }
      for (const n of c.notes) order(`${c.id}.notes.${n.id}`, n, ['id', 'text', 'sources']);
    }
    for (const { at, text } of allLocalTexts) order(at, text, [...LANGUAGES]);
    expect(bad).toEqual([]);
  });

  it('sorts carriers by id with `other` last, sources by id, and hosts', () => {
    const ids: string[] = carriers.map((c) => c.id);
    const named: string[] = CARRIER_IDS.filter((id) => id !== 'other');
    expect(ids).toEqual([...named.sort(byCodeUnit), 'other']);
    const sourceIds = sources.map((s) => s.id);
    expect(sourceIds).toEqual([...sourceIds].sort(byCodeUnit));
    for (const c of carriers) {
      expect(c.hosts, c.id).toEqual([...c.hosts].sort(byCodeUnit));
      expect(c.excludedHosts, c.id).toEqual([...c.excludedHosts].sort(byCodeUnit));
    }
  });

  it('has unique ids everywhere', () => {
    const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes(carriers.map((c) => c.id))).toEqual([]);
    expect(dupes(sources.map((s) => s.id))).toEqual([]);
    const itemIds = [
      ...guide.checklist.map((c) => c.id),
      ...guide.cautions.map((c) => c.id),
      ...guide.ifItFails.map((c) => c.id),
      ...guide.cardNotes.map((c) => c.id),
      ...carriers.flatMap((c) => c.notes.map((n) => n.id)),
    ];
    expect(dupes(itemIds)).toEqual([]);
    for (const id of itemIds) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has the five steps in flow order', () => {
    expect(guide.steps.map((s) => s.id)).toEqual([...STEP_IDS]);
  });

  it('was last checked on a real ISO date that is not in the future', () => {
    expect(guide.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const time = Date.parse(`${guide.lastChecked}T00:00:00Z`);
    expect(new Date(time).toISOString().slice(0, 10)).toBe(guide.lastChecked);
    expect(time).toBeLessThanOrEqual(Date.now());
  });
});

describe('texts', () => {
  it('has every language, non-empty and trimmed, in every text', () => {
    const bad: string[] = [];
    for (const { at, text } of allLocalTexts) {
      if (Object.keys(text).sort().join() !== [...LANGUAGES].sort().join()) bad.push(`${at}: keys ${Object.keys(text).join()}`);
      for (const lang of LANGUAGES) {
        const value = text[lang];
        if (typeof value !== 'string' || value.length === 0) bad.push(`${at}.${lang}: empty`);
        else if (value !== value.trim() || /\s{2,}/.test(value)) bad.push(`${at}.${lang}: untrimmed whitespace`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('writes zh-Hans in simplified and zh-Hant in traditional characters', () => {
    const bad: string[] = [];
    for (const { at, text } of allLocalTexts) {
      const hans = String(text['zh-Hans']);
      const hant = String(text['zh-Hant']);
      const wrongInHans = TRADITIONAL_ONLY.filter((ch) => hans.includes(ch));
      const wrongInHant = SIMPLIFIED_ONLY.filter((ch) => hant.includes(ch));
      if (wrongInHans.length) bad.push(`${at}.zh-Hans has traditional ${wrongInHans.join('')}`);
      if (wrongInHant.length) bad.push(`${at}.zh-Hant has simplified ${wrongInHant.join('')}`);
      const differing = [...TRADITIONAL_ONLY, ...SIMPLIFIED_ONLY].some((ch) => hans.includes(ch));
      if (hans === hant && differing) bad.push(`${at}: zh-Hans and zh-Hant are identical`);
    }
    expect(bad).toEqual([]);
  });

  it('uses Hong Kong words in zh-Hant and mainland words in zh-Hans', () => {
    const bad: string[] = [];
    for (const { at, text } of allLocalTexts) {
      // Quoted words are page labels as the carrier writes them (CMHK's 「登錄密碼」, 3HK's “登入”).
      const hans = String(text['zh-Hans']).replace(/“[^”]*”/g, '');
      const hant = String(text['zh-Hant']).replace(/「[^」]*」/g, '');
      for (const word of ['登錄', '帳戶', '携号', '注銷', '註銷', '短信', '运营商', '運營商']) {
        if (hant.includes(word)) bad.push(`${at}.zh-Hant uses ${word}`);
      }
      for (const word of ['登入', '电讯商', '短讯', '携号转台']) {
        if (hans.includes(word)) bad.push(`${at}.zh-Hans uses ${word}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('never links to sellers or to hosts that are not official', () => {
    const bad: string[] = [];
    const strings: { at: string; value: string }[] = [];
    for (const { at, text } of allLocalTexts) {
      for (const lang of LANGUAGES) strings.push({ at: `${at}.${lang}`, value: String(text[lang]) });
    }
    for (const c of carriers) {
      strings.push({ at: `${c.id}.website`, value: c.website });
      c.hotlines.forEach((h, i) => strings.push({ at: `${c.id}.hotlines[${i}].number`, value: h.number }));
    }
    for (const { at, value } of strings) {
      // The tied-accounts list names WhatsApp, Telegram and Taobao as services to move, never as sellers: links and handles only there.
      const seller = at.startsWith('tied-accounts.json') ? /\bt\.me\b|\bwa\.me\b|@[A-Za-z0-9_]{3,}/i : SELLER;
      if (seller.test(value)) bad.push(`${at}: seller link or handle`);
      if (/http:\/\//i.test(value)) bad.push(`${at}: plain http link`);
      for (const m of value.matchAll(HOSTLIKE)) {
        const host = (m[1] ?? '').toLowerCase();
        if (!allHosts.has(host)) bad.push(`${at}: ${host} is not an official host`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('sources', () => {
  it('cites sources for every carrier-specific statement and every guide item, all of them known', () => {
    const bad: string[] = [];
    for (const s of statements()) {
      if (!s.sources || s.sources.length === 0) bad.push(`${s.where}: no sources`);
      for (const id of s.sources ?? []) if (!sourceById.has(id)) bad.push(`${s.where}: unknown source ${id}`);
    }
    expect(bad).toEqual([]);
  });

  it('uses every source it lists', () => {
    const cited = new Set(statements().flatMap((s) => s.sources ?? []));
    expect(sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });

  it('finds every source as a row of carriers.md, with its confidence', () => {
    expect(reference.size).toBeGreaterThan(3);
    const bad: string[] = [];
    for (const source of sources) {
      if (!(source.sheet === 'tied-accounts.md' ? tiedReference : reference).has(source.section)) {
        bad.push(`${source.id}: no section "## ${source.section}"`);
        continue;
      }
      const entry = referenceEntry(source);
      if (!entry) {
        bad.push(`${source.id}: no row "${source.row}" under "${source.section}"`);
        continue;
      }
      const stated = confidencesIn(entry.confidenceText);
      if (stated.length > 0 && !stated.includes(source.confidence)) {
        bad.push(`${source.id}: confidence ${source.confidence}, row says ${stated.join(' / ')}`);
      }
      // A row that states no confidence is an observation, not a checked fact: treat it as uncertain.
      if (stated.length === 0 && !['Medium', 'Low'].includes(source.confidence)) {
        bad.push(`${source.id}: row states no confidence, so it can be at most Medium`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps the fact sheet in the repository, every row with a source, a confidence and the date it was read', () => {
    const bad: string[] = [];
    for (const file of ['carriers.md', 'tied-accounts.md']) {
      const sheet = parseReference(fs.readFileSync(path.join(factsDir, file), 'utf8'));
      for (const [section, entries] of sheet) {
        for (const e of entries) {
          const where = `${file} § ${section}: ${e.key.slice(0, 40)}`;
          if (confidencesIn(e.confidenceText).length === 0) bad.push(`${where}: no confidence`);
          if (Object.keys(e.cells).length === 0) {
            if (!/Source:/.test(e.text) || !/Read \d{4}-\d{2}-\d{2}/.test(e.text)) bad.push(`${where}: no source or read date`);
            continue;
          }
          if (!(e.cells.source ?? '').trim()) bad.push(`${where}: no source`);
          if (!/^\d{4}-\d{2}-\d{2}\b/.test(e.cells.read ?? '')) bad.push(`${where}: no read date`);
          else if (e.cells.read!.slice(0, 10) > guide.lastChecked) bad.push(`${where}: read after the guide's lastChecked`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('says the facts were checked on the date the fact sheet says its sources were read', () => {
    const sheet = fs.readFileSync(referencePath, 'utf8');
    expect(sheet).toContain(`read again for this sheet on ${guide.lastChecked}`);
  });

  it('hedges every text that rests on a Medium or Low source', () => {
    const bad: string[] = [];
    for (const s of statements()) {
      const weak = (s.sources ?? []).some((id) => ['Medium', 'Low'].includes(sourceById.get(id)?.confidence ?? ''));
      if (!weak) continue;
      for (const text of s.texts) {
        for (const lang of LANGUAGES) if (!HEDGE[lang].test(text[lang])) bad.push(`${s.where}.${lang}: "${text[lang]}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('gives the CMHK part of a mixed-confidence row its own, lower confidence', () => {
    // "ValueGB High; CMHK Low": the CMHK revival figure must only ever be cited as Low.
    const cmhkRevival = carriers.find((c) => c.id === 'cmhk')?.notes.find((n) => /about a month/.test(n.text.en));
    expect(cmhkRevival).toBeDefined();
    expect(cmhkRevival?.sources.map((id) => sourceById.get(id)?.confidence)).toContain('Low');
  });
});

describe('carriers', () => {
  it('has valid hosts, each for one carrier only, never an excluded host', () => {
    const bad: string[] = [];
    const seen = new Map<string, string>();
    const excluded = new Set(carriers.flatMap((c) => c.excludedHosts));
    for (const c of carriers) {
      for (const host of [...c.hosts, ...c.excludedHosts]) {
        if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(host)) bad.push(`${c.id}: bad host ${host}`);
        if (host.split('.').some((label) => label.startsWith('xn--'))) bad.push(`${c.id}: punycode host ${host}`);
      }
      for (const host of c.hosts) {
        if (seen.has(host)) bad.push(`${host}: in ${seen.get(host)} and ${c.id}`);
        seen.set(host, c.id);
        if (excluded.has(host)) bad.push(`${c.id}: ${host} is also excluded`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('takes every host from the domains row it cites', () => {
    const bad: string[] = [];
    for (const c of carriers) {
      const rows = c.hostSources.map((id) => sourceById.get(id)).map((s) => (s ? referenceEntry(s)?.text : undefined));
      for (const host of [...c.hosts, ...c.excludedHosts]) {
        if (!rows.some((text) => text?.includes(`\`${host}\``))) bad.push(`${c.id}: ${host} not in its cited row`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has an https website on an official host (none for `other`)', () => {
    for (const c of carriers) {
      if (c.id === 'other') {
        expect(c.hosts).toEqual([]);
        expect(c.website).toBe('');
        continue;
      }
      const url = new URL(c.website);
      expect(url.protocol, c.id).toBe('https:');
      expect(c.hosts, c.id).toContain(url.hostname);
    }
  });

  it('gives hotline numbers exactly as the cited row has them', () => {
    const bad: string[] = [];
    for (const c of carriers) {
      for (const h of c.hotlines) {
        if (!/^\+?\d[\d ]*\d$/.test(h.number)) bad.push(`${c.id}: odd number ${h.number}`);
        const rows = h.sources.map((id) => sourceById.get(id)).map((s) => (s ? referenceEntry(s)?.text : ''));
        if (!rows.some((text) => text?.includes(h.number))) bad.push(`${c.id}: ${h.number} not in its cited row`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has url rules that compile and stay on the carrier\'s hosts', () => {
    for (const c of carriers) {
      for (const r of c.urlRules) {
        expect(() => new RegExp(r.path, 'i'), `${c.id} ${r.path}`).not.toThrow();
        if (r.host !== undefined) expect(c.hosts, `${c.id} ${r.path}`).toContain(r.host);
        expect(r.step === null || (STEP_IDS as readonly string[]).includes(r.step), `${c.id} ${r.path}`).toBe(true);
      }
    }
  });

  it('keeps carrier step texts on known steps and routes, each route once, the default among them', () => {
    for (const c of carriers) {
      const ids = c.routes.map((r) => r.id);
      expect(new Set(ids).size, c.id).toBe(ids.length);
      for (const id of ids) expect(ROUTE_IDS as readonly string[]).toContain(id);
      expect(ids, `${c.id} default route`).toContain(c.defaultRoute);
      for (const r of c.routes) for (const step of Object.keys(r.steps)) expect(STEP_IDS as readonly string[]).toContain(step);
    }
  });

  it('offers the hotline route only where a hotline is known, and never for a Taiwan card the Hong Kong routes', () => {
    for (const c of carriers) {
      if (c.id === 'other') continue; // the number on the card's packaging
      if (c.routes.some((r) => r.id === 'hotline')) expect(c.hotlines.length, c.id).toBeGreaterThan(0);
    }
    const fetnet = carriers.find((c) => c.id === 'fetnet')!;
    expect(fetnet.routes.map((r) => r.id)).not.toContain('hotline');
  });

  it('has the five routes in order, every step of every route sourced (none left to the article)', () => {
    expect(guide.routes.map((r) => r.id)).toEqual([...ROUTE_IDS]);
    for (const r of guide.routes) {
      // online is the guide's own steps; every other route says what each of the five steps means on it
      if (r.id !== 'online') expect(Object.keys(r.steps), r.id).toEqual([...STEP_IDS]);
    }
    for (const s of guide.steps) expect(isSourced(s.sources), s.id).toBe(true);
  });
});

describe('utils/guide', () => {
  const cmhk = carriers.find((c) => c.id === 'cmhk')!;
  const cuniq = carriers.find((c) => c.id === 'cuniq')!;
  const other = carriers.find((c) => c.id === 'other')!;

  it('loads the same data the files hold', () => {
    expect(GUIDE).toEqual(guide);
    expect(GUIDE.tied.map((a) => a.id)).toEqual(tied.map((a) => a.id));
    expect(SOURCES).toEqual(sources);
  });

  it('localizes', () => {
    const text = { en: 'a', 'zh-Hans': 'b', 'zh-Hant': 'c' };
    expect(localize(text, 'en')).toBe('a');
    expect(localize(text, 'zh-Hans')).toBe('b');
    expect(localize(text, 'zh-Hant')).toBe('c');
  });

  it('counts a statement as sourced only when every cited source exists', () => {
    expect(isSourced(['hotline-cmhk'])).toBe(true);
    expect(isSourced([])).toBe(false);
    expect(isSourced(['hotline-cmhk', 'no-such-source'])).toBe(false);
  });

  it('gives carrier step text only when it is sourced', () => {
    expect(carrierStepText(sourcedOnly(cmhk), 'find-entry', 'hotline')?.en).toMatch(/12580/);
    expect(carrierStepText(sourcedOnly(other), 'find-entry', 'hotline')).toBeNull();
    const hotline = cmhk.routes.find((r) => r.id === 'hotline')!;
    const unsourced: Carrier = {
      ...cmhk,
      routes: [{ ...hotline, steps: { 'find-entry': { do: hotline.steps['find-entry']!.do, sources: ['nope'] } } }],
    };
    expect(carrierStepText(sourcedOnly(unsourced), 'find-entry', 'hotline')).toBeNull();
    const noNotes: Carrier = { ...cmhk, notes: cmhk.notes.map((n) => ({ ...n, sources: [] })) };
    expect(sourcedOnly(noNotes).notes).toEqual([]);
    expect(sourcedOnly(cmhk).notes.length).toBe(cmhk.notes.length);
  });

  it('names the primary contact: hotline, else website, else nothing', () => {
    expect(primaryContact(sourcedOnly(cmhk))).toEqual({ kind: 'phone', number: '12580', label: cmhk.hotlines[0]!.label });
    expect(primaryContact(sourcedOnly(cuniq))).toEqual({ kind: 'website', url: 'https://www.cuniq.com/' });
    expect(primaryContact(sourcedOnly(other))).toBeNull();
  });
});
