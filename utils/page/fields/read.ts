// Turns a form control into plain data (FieldDescription) for the pure classifier. DOM reading
// only: no value is ever read here, and no keyword list is needed, so the field guard (which
// sends descriptions to the background to classify) carries this file and not the classifier.
import type { FieldDescription } from '../../fields/classify';

export type { FieldDescription } from '../../fields/classify';

/** Controls the guard looks at. Editing hosts are matched separately (see editingHost). */
export const CONTROL_SELECTOR = 'input, select, textarea, [contenteditable]:not([contenteditable="false"]), [role="textbox"]';

/** Longest text kept for one source (label, nearby text); enough for any real label. */
const TEXT_CAP = 120;
const NEARBY_CAP = 80;
const OPTIONS_HEAD = 6;
const OPTIONS_TAIL = 2;

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'OPTION', 'TEXTAREA', 'SVG']);
const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);

// The readers below run for every control of a page (issue 6), and each DOM access from a
// content script costs about as much as a small function: they read each property once.

/** A form control or editing host; `tag` is el.tagName, which the caller has read already. */
function isControl(el: Element, tag: string): boolean {
  if (CONTROL_TAGS.has(tag)) return !(tag === 'INPUT' && (el as HTMLInputElement).type === 'hidden');
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

function isControlElement(el: Element): boolean {
  return isControl(el, el.tagName);
}

/** What a user types into (an editing host, a role=textbox box): its text is never read. */
function isTypedInto(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return (ce !== null && ce !== 'false') || el.getAttribute('role') === 'textbox';
}

/** The element a focus or input event is really about: the editing host for contenteditable, a role=textbox box. */
export function editingHost(target: Element): Element | null {
  if (CONTROL_TAGS.has(target.tagName)) return target.tagName === 'BUTTON' ? null : target;
  // A box made to look like an input (role=textbox; its text is what the user typed).
  const box = target.closest('[role="textbox"]');
  if (box) return box;
  let host: Element | null = null;
  for (let el: Element | null = target; el; el = el.parentElement) {
    const ce = el.getAttribute('contenteditable');
    if (ce === null) continue;
    if (ce === 'false') break;
    host = el;
  }
  return host;
}

/** Two whitespace characters in a row, or one other than a space: something for collapse to do. */
const LOOSE_SPACE = /\s\s|[^\S ]/;

function collapse(s: string): string {
  return (LOOSE_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
}

/**
 * Visible-ish text of a subtree, bounded: stops after `cap` characters, skips option lists and
 * scripts, so a label wrapping a select does not read every option.
 */
function boundedText(node: Node, cap: number): string {
  if (node.nodeType === 1) {
    const el = node as Element;
    const tag = el.tagName;
    // An element holding text only (most labels): its text in one call. (textContent would also
    // count CDATA sections, which only XML documents have.)
    if (isTypedInto(el)) return '';
    if (tag !== 'IMG' && !SKIP_TEXT.has(tag.toUpperCase()) && el.childElementCount === 0) {
      const text = el.textContent ?? '';
      return text.length > cap ? text.slice(0, cap) : text;
    }
  }
  const out = { text: '' };
  walkText(node, cap, out);
  return out.text.length > cap ? out.text.slice(0, cap) : out.text;
}

/** boundedText's walk; false once `cap` characters are read. */
function walkText(n: Node, cap: number, out: { text: string }): boolean {
  const type = n.nodeType;
  if (type === 3) {
    out.text += (n as Text).data;
    return out.text.length < cap;
  }
  if (type !== 1) return true;
  const el = n as Element;
  const tag = el.tagName;
  if (SKIP_TEXT.has(tag.toUpperCase()) || isTypedInto(el)) return true;
  if (tag === 'IMG') {
    out.text += ' ' + (el.getAttribute('alt') ?? '') + ' ';
    return out.text.length < cap;
  }
  for (let c = el.firstChild; c; c = c.nextSibling) if (!walkText(c, cap, out)) return false;
  return true;
}

/**
 * Text that comes right before `el`, back to the previous control, reading backwards through
 * siblings and up to three ancestors (a table cell's header cell, a dt before a dd). Stops at a
 * form. Bounded, so a long page costs no more per control than a short one.
 */
function nearbyText(el: Element): string {
  const parts: string[] = [];
  let total = 0;
  const back: ReadBack = { stop: false, into: [] };
  let node: Element = el;
  for (let level = 0; level < 4 && !back.stop && total < NEARBY_CAP; level++) {
    for (let s = node.previousSibling; s && !back.stop && total < NEARBY_CAP; s = s.previousSibling) {
      back.into = [];
      const element = readBack(s, back);
      // Text inside a sibling that also holds a control (a hint after the previous field) is that field's.
      if (back.stop && element) break;
      for (const t of back.into) {
        parts.push(t);
        total += t.length;
      }
    }
    const parent = node.parentElement;
    if (!parent) break;
    const tag = parent.tagName;
    if (tag === 'FORM' || tag === 'BODY' || tag === 'FIELDSET') break;
    node = parent;
  }
  const text = collapse(parts.reverse().join(' '));
  return text.length > NEARBY_CAP ? text.slice(text.length - NEARBY_CAP) : text;
}

interface ReadBack {
  /** A control was met: the text before it is another field's. */
  stop: boolean;
  /** Texts read, last first. */
  into: string[];
}

/** Reads one node backwards into `back.into`, setting `back.stop` at a control; true when `n` is an element. */
function readBack(n: Node, back: ReadBack): boolean {
  const type = n.nodeType;
  if (type === 3) {
    const t = (n as Text).data;
    if (t.trim()) back.into.push(t);
    return false;
  }
  if (type !== 1) return false;
  const e = n as Element;
  const tag = e.tagName;
  if (isControl(e, tag) || isTypedInto(e)) {
    back.stop = true;
    return true;
  }
  if (SKIP_TEXT.has(tag.toUpperCase()) || tag === 'IMG') return true;
  for (let c = e.lastChild; c && !back.stop; c = c.previousSibling) readBack(c, back);
  return true;
}

/** Text right after the control in its container: a "Send code" button, a captcha image's alt, a hint. */
function followingText(el: Element): { text: string; image: boolean } {
  let text = '';
  let image = false;
  const parent = el.parentElement;
  let n: Element | null = el.nextElementSibling;
  for (let i = 0; n && i < 4 && text.length < NEARBY_CAP; i++, n = n.nextElementSibling) {
    const tag = n.tagName;
    if (tag === 'IMG' || tag === 'CANVAS') image = true;
    if (tag !== 'BUTTON' && isControl(n, tag)) break;
    if (n.querySelector('img, canvas')) image = true;
    text += ' ' + (tag === 'IMG' ? (n.getAttribute('alt') ?? '') : boundedText(n, NEARBY_CAP));
  }
  // A captcha image often sits before the field, in the same small container.
  if (!image && parent && parent.childElementCount <= 6) {
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.tagName;
      if (tag === 'IMG' || tag === 'CANVAS') image = true;
    }
  }
  return { text: collapse(text), image };
}

function byIdText(el: Element, ids: string): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const out: string[] = [];
  for (const id of ids.split(/\s+/)) {
    if (!id) continue;
    const target = typeof root.getElementById === 'function' ? root.getElementById(id) : null;
    if (target) out.push(boundedText(target, TEXT_CAP));
  }
  return out.join(' ');
}

