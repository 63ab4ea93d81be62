// Progress: what the user has ticked and reached, per carrier and per card. Pure: no browser here.
// The background is the only writer (utils/background/progress-store.ts); every read goes through
// parseProgress, which never throws and never lets an unknown or malformed value through.
// What may be stored: carrier ids, step ids, checklist ids, card labels the user chose, settings.
// Never URLs, query strings, numbers or anything typed into a page.
import type { ProgressState, StorageNotice } from './messages';
import {
  ROUTE_IDS,
  STEP_IDS,
  type CardProgress,
  type CarrierId,
  type CarrierProgress,
  type EnabledSite,
  type Progress,
  type RequestRecord,
  type RouteId,
  type Settings,
  type StepId,
} from './types';
import { isCarrierId } from './carriers';
import { DEFAULT_CARD, defaultCard, defaultCarrier, hasOwn } from './card';
import { isLanguage } from './language';

type ProgressV1 = Progress;

export const STORAGE_KEY = 'progress';
const CURRENT_VERSION = 2;
/** Above this many bytes of JSON, stored progress is refused (it can only be junk or an attack). */
export const MAX_BYTES = 64 * 1024;
const MAX_LABEL_LENGTH = 40;
const MAX_ID_LENGTH = 40;
export const MAX_CARDS = 8;
export const MAX_CHECKLIST = 40;
export const MAX_TIED = 40;
/** Step lists: more ids than there are steps is allowed only up to this, for renamed ones to be dropped. */
const MAX_ID_LIST = 20;
const MAX_REF_LENGTH = 40;
export const MAX_DISABLED_HOSTS = 50;
export const MAX_ENABLED_SITES = 20;

// Lower-case ids; a leading letter keeps object keys from looking like array indexes.
const ID_RE = /^[a-z][a-z0-9-]*$/;
const HOST_RE = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
// Six digits in a row, in any script's digits: the start of a phone, card or ID number.
const DIGIT_RUN_RE = /\p{Nd}{6,}/u;
const CONTROL_RE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

// ---------------------------------------------------------------------------------------------
// Small validators, exported for the UI (so the panel can explain a refused label before sending it)

function hasDigitRun(value: string): boolean {
  return DIGIT_RUN_RE.test(value);
}

/** Carrier ids come from the carrier data (utils/carriers.ts); re-exported for the validators here and beside. */
export { isCarrierId };

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function isRouteId(value: unknown): value is RouteId {
  return typeof value === 'string' && (ROUTE_IDS as readonly string[]).includes(value);
}

/**
 * Why a request record's reference (a reference number or staff name the carrier gave) cannot be
 * kept, or null. It is the user's own note, but it must not be a phone, card or ID number: 8+
 * digits in a row (spaces and dashes aside), an HKID shape, or a web address are refused.
 */
export function recordRefProblem(ref: string): LabelProblem | null {
  if (ref === '') return null;
  if ([...ref].length > MAX_REF_LENGTH) return 'too-long';
  if (CONTROL_RE.test(ref) || ref !== ref.trim()) return 'characters';
  if (/\p{Nd}{8,}/u.test(ref.replace(/[\s-]/g, '')) || /\b[A-Z]{1,2}\d{6}\s*\(?[\dA]\)?/i.test(ref)) return 'digits';
  if (/:\/\/|\bwww\./i.test(ref)) return 'address';
  return null;
}

/** A record as stored: a real calendar date, a route, and a reference that passes recordRefProblem. */
export function isRequestRecord(value: unknown): value is RequestRecord {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 3 || !keys.every((k) => ['date', 'route', 'ref'].includes(k))) return false;
  const { date, route, ref } = value;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) return false;
  return isRouteId(route) && typeof ref === 'string' && recordRefProblem(ref) === null;
}


/** A checklist item id or a card id: short, lower case, no long digit run. */
export function isShortId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_RE.test(value) && !hasDigitRun(value);
}

export function isStorableHost(value: unknown): value is string {
  return typeof value === 'string' && HOST_RE.test(value) && !hasDigitRun(value);
}

/** An enabled site's origin as stored: `https://host` or `http://host`, lower case, no port, path or query. */
export function isStorableOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^https?:\/\/([^/]+)$/.exec(value);
  return !!m && isStorableHost(m[1]);
}

export function isEnabledSite(value: unknown): value is EnabledSite {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && isStorableOrigin(value.origin) && isCarrierId(value.carrier);
}

export type LabelProblem = 'empty' | 'too-long' | 'digits' | 'address' | 'characters';

/**
 * Why a card label cannot be stored, or null when it can. A label names a card ("work card"),
 * so anything that looks like a phone or card number (6+ digits, even spaced out) or a web
 * address is refused: those are exactly what we promise never to keep.
 */
