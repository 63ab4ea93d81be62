// The background's side of the sub-frame field guard: a frame sends the description of the
// focused control and of the other controls of its form (labels, names, attributes: page text,
// never a typed value), and gets back the kind and the warning texts in its language. The frames'
// script then needs no keyword lists, no classifier and no texts (it stays small in every frame).
// Everything here is pure and checks its input: a message is untrusted until proven otherwise.
import { fieldMessageText } from '../field-texts';
import { isLanguage } from '../language';
import type { FieldKind, Language, Severity } from '../types';
import { classifyField, type FieldDescription } from './classify';

export interface ClassifyRequest {
  field: FieldDescription;
  /** The controls of the field's form (the field included), for the card context. */
  form: FieldDescription[];
  lang: Language;
}

export type FieldMessageTexts = ReturnType<typeof fieldMessageText>;

export interface ClassifyAnswer {
  kind: FieldKind | null;
  /** The warning's texts for each severity (the frame learns the severity from the page's step). */
  texts: Record<Severity, FieldMessageTexts> | null;
}

/** Longest string and list a description may carry (describeField caps its texts well below these). */
export const MAX_TEXT = 400;
export const MAX_FORM = 200;
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

export function parseClassifyRequest(raw: Record<string, unknown>): ClassifyRequest | null {
  const field = parseDescription(raw.field);
  if (!field || !isLanguage(raw.lang) || !Array.isArray(raw.form) || raw.form.length > MAX_FORM) return null;
  const form: FieldDescription[] = [];
  for (const item of raw.form) {
    const d = parseDescription(item);
    if (!d) return null;
    form.push(d);
  }
  return { field, form, lang: raw.lang };
}

const CARD_AUTOCOMPLETE = /(^|\s)cc-(number|csc)(\s|$)/;

/** Same reading as element-classifier.ts's formContext: the form holds a card-number or card-code field. */
export function cardContextOf(form: readonly FieldDescription[]): boolean {
  return form.some((d) => {
    if (CARD_AUTOCOMPLETE.test(d.autocomplete.toLowerCase())) return true;
    const kind = classifyField(d, { cardContext: false });
    return kind === 'card-number' || kind === 'card-cvc';
  });
}

export function classifyRequest(req: ClassifyRequest): ClassifyAnswer {
  const kind = classifyField(req.field, { cardContext: cardContextOf(req.form) });
  if (!kind) return { kind: null, texts: null };
  return { kind, texts: { warn: fieldMessageText(kind, 'warn', req.lang), info: fieldMessageText(kind, 'info', req.lang) } };
}
