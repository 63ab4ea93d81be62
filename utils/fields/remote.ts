// The background's side of the field guard. A frame sends the description of the focused control
// and of the other controls of its form (labels, names, attributes: page text, never a typed
// value), and gets back the kind and the warning texts in the user's language (classify-field). The top
// frame also sends, ahead of focus, batches of whole forms and gets back each control's kind
// (classify-fields). The content scripts then need no keyword lists and no classifier.
// Everything here is pure and checks its input: a message is untrusted until proven otherwise.
import { fieldText } from '../field-texts';
import { calloutText } from './callout-text';
import type { FieldKind, Language, Severity } from '../types';
import { classifyField, type FieldDescription } from './classify';
import { MAX_BATCH_FIELDS, MAX_BATCH_FORMS, MAX_FORM } from './limits';

export { MAX_BATCH_FIELDS, MAX_BATCH_FORMS, MAX_FORM } from './limits';

/** A frame's question (classify-field): the background picks the texts' language (utils/background/protocol.ts). */
export interface ClassifyAsk {
  field: FieldDescription;
  /** The controls of the field's form (the field included), for the card context. */
  form: FieldDescription[];
  /** The frame's page language, as its lang attribute says (only its shape is ever read). */
  pageLang: string;
}

export interface ClassifyRequest extends Omit<ClassifyAsk, 'pageLang'> {
  lang: Language;
}

/** Longest page language tag read (BCP 47 tags in use are far shorter). */
const MAX_LANG_TAG = 64;

type FieldMessageTexts = ReturnType<typeof calloutText>;

export interface ClassifyAnswer {
  kind: FieldKind | null;
  /** The warning's texts for each severity (the frame learns the severity from the page's step). */
  texts: Record<Severity, FieldMessageTexts> | null;
}

/** Longest string and list a description may carry (describeField caps its texts well below these). */
export const MAX_TEXT = 400;
const MAX_OPTIONS = 16;

const STRING_KEYS = ['tag', 'type', 'autocomplete', 'name', 'id', 'label', 'placeholder', 'title', 'nearby', 'groupLabel', 'following', 'inputMode'] as const;

function isShortString(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_TEXT;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;
}

export function parseDescription(raw: unknown): FieldDescription | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  for (const key of STRING_KEYS) if (!isShortString(r[key])) return null;
  if (typeof r.imageNearby !== 'boolean' || typeof r.contentEditable !== 'boolean') return null;
  if (!(r.maxLength === null || isCount(r.maxLength))) return null;
  if (!isCount(r.optionCount) || !isCount(r.groupSize)) return null;
  if (!Array.isArray(r.options) || r.options.length > MAX_OPTIONS || !r.options.every(isShortString)) return null;
  const d: FieldDescription = {
    tag: r.tag as string,
    type: r.type as string,
    autocomplete: r.autocomplete as string,
    name: r.name as string,
    id: r.id as string,
    label: r.label as string,
    placeholder: r.placeholder as string,
    title: r.title as string,
    nearby: r.nearby as string,
    groupLabel: r.groupLabel as string,
    following: r.following as string,
    imageNearby: r.imageNearby,
    maxLength: r.maxLength as number | null,
    inputMode: r.inputMode as string,
    options: [...(r.options as string[])],
    optionCount: r.optionCount,
    groupSize: r.groupSize,
    contentEditable: r.contentEditable,
  };
  return d;
}

/** A list of `min`..MAX_FORM descriptions, each well-formed. */
function parseForm(raw: unknown, min: number): FieldDescription[] | null {
  if (!Array.isArray(raw) || raw.length < min || raw.length > MAX_FORM) return null;
  const form: FieldDescription[] = [];
  for (const item of raw) {
    const d = parseDescription(item);
    if (!d) return null;
    form.push(d);
  }
  return form;
}

export function parseClassifyRequest(raw: Record<string, unknown>): ClassifyAsk | null {
  const field = parseDescription(raw.field);
  const form = parseForm(raw.form, 0);
  if (!field || !form || typeof raw.pageLang !== 'string') return null;
  return { field, form, pageLang: raw.pageLang.slice(0, MAX_LANG_TAG) };
}

export interface ClassifyBatch {
  /** Forms (or chunks of a form's controls), each its own card context. */
  forms: FieldDescription[][];
}

/** A batch of forms: 1..MAX_BATCH_FORMS forms of 1..MAX_FORM descriptions, MAX_BATCH_FIELDS in all, each well-formed. */
export function parseClassifyBatch(raw: Record<string, unknown>): ClassifyBatch | null {
  const list = raw.forms;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH_FORMS) return null;
  // The whole batch's size first: an oversized one is refused before any description is read.
  let total = 0;
  for (const form of list) total += Array.isArray(form) ? form.length : 0;
  if (total > MAX_BATCH_FIELDS) return null;
  const forms: FieldDescription[][] = [];
  for (const item of list) {
    const form = parseForm(item, 1);
    if (!form) return null;
    forms.push(form);
  }
  return { forms };
}

const CARD_AUTOCOMPLETE = /(^|\s)cc-(number|csc)(\s|$)/;

/** A control that gives its form card context: a card number or code (by autocomplete or by its kind without context). */
function isCardField(d: FieldDescription, plainKind: FieldKind | null): boolean {
  return plainKind === 'card-number' || plainKind === 'card-cvc' || CARD_AUTOCOMPLETE.test(d.autocomplete.toLowerCase());
}

/** The form holds a card-number or card-code field (the card context of its controls). */
export function cardContextOf(form: readonly FieldDescription[]): boolean {
  return form.some((d) => isCardField(d, classifyField(d, { cardContext: false })));
}

export function classifyRequest(req: ClassifyRequest): ClassifyAnswer {
  const kind = classifyField(req.field, { cardContext: cardContextOf(req.form) });
  if (!kind) return { kind: null, texts: null };
  const text = (key: string) => fieldText(key, req.lang);
  return { kind, texts: { warn: calloutText(kind, 'warn', text), info: calloutText(kind, 'info', text) } };
}

/** Each form's controls' kinds, in order; a form's card context comes from its own descriptions. */
export function classifyBatch(batch: ClassifyBatch): { kinds: (FieldKind | null)[][] } {
  return {
    kinds: batch.forms.map((form) => {
      const plain = form.map((d) => classifyField(d, { cardContext: false }));
      return form.some((d, i) => isCardField(d, plain[i] ?? null)) ? form.map((d) => classifyField(d, { cardContext: true })) : plain;
    }),
  };
}