export function cardLabelProblem(label: string): LabelProblem | null {
  if (label.trim() === '') return 'empty';
  if ([...label].length > MAX_LABEL_LENGTH) return 'too-long';
  if (CONTROL_RE.test(label)) return 'characters';
  if ((label.match(/\p{Nd}/gu) ?? []).length >= 6) return 'digits';
  if (/:\/\/|\bwww\.|\S@\S+\.\S|[a-z0-9-]\.(?:com|net|org|hk|cn|tw|mo|io|info|biz|gov|edu|me|app)\b/i.test(label)) {
    return 'address';
  }
  return null;
}

/** Stored labels: the user's labels, or '' for the card every carrier starts with. */
function isStorableLabel(value: unknown): value is string {
  return typeof value === 'string' && (value === '' || (cardLabelProblem(value) === null && value === value.trim()));
}

// ---------------------------------------------------------------------------------------------
// Defaults

export function defaultSettings(): Settings {
  return { language: null, disabledEverywhere: false, disabledHosts: [], collapsed: false, enabledSites: [], lookalikeWarning: false, fieldWarnings: true };
}

export function defaultProgress(): ProgressV1 {
  return { version: 2, carriers: {}, settings: defaultSettings() };
}

/** The carrier's progress, or the default one card view. */
export function carrierOf(p: ProgressV1, carrier: CarrierId): CarrierProgress {
  return p.carriers[carrier] ?? defaultCarrier();
}

// ---------------------------------------------------------------------------------------------
// Reading: validation (strict; anything unexpected makes the whole value corrupt)

class Invalid extends Error {}

function fail(): never {
  throw new Invalid();
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function expectObject(value: unknown, keys: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(value)) fail();
  for (const key of Object.keys(value)) if (!keys.includes(key)) fail();
  for (const key of keys) if (!hasOwn(value, key)) fail();
  return value;
}

function expectList<T>(value: unknown, item: (v: unknown) => v is T, max: number): T[] {
  if (!Array.isArray(value) || value.length > max) fail();
  const out: T[] = [];
  for (const v of value) {
    if (!item(v) || out.includes(v)) fail();
    out.push(v);
  }
  return out;
}

/**
 * A list of ids of a well-formed shape, keeping only those this version knows: an id we do not
 * know (a step, carrier or checklist item renamed or removed, or added by a later version) is
 * dropped with a notice instead of resetting everything (issue 12). A list of the wrong shape is
 * still corrupt.
 */
function knownList<T extends string>(value: unknown, known: (v: string) => v is T, max: number): T[] {
  const ids = expectList(value, isShortId, max);
  const out = ids.filter(known);
  if (out.length !== ids.length) droppedUnknown = true;
  return out;
}

/** The checklist and tied-account ids this version's guide has (null: keep any well-formed id). */
export interface KnownItems {
  checklist: readonly string[];
  tied: readonly string[];
}
let knownItems: KnownItems | null = null;
const inList = (list: readonly string[] | undefined) => (v: string): v is string => !list || list.includes(v);

/** Set while reading when a value we do not know was dropped (a route or record from a later version). */
let droppedUnknown = false;

const CARD_KEYS_V1 = ['label', 'checklist', 'stepsDone', 'stepsReached'] as const;
const CARD_KEYS = [...CARD_KEYS_V1, 'route', 'tiedDone', 'tiedSkipped', 'record'] as const;

function readCard(value: unknown): CardProgress {
  const o = expectObject(value, CARD_KEYS);
  if (!isStorableLabel(o.label)) fail();
  // A route or record we do not know (another version wrote it) is dropped, with a notice; the
  // rest of the card stays.
  const route = o.route === null || isRouteId(o.route) ? o.route : null;
  const record = o.record === null || isRequestRecord(o.record) ? o.record : null;
  if (route !== o.route || record !== o.record) droppedUnknown = true;
  return {
    label: o.label,
    checklist: knownList(o.checklist, inList(knownItems?.checklist), MAX_CHECKLIST),
    stepsDone: knownList(o.stepsDone, isStepId, MAX_ID_LIST),
    stepsReached: knownList(o.stepsReached, isStepId, MAX_ID_LIST),
    route,
    tiedDone: knownList(o.tiedDone, inList(knownItems?.tied), MAX_TIED),
    tiedSkipped: knownList(o.tiedSkipped, inList(knownItems?.tied), MAX_TIED),
    record: record ? { date: record.date, route: record.route, ref: record.ref } : null,
  };
}

