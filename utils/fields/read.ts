// Turns a form control into plain data (FieldDescription) for the pure classifier. DOM reading
// only: no value is ever read here, and no keyword list is needed, so the field guard in
// sub-frames (which asks the background to classify) carries this file and not the classifier.
import type { FieldDescription } from './classify';

export type { FieldDescription } from './classify';

/** Controls the guard looks at. Editing hosts are matched separately (see editingHost). */
export const CONTROL_SELECTOR = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';

/** Longest text kept for one source (label, nearby text); enough for any real label. */
const TEXT_CAP = 120;
const NEARBY_CAP = 80;
const OPTIONS_HEAD = 6;
const OPTIONS_TAIL = 2;

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SELECT', 'OPTION', 'TEXTAREA', 'SVG']);
const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);

function isControlElement(el: Element): boolean {
  if (CONTROL_TAGS.has(el.tagName)) {
    return !(el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden');
  }
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** The element a focus or input event is really about: the editing host for contenteditable. */
export function editingHost(target: Element): Element | null {
  if (CONTROL_TAGS.has(target.tagName)) return target.tagName === 'BUTTON' ? null : target;
  let host: Element | null = null;
  for (let el: Element | null = target; el; el = el.parentElement) {
    const ce = el.getAttribute('contenteditable');
    if (ce === null) continue;
    if (ce === 'false') break;
    host = el;
  }
  return host;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Visible-ish text of a subtree, bounded: stops after `cap` characters, skips option lists and
 * scripts, so a label wrapping a select does not read every option.
 */
function boundedText(node: Node, cap: number): string {
  let out = '';
  const walk = (n: Node): boolean => {
    if (n.nodeType === 3) {
      out += (n as Text).data;
      return out.length < cap;
    }
    if (n.nodeType !== 1) return true;
    const el = n as Element;
    if (SKIP_TEXT.has(el.tagName.toUpperCase())) return true;
    if (el.tagName === 'IMG') {
      out += ' ' + (el.getAttribute('alt') ?? '') + ' ';
      return out.length < cap;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (!walk(c)) return false;
    return true;
  };
  walk(node);
  return out.length > cap ? out.slice(0, cap) : out;
}

/**
 * Text that comes right before `el`, back to the previous control, reading backwards through
 * siblings and up to three ancestors (a table cell's header cell, a dt before a dd). Stops at a
 * form. Bounded, so a long page costs no more per control than a short one.
 */
export function nearbyText(el: Element): string {
  const parts: string[] = [];
  let total = 0;
  let stop = false;
  // Reads a sibling backwards; returns false when a control was met (the text before it is another field's).
  // Reads one node backwards into `into`; sets `stop` when a control is met.
  const readBack = (n: Node, into: string[]): void => {
    if (stop) return;
    if (n.nodeType === 3) {
      const t = (n as Text).data;
      if (t.trim()) into.push(t);
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (isControlElement(e)) {
      stop = true;
      return;
    }
    if (SKIP_TEXT.has(e.tagName.toUpperCase()) || e.tagName === 'IMG') return;
    for (let c = e.lastChild; c && !stop; c = c.previousSibling) readBack(c, into);
  };
  let node: Element = el;
  for (let level = 0; level < 4 && !stop && total < NEARBY_CAP; level++) {
    for (let s = node.previousSibling; s && !stop && total < NEARBY_CAP; s = s.previousSibling) {
      const own: string[] = [];
      readBack(s, own);
      // Text inside a sibling that also holds a control (a hint after the previous field) is that field's.
      if (stop && s.nodeType === 1) break;
      for (const t of own) {
        parts.push(t);
        total += t.length;
      }
    }
    const parent = node.parentElement;
    if (!parent || parent.tagName === 'FORM' || parent.tagName === 'BODY' || parent.tagName === 'FIELDSET') break;
    node = parent;
  }
  const text = collapse(parts.reverse().join(' '));
  return text.length > NEARBY_CAP ? text.slice(text.length - NEARBY_CAP) : text;
}

/** Text right after the control in its container: a "Send code" button, a captcha image's alt, a hint. */
export function followingText(el: Element): { text: string; image: boolean } {
  let text = '';
  let image = false;
  const parent = el.parentElement;
  let n: Element | null = el.nextElementSibling;
  for (let i = 0; n && i < 4 && text.length < NEARBY_CAP; i++, n = n.nextElementSibling) {
    if (n.tagName === 'IMG' || n.tagName === 'CANVAS') image = true;
    if (n.tagName !== 'BUTTON' && isControlElement(n)) break;
    if (n.querySelector('img, canvas')) image = true;
    text += ' ' + (n.tagName === 'IMG' ? (n.getAttribute('alt') ?? '') : boundedText(n, NEARBY_CAP));
  }
  // A captcha image often sits before the field, in the same small container.
  if (!image && parent && parent.childElementCount <= 6) {
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName === 'IMG' || c.tagName === 'CANVAS') image = true;
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
  byId: Map<string, Element[]>;
}
const labelIndexes = new WeakMap<Node, LabelIndex>();

function labelsFor(el: Element): Element[] {
  const id = el.id;
  if (!id) return [];
  const root = el.getRootNode() as Document | ShadowRoot;
  const now = Date.now();
  let index = labelIndexes.get(root);
  if (!index || now - index.built > LABEL_INDEX_MS) {
    const byId = new Map<string, Element[]>();
    const all = root.querySelectorAll('label[for]');
    for (let i = 0; i < all.length; i++) {
      const l = all[i];
      const f = l?.getAttribute('for');
      if (!l || !f) continue;
      const list = byId.get(f);
      if (list) list.push(l);
      else byId.set(f, [l]);
    }
    index = { built: now, byId };
    labelIndexes.set(root, index);
    // Let the index go once it is stale (a page of 10,000 labels need not keep it in memory).
    const built = index;
    setTimeout(() => {
      if (labelIndexes.get(root) === built) labelIndexes.delete(root);
    }, LABEL_INDEX_MS + 100);
  }
  return (index.byId.get(id) ?? []).filter((l) => l.isConnected && l.getAttribute('for') === id);
}

export function labelText(el: Element): string {
  const parts: string[] = [];
  const labelable = el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA';
  if (labelable) for (const l of labelsFor(el).slice(0, 3)) parts.push(boundedText(l, TEXT_CAP));
  const wrapping = el.parentElement?.closest('label');
  if (wrapping && !wrapping.hasAttribute('for')) parts.push(boundedText(wrapping, TEXT_CAP));
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) parts.push(byIdText(el, labelledBy));
  const aria = el.getAttribute('aria-label');
  if (aria) parts.push(aria);
  return collapse(parts.join(' ')).slice(0, TEXT_CAP * 2);
}

export function selectOptions(el: Element): { options: string[]; optionCount: number } {
  if (el.tagName !== 'SELECT') return { options: [], optionCount: 0 };
  const opts = (el as HTMLSelectElement).options;
  const n = opts.length;
  const options: string[] = [];
  for (let i = 0; i < n && i < OPTIONS_HEAD; i++) options.push(collapse(opts[i]?.text ?? ''));
  for (let i = Math.max(OPTIONS_HEAD, n - OPTIONS_TAIL); i < n; i++) options.push(collapse(opts[i]?.text ?? ''));
  return { options, optionCount: n };
}

/** Sibling controls of the same shape (split boxes: 4 × maxlength 4), and the first one of the row. */
export function siblingGroup(el: Element): { size: number; first: Element | null } {
  const parent = el.parentElement;
  if (!parent || parent.childElementCount > 24) return { size: 1, first: null };
  const type = el.getAttribute('type') ?? '';
  const max = el.getAttribute('maxlength') ?? '';
  let size = 0;
  let first: Element | null = null;
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
    if (!isControlElement(c) || c.tagName === 'BUTTON') continue;
    if (!first) first = c;
    if (c.tagName === el.tagName && (c.getAttribute('maxlength') ?? '') === max) {
      const ct = c.getAttribute('type') ?? '';
      // Split card boxes mix type=tel and type=password (Korean checkouts mask the middle groups).
      if (ct === type || /^(tel|password|text|number|)$/.test(ct)) size++;
    }
  }
  return { size, first: first === el ? null : first };
}

export function maxLengthOf(el: Element): number | null {
  const raw = el.getAttribute('maxlength');
  if (raw === null) return null;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** A box whose own surroundings say nothing (a "-" or "(" between split boxes) borrows the row's label. */
export function groupLabelOf(first: Element | null, nearby: string): string {
  return first && !/[\p{L}]/u.test(nearby) ? collapse(labelText(first) + ' ' + nearbyText(first)) : '';
}

/** Lower-case input type ('text' when absent), 'select' for selects, '' otherwise. */
export function typeOf(el: Element): string {
  const tag = el.tagName.toLowerCase();
  return tag === 'input' ? ((el as HTMLInputElement).type || 'text').toLowerCase() : tag === 'select' ? 'select' : '';
}

export function isEditingHost(el: Element): boolean {
  return !CONTROL_TAGS.has(el.tagName) && isControlElement(el);
}

export function placeholderOf(el: Element): string {
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
    groupLabel: groupLabelOf(group.first, nearby),
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