// label[for] index, one per document or shadow root. `el.labels` searches the whole tree on each
// call in some engines (quadratic over a page of controls); the index is built with one query and
// kept briefly, so a burst of classifications (a context scan, a page of controls) shares it and
// a label added later is seen on the next focus.
const LABEL_INDEX_MS = 1000;
interface LabelIndex {
  built: number;
  /** One label, or several in document order. */
  byId: Map<string, Element | Element[]>;
}
const labelIndexes = new WeakMap<Node, LabelIndex>();

/** Up to three label[for] of `el`, in document order. */
function labelsFor(el: Element): Element[] {
  const id = el.id;
  if (!id) return [];
  const root = el.getRootNode() as Document | ShadowRoot;
  const now = Date.now();
  let index = labelIndexes.get(root);
  if (!index || now - index.built > LABEL_INDEX_MS) {
    const byId = new Map<string, Element | Element[]>();
    const all = root.querySelectorAll('label[for]');
    for (let i = 0; i < all.length; i++) {
      const l = all[i];
      const f = l?.getAttribute('for');
      if (!l || !f) continue;
      const seen = byId.get(f);
      if (!seen) byId.set(f, l);
      else if (Array.isArray(seen)) seen.push(l);
      else byId.set(f, [seen, l]);
    }
    index = { built: now, byId };
    labelIndexes.set(root, index);
    // Let the index go once it is stale (a page of 10,000 labels need not keep it in memory).
    const built = index;
    setTimeout(() => {
      if (labelIndexes.get(root) === built) labelIndexes.delete(root);
    }, LABEL_INDEX_MS + 100);
  }
  const seen = index.byId.get(id);
  const out: Element[] = [];
  // Still there and still for this control (the index may be up to LABEL_INDEX_MS old).
  for (const l of seen === undefined ? [] : Array.isArray(seen) ? seen : [seen]) {
    if (l.isConnected && l.getAttribute('for') === id && out.push(l) === 3) break;
  }
  return out;
}

function labelText(el: Element): string {
  const parts: string[] = [];
  const tag = el.tagName;
  const labelable = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
  if (labelable) for (const l of labelsFor(el)) parts.push(boundedText(l, TEXT_CAP));
  const wrapping = el.parentElement?.closest('label');
  if (wrapping && !wrapping.hasAttribute('for')) parts.push(boundedText(wrapping, TEXT_CAP));
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) parts.push(byIdText(el, labelledBy));
  const aria = el.getAttribute('aria-label');
  if (aria) parts.push(aria);
  return collapse(parts.join(' ')).slice(0, TEXT_CAP * 2);
}