function readCarrier(value: unknown): CarrierProgress {
  const o = expectObject(value, ['activeCard', 'cards']);
  if (!isPlainObject(o.cards)) fail();
  const ids = Object.keys(o.cards);
  if (ids.length === 0 || ids.length > MAX_CARDS) fail();
  const cards: Record<string, CardProgress> = {};
  for (const id of ids) {
    if (!isShortId(id)) fail();
    cards[id] = readCard(o.cards[id]);
  }
  if (typeof o.activeCard !== 'string' || !hasOwn(cards, o.activeCard)) fail();
  return { activeCard: o.activeCard, cards };
}

const SETTINGS_KEYS = ['language', 'disabledEverywhere', 'disabledHosts', 'collapsed'] as const;
/** Added after version 1 was first stored: absent means the default (no reset), present must be valid. */
const LATER_SETTINGS_KEYS = ['enabledSites', 'lookalikeWarning', 'fieldWarnings'] as const;

function readEnabledSites(value: unknown): EnabledSite[] {
  if (!Array.isArray(value) || value.length > MAX_ENABLED_SITES) fail();
  const out: EnabledSite[] = [];
  for (const v of value) {
    // A site tied to a carrier this version does not know: dropped, not the whole of progress.
    if (isPlainObject(v) && isStorableOrigin(v.origin) && isShortId(v.carrier) && !isCarrierId(v.carrier)) {
      droppedUnknown = true;
      continue;
    }
    if (!isEnabledSite(v) || out.some((s) => s.origin === v.origin)) fail();
    out.push({ origin: v.origin, carrier: v.carrier });
  }
  return out;
}

function readSettings(value: unknown): Settings {
  if (!isPlainObject(value)) fail();
  const allowed: readonly string[] = [...SETTINGS_KEYS, ...LATER_SETTINGS_KEYS];
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail();
  const o = expectObject(
    Object.fromEntries(Object.entries(value).filter(([k]) => (SETTINGS_KEYS as readonly string[]).includes(k))),
    SETTINGS_KEYS,
  );
  if (o.language !== null && !isLanguage(o.language)) fail();
  if (typeof o.disabledEverywhere !== 'boolean' || typeof o.collapsed !== 'boolean') fail();
  if (hasOwn(value, 'lookalikeWarning') && typeof value.lookalikeWarning !== 'boolean') fail();
  if (hasOwn(value, 'fieldWarnings') && typeof value.fieldWarnings !== 'boolean') fail();
  return {
    language: o.language,
    disabledEverywhere: o.disabledEverywhere,
    disabledHosts: expectList(o.disabledHosts, isStorableHost, MAX_DISABLED_HOSTS),
    collapsed: o.collapsed,
    enabledSites: hasOwn(value, 'enabledSites') ? readEnabledSites(value.enabledSites) : [],
    lookalikeWarning: value.lookalikeWarning === true,
    fieldWarnings: value.fieldWarnings !== false,
  };
}

function readV2(value: unknown): ProgressV1 {
  const o = expectObject(value, ['version', 'carriers', 'settings']);
  if (o.version !== 2 || !isPlainObject(o.carriers)) fail();
  const carriers: ProgressV1['carriers'] = {};
  for (const id of Object.keys(o.carriers)) {
    if (!isShortId(id)) fail();
    const carrier = readCarrier(o.carriers[id]);
    // A carrier this version does not know (renamed, removed, or a later version's): dropped alone.
    if (isCarrierId(id)) carriers[id] = carrier;
    else droppedUnknown = true;
  }
  return { version: 2, carriers, settings: readSettings(o.settings) };
}

/** UTF-8 size of the JSON, or null when the value cannot be serialised at all (cycles, BigInt). */
export function serialisedBytes(value: unknown): number | null {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? null : new TextEncoder().encode(json).length;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Migrations: every older shape has a way forward to the current version.

/** Before versions existed: one checklist, kept for CMHK (the card the guide started with). */
interface LegacyProgress {
  checked: string[];
}

/** Version 0: one card per carrier, the language at the top level. */
interface ProgressV0 {
  version: 0;
  carriers: Partial<Record<string, { checked?: unknown; stepsDone?: unknown }>>;
  language?: unknown;
}

function isLegacy(raw: Record<string, unknown>): raw is Record<string, unknown> & LegacyProgress {
  return !hasOwn(raw, 'version') && Array.isArray(raw.checked);
}

function keep<T>(value: unknown, item: (v: unknown) => v is T, max: number): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const v of value) if (item(v) && !out.includes(v) && out.length < max) out.push(v);
  return out;
}

export function inFlowOrder(steps: readonly StepId[]): StepId[] {
  return STEP_IDS.filter((s) => steps.includes(s));
}

