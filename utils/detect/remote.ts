// The background's side of step detection. The panel's content script takes the page's snapshot
// (page text and control attributes: never a typed value, never the query string) and sends it
// here; the detectors and their keyword lists run in the background, so the content script that
// loads on every carrier page carries none of them (issue 6: the manifest's scripts budget).
// Pure, and it checks its input: a message is untrusted until proven otherwise.
import { CARRIERS, carrierById } from '../carriers';
import { isCarrierId } from '../progress';
import { officialSite } from '../site-trust';
import { SNAPSHOT_LIMITS } from '../snapshot-limits';
import type { CarrierId, PageSnapshot, SnapshotAction, SnapshotField, SnapshotForm, StepSignal } from '../types';
import { detectStep } from './index';

export interface DetectRequest {
  snapshot: PageSnapshot;
  carrier: CarrierId;
}

/** Longest string a snapshot may carry (takeSnapshot caps its texts well below this). */
const MAX_STRING = SNAPSHOT_LIMITS.text * 2;
/** Most texts in one list (submit texts, checkbox labels): as many as there can be actions or fields. */
const MAX_TEXTS = Math.max(SNAPSHOT_LIMITS.actions, SNAPSHOT_LIMITS.fields);
/** Most forms: every field could be its own form. */
const MAX_FORMS = SNAPSHOT_LIMITS.fields;

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_STRING;
}

function isRef(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;
}

function texts(v: unknown, max: number): string[] | null {
  return Array.isArray(v) && v.length <= max && v.every(isText) ? [...v] : null;
}

/** A list of at most `max` items, each parsed by `parse`; null if any is malformed. */
function listOf<T>(v: unknown, max: number, parse: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(v) || v.length > max) return null;
  const out: T[] = [];
  for (const item of v) {
    const parsed = parse(item);
    if (parsed === null) return null;
    out.push(parsed);
  }
  return out;
}

function parseAction(v: unknown): SnapshotAction | null {
  if (!isObject(v) || !isRef(v.ref) || (v.kind !== 'link' && v.kind !== 'button')) return null;
  if (!isText(v.text) || typeof v.inNav !== 'boolean' || !(v.href === undefined || isText(v.href))) return null;
  const action: SnapshotAction = { ref: v.ref, kind: v.kind, text: v.text, inNav: v.inNav };
  if (v.href !== undefined) action.href = v.href;
  return action;
}

function parseField(v: unknown): SnapshotField | null {
  if (!isObject(v) || !isRef(v.ref) || (v.tag !== 'input' && v.tag !== 'select' && v.tag !== 'textarea')) return null;
  const { type, name, id, autocomplete, label } = v;
  if (!isText(type) || !isText(name) || !isText(id) || !isText(autocomplete) || !isText(label)) return null;
  return { ref: v.ref, tag: v.tag, type, name, id, autocomplete, label };
}

function parseForm(v: unknown): SnapshotForm | null {
  if (!isObject(v)) return null;
  const fields = listOf(v.fields, SNAPSHOT_LIMITS.fields, parseField);
  const submitTexts = texts(v.submitTexts, MAX_TEXTS);
  const checkboxLabels = texts(v.checkboxLabels, MAX_TEXTS);
  return fields && submitTexts && checkboxLabels ? { fields, submitTexts, checkboxLabels } : null;
}

export function parseSnapshot(v: unknown): PageSnapshot | null {
  if (!isObject(v)) return null;
  const { host, path, lang, title, text } = v;
  if (!isText(host) || !isText(path) || !isText(lang) || !isText(title) || !isText(text)) return null;
  const headings = texts(v.headings, SNAPSHOT_LIMITS.headings);
  const actions = listOf(v.actions, SNAPSHOT_LIMITS.actions, parseAction);
  const forms = listOf(v.forms, MAX_FORMS, parseForm);
  const frames = v.frames === undefined ? [] : texts(v.frames, SNAPSHOT_LIMITS.frames);
  if (!headings || !actions || !forms || !frames) return null;
  return { host, path, lang, title, headings, text, actions, forms, frames };
}

export function parseDetectRequest(raw: Raw): DetectRequest | null {
  const snapshot = parseSnapshot(raw.snapshot);
  return snapshot && isCarrierId(raw.carrier) ? { snapshot, carrier: raw.carrier } : null;
}

/**
 * The page's step by the carrier's URL rules and the five detectors (utils/detect/index.ts), and
 * whether the page frames a site that is not a carrier's official one (https on a listed host).
 */
export function detectRequest(req: DetectRequest): { signal: StepSignal | null; thirdPartyFrame: boolean } {
  return {
    signal: detectStep(req.snapshot, carrierById(req.carrier)),
    thirdPartyFrame: (req.snapshot.frames ?? []).some((origin) => !officialSite(`${origin}/`, CARRIERS)),
  };
}