function selectOptions(el: Element): { options: string[]; optionCount: number } {
  if (el.tagName !== 'SELECT') return { options: [], optionCount: 0 };
  const opts = (el as HTMLSelectElement).options;
  const n = opts.length;
  const options: string[] = [];
  for (let i = 0; i < n && i < OPTIONS_HEAD; i++) options.push(collapse(opts[i]?.text ?? ''));
  for (let i = Math.max(OPTIONS_HEAD, n - OPTIONS_TAIL); i < n; i++) options.push(collapse(opts[i]?.text ?? ''));
  return { options, optionCount: n };
}

/** Sibling controls of the same shape (split boxes: 4 × maxlength 4), and the first one of the row. */
function siblingGroup(el: Element): { size: number; first: Element | null } {
  const parent = el.parentElement;
  if (!parent || parent.childElementCount > 24) return { size: 1, first: null };
  const type = el.getAttribute('type') ?? '';
  const max = el.getAttribute('maxlength') ?? '';
  let size = 0;
  let first: Element | null = null;
  const elTag = el.tagName;
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
    const tag = c.tagName;
    if (!isControl(c, tag) || tag === 'BUTTON') continue;
    if (!first) first = c;
    if (tag === elTag && (c.getAttribute('maxlength') ?? '') === max) {
      const ct = c.getAttribute('type') ?? '';
      // Split card boxes mix type=tel and type=password (Korean checkouts mask the middle groups).
      if (ct === type || /^(tel|password|text|number|)$/.test(ct)) size++;
    }
  }
  return { size, first: first === el ? null : first };
}

function maxLengthOf(el: Element): number | null {
  const raw = el.getAttribute('maxlength');
  if (raw === null) return null;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * A box whose own surroundings say nothing (a "-" or "(" between split boxes) borrows the row's
 * label; `first` gives siblingGroup's first control, asked only then.
 */
function groupLabelOf(nearby: string, first: () => Element | null): string {
  if (/[\p{L}]/u.test(nearby)) return '';
  const row = first();
  return row ? collapse(labelText(row) + ' ' + nearbyText(row)) : '';
}

/** Lower-case input type ('text' when absent), 'select' for selects, '' otherwise. */
function typeOf(el: Element): string {
  const tag = el.tagName.toLowerCase();
  return tag === 'input' ? ((el as HTMLInputElement).type || 'text').toLowerCase() : tag === 'select' ? 'select' : '';
}

function isEditingHost(el: Element): boolean {
  return !CONTROL_TAGS.has(el.tagName) && (isControlElement(el) || el.getAttribute('role') === 'textbox');
}

function placeholderOf(el: Element): string {
  return el.getAttribute('placeholder') ?? el.getAttribute('data-placeholder') ?? '';
}

/** Reads a control's description: attributes and the texts around it. Never its value. */
export function describeField(el: Element): FieldDescription {
  const { options, optionCount } = selectOptions(el);
  const nearby = nearbyText(el);
  const group = siblingGroup(el);
  const following = followingText(el);
  return {
    tag: el.tagName.toLowerCase(),
    type: typeOf(el),
    autocomplete: el.getAttribute('autocomplete') ?? '',
    name: el.getAttribute('name') ?? '',
    id: el.id,
    label: labelText(el),
    placeholder: placeholderOf(el),
    title: el.getAttribute('title') ?? '',
    nearby,
    groupLabel: groupLabelOf(nearby, () => group.first),
    following: following.text,
    imageNearby: following.image,
    maxLength: maxLengthOf(el),
    inputMode: (el.getAttribute('inputmode') ?? '').toLowerCase(),
    options,
    optionCount,
    groupSize: group.size,
    contentEditable: isEditingHost(el),
  };
}

// How long a count of a container's controls is reused (a burst of classifications shares it).
const COUNT_MS = 1000;
const controlCount = new WeakMap<Element, { at: number; n: number }>();

function countControls(el: Element, now: number): number {
  const hit = controlCount.get(el);
  if (hit && now - hit.at <= COUNT_MS) return hit.n;
  const n = el.querySelectorAll(CONTROL_SELECTOR).length;
  controlCount.set(el, { at: now, n });
  return n;
}

/** The element whose controls make up `el`'s form context. */
export function contextScope(el: Element): Element {
  const form = (el as HTMLInputElement).form ?? el.closest('form');
  if (form) return form;
  const now = Date.now();
  let node: Element | null = el.parentElement;
  let last: Element = el;
  for (let i = 0; node && i < 10; i++, node = node.parentElement) {
    last = node;
    if (node.tagName === 'BODY' || node.tagName === 'HTML') return node;
    if (countControls(node, now) >= 3) return node;
  }
  return last;
}


/** The controls of `el`'s form context (its form, or nearest container holding several controls). */
export function scopeControls(el: Element): Element[] {
  return Array.from(contextScope(el).querySelectorAll(CONTROL_SELECTOR));
}