/**
 * Version 1 → 2: each card gains a route (none chosen: the carrier's default), the tied accounts
 * moved or dismissed (none yet) and the request record (none). Everything else is read as version 1
 * was: the strict reader then checks the result.
 */
function migrateV1(raw: Record<string, unknown>): unknown {
  const carriers = raw.carriers;
  if (!isPlainObject(carriers)) return { ...raw, version: 2 };
  const out: Record<string, unknown> = {};
  for (const [id, cp] of Object.entries(carriers)) {
    if (!isPlainObject(cp) || !isPlainObject(cp.cards)) {
      out[id] = cp;
      continue;
    }
    const cards: Record<string, unknown> = {};
    for (const [cardId, card] of Object.entries(cp.cards)) {
      cards[cardId] = isPlainObject(card) && !hasOwn(card, 'route') ? { ...card, route: null, tiedDone: [], tiedSkipped: [], record: null } : card;
    }
    out[id] = { ...cp, cards };
  }
  return { ...raw, version: 2, carriers: out };
}

function migrateLegacy(raw: LegacyProgress): ProgressV1 {
  const p = defaultProgress();
  const checklist = keep(raw.checked, isShortId, MAX_CHECKLIST);
  if (checklist.length > 0) {
    p.carriers.cmhk = { activeCard: DEFAULT_CARD, cards: { [DEFAULT_CARD]: { ...defaultCard(), checklist } } };
  }
  return p;
}

function migrateV0(raw: ProgressV0): ProgressV1 {
  const p = defaultProgress();
  if (isLanguage(raw.language)) p.settings.language = raw.language;
  const carriers = isPlainObject(raw.carriers) ? raw.carriers : {};
  for (const id of Object.keys(carriers)) {
    const old = carriers[id];
    if (!isCarrierId(id) || !isPlainObject(old)) continue;
    const stepsDone = inFlowOrder(keep(old.stepsDone, isStepId, STEP_IDS.length));
    const card: CardProgress = {
      ...defaultCard(),
      checklist: keep(old.checked, isShortId, MAX_CHECKLIST),
      stepsDone,
      stepsReached: [...stepsDone],
    };
    p.carriers[id] = { activeCard: DEFAULT_CARD, cards: { [DEFAULT_CARD]: card } };
  }
  return p;
}

/**
 * Brings an older stored shape to the current version; returns null when the value is not an
 * older shape we know (the current version included: that needs no migration).
 * The result still goes through the strict reader.
 */
export function migrate(raw: unknown): ProgressV1 | null {
  if (!isPlainObject(raw)) return null;
  if (isLegacy(raw)) return migrateLegacy(raw);
  if (raw.version === 0) return migrateV0(raw as unknown as ProgressV0);
  if (raw.version === 1) return migrateV1(raw) as ProgressV1;
  return null;
}

export interface ReadResult {
  state: ProgressState;
  /** The stored value should be replaced by state.progress (migrated or reset). */
  rewrite: boolean;
}

function reset(notice: StorageNotice): ReadResult {
  return { state: { progress: defaultProgress(), notice }, rewrite: true };
}

/** parseProgress, plus whether the store must write the result back. Never throws. */
export function readProgress(raw: unknown, known: KnownItems | null = null): ReadResult {
  knownItems = known;
  if (raw === undefined) return { state: { progress: defaultProgress(), notice: null }, rewrite: false };
  const bytes = serialisedBytes(raw);
  if (bytes === null) return reset('reset-corrupt');
  if (bytes > MAX_BYTES) return reset('reset-oversized');
  if (!isPlainObject(raw)) return reset('reset-corrupt');
  droppedUnknown = false;
  try {
    const migrated = migrate(raw);
    if (migrated) return { state: { progress: readV2(migrated), notice: droppedUnknown ? 'dropped-unknown' : null }, rewrite: true };
    if (!hasOwn(raw, 'version')) return reset('reset-corrupt');
    if (raw.version !== CURRENT_VERSION) return reset('reset-unknown-version');
    const progress = readV2(raw);
    // What was dropped is written back without it, so the notice is shown once.
    return droppedUnknown ? { state: { progress, notice: 'dropped-unknown' }, rewrite: true } : { state: { progress, notice: null }, rewrite: false };
  } catch (error) {
    if (error instanceof Invalid) return reset('reset-corrupt');
    throw error;
  }
}

/**
 * Validates a stored value. Absent → the default, no notice. Corrupt, oversized or of an unknown
 * version → the default with a notice saying why. Older versions are migrated. Never throws.
 */
export function parseProgress(raw: unknown, known: KnownItems | null = null): ProgressState {
  return readProgress(raw, known).state;
}
