// Builds a PageSnapshot from the DOM: what the step detectors see. One linear walk over the
// document, no layout and no getComputedStyle (a page can have 10,000 controls), capped sizes.
// Privacy: the path never carries the query string (nor a query hidden in a hash route), and no
// typed value is read: only button-like inputs give their value as a label.
import type { PageSnapshot, SnapshotAction, SnapshotField, SnapshotForm } from '../types';
import { SNAPSHOT_LIMITS } from '../snapshot-limits';

/** Our own UI's host element carries this attribute; the snapshot never looks inside it. */
export const GUIDE_HOST_ATTRIBUTE = 'data-sim-exit-guide-host';

export interface SnapshotLocation {
  hostname: string;
  pathname: string;
  hash: string;
}

export { SNAPSHOT_LIMITS };

// Never walked: code, media, our host, and subtrees whose text is not page prose.
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'select', 'textarea', 'option', 'datalist', 'head',
]);
// Inline elements do not separate words; every other element does (textContent would glue
// "<li>Home</li><li>Plans</li>" into "HomePlans").
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var',
]);
const NAV_ROLES = new Set(['navigation', 'menu', 'menubar']);
const CHROME_ROLES = new Set(['navigation', 'menu', 'menubar', 'banner', 'contentinfo', 'complementary']);
const SECTIONING = new Set(['main', 'article', 'section']);
const BUTTON_INPUTS = new Set(['submit', 'button', 'reset', 'image']);
const NOT_FIELDS = new Set(['hidden', ...BUTTON_INPUTS]);

/** A text being collected for one element (an action, heading or label) while the walk is inside it. */
interface Acc {
  parts: string[];
  len: number;
  alt: string;
}
const ACC_LIMIT = 300;

interface PendingField {
  field: SnapshotField;
  el: Element;
  form: number;
  wrap: Acc | null;
}

/** An editing host or a role=textbox box: what the user types, never read. */
function typedInto(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return (editable !== null && editable.toLowerCase() !== 'false') || el.getAttribute('role') === 'textbox';
}

/** An element's text, up to a label's length, without what is typed into it or below it (editing hosts, text areas, scripts). */
function safeText(root: Element): string {
  let out = '';
  const stack: Node[] = [root];
  while (stack.length && out.length < SNAPSHOT_LIMITS.label) {
    const n = stack.pop()!;
    if (n.nodeType === 3) out += (n as Text).data;
    else if (n.nodeType === 1 && !typedInto(n as Element) && !SKIP_TAGS.has((n as Element).localName)) {
      out += ' ';
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function cap(s: string, n: number): string {
  return s.length > n ? s.slice(0, n).trim() : s;
}

/** Drops a query hidden in a hash route (`#/account?token=…`). */
function hashWithoutQuery(hash: string): string {
  const q = hash.indexOf('?');
  return q === -1 ? hash : hash.slice(0, q);
}

function accText(acc: Acc): string {
  return collapse(acc.parts.join(''));
}

/** Cheap visibility: attributes only (no layout). */
function isHidden(el: Element, body: Element): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  // Modal libraries put aria-hidden on the page's top-level containers while a dialog is open;
  // honouring it there would blank the whole page, so it counts only below them.
  if (el.getAttribute('aria-hidden') === 'true' && el.parentNode !== body) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  if (el.localName === 'dialog' && !el.hasAttribute('open')) return true;
  return false;
}

/**
 * Reads the page into a snapshot. `loc` is usually `location`; only hostname, pathname and hash
 * are read, so the query string never enters the snapshot.
 * (One function with local state rather than a class: the minifier can shorten local names, not
 * property names, and this file ships in the panel's content script.)
 */
export function takeSnapshot(doc: Document, loc: SnapshotLocation): { snapshot: PageSnapshot; elements: Element[] } {
  const body = doc.body ?? doc.documentElement;
  const { hostname, pathname, hash } = loc;
  const elements: Element[] = [];
  const actions: SnapshotAction[] = [];
  const headings: string[] = [];
  const mainText: string[] = [];
  const otherText: string[] = [];
  let mainLen = 0;
  let otherLen = 0;
  const forms: SnapshotForm[] = [];
  const formIndex = new Map<Element, number>();
  const pseudo: SnapshotForm = { fields: [], submitTexts: [], checkboxLabels: [] };
  const fields: PendingField[] = [];
  const labelFor = new Map<string, string>();
  const open: Acc[] = [];

  // Walk state, saved and restored around each element (no allocation per element).
  let nav = false;
  let chrome = false;
  let main = false;
  let sectioning = false;
  let form = -1;
  let label: Acc | null = null;
  let visited = 0;

  let base = `https://${hostname}${pathname}`;
  try {
    const b = new URL(doc.baseURI);
    if ((b.protocol === 'https:' || b.protocol === 'http:') && b.hostname === hostname) base = b.href;
  } catch {
    // keep the fallback
  }

  const addText = (s: string): void => {
    for (const acc of open) {
      if (acc.len < ACC_LIMIT) {
        acc.parts.push(s);
        acc.len += s.length;
      }
    }
    if (chrome) return;
    // Raw lengths overshoot the cap on purpose: collapsing whitespace shrinks them later.
    if (main) {
      if (mainLen < SNAPSHOT_LIMITS.text * 2) {
        mainText.push(s);
        mainLen += s.length;
      }
    } else if (otherLen < SNAPSHOT_LIMITS.text * 2) {
      otherText.push(s);
      otherLen += s.length;
    }
  };

  const visitChildren = (parent: ParentNode): void => {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) addText((n as Text).data);
      else if (n.nodeType === 1) visit(n as Element);
    }
  };

  const formFor = (el: Element): number => {
    let i = formIndex.get(el);
    if (i === undefined) {
      i = forms.length;
      forms.push({ fields: [], submitTexts: [], checkboxLabels: [] });
      formIndex.set(el, i);
    }
    return i;
  };

  const visit = (el: Element): void => {
    if (++visited > SNAPSHOT_LIMITS.elements) return;
    const tag = el.localName;
    if (el.hasAttribute(GUIDE_HOST_ATTRIBUTE) || isHidden(el, body)) return;
    const role = el.getAttribute('role');
    const inputType = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : '';
    if (tag === 'input' && inputType === 'hidden') return;

    // Fields (select and textarea are not walked: their contents are options or typed text).
    if (tag === 'input' || tag === 'select' || tag === 'textarea') {
      if (!NOT_FIELDS.has(inputType)) {
        addField(el, tag, tag === 'input' ? inputType : tag);
        return;
      }
    }
    if (SKIP_TAGS.has(tag)) return;
    // Editing hosts and role=textbox boxes hold what the user types (true, '', plaintext-only, any case): never read.
    if (typedInto(el)) return;

    const savedNav = nav;
    const savedChrome = chrome;
    const savedMain = main;
    const savedSectioning = sectioning;
    const savedForm = form;
    const savedLabel = label;
    const pageLevel = !sectioning;
    if (tag === 'nav' || tag === 'aside' || (tag === 'header' && pageLevel) || (role !== null && NAV_ROLES.has(role))) nav = true;
    if (tag === 'nav' || tag === 'aside' || ((tag === 'header' || tag === 'footer') && pageLevel) || (role !== null && CHROME_ROLES.has(role))) chrome = true;
    if (tag === 'main' || role === 'main') main = true;
    if (SECTIONING.has(tag) || role === 'main') sectioning = true;
    if (tag === 'form') form = formFor(el);

    const kind = actionKind(el, tag, role, inputType);
    const isHeading = /^h[1-3]$/.test(tag) || role === 'heading';
    const isLabel = tag === 'label';
    const acc: Acc | null = kind || isHeading || isLabel ? { parts: [], len: 0, alt: '' } : null;
    if (acc) open.push(acc);
    if (isLabel) label = acc;
    const block = !INLINE_TAGS.has(tag);

    if (block) addText(' ');
    if (tag === 'img' && open.length > 0) {
      const alt = el.getAttribute('alt');
      if (alt) for (const a of open) if (!a.alt) a.alt = alt;
    }
    const shadow = (el as HTMLElement).shadowRoot;
    if (shadow) visitChildren(shadow);
    visitChildren(el);
    if (block) addText(' ');

    if (acc) {
      open.pop();
      const text = accText(acc);
      if (kind) addAction(el, kind, text, acc.alt, inputType);
      if (isHeading && text && !chrome && headings.length < SNAPSHOT_LIMITS.headings) {
        headings.push(cap(text, SNAPSHOT_LIMITS.headingText));
      }
      if (isLabel && text) {
        const forId = el.getAttribute('for');
        if (forId) labelFor.set(forId, labelFor.has(forId) ? `${labelFor.get(forId)} ${text}` : text);
      }
    }
    nav = savedNav;
    chrome = savedChrome;
    main = savedMain;
    sectioning = savedSectioning;
    form = savedForm;
    label = savedLabel;
  };

  const addAction = (el: Element, kind: 'link' | 'button', content: string, alt: string, inputType: string): void => {
    const raw =
      content ||
      el.getAttribute('aria-label') ||
      el.getAttribute('title') ||
      (inputType ? el.getAttribute('value') ?? (inputType === 'submit' ? 'Submit' : '') : '') ||
      alt;
    const text = cap(collapse(raw ?? ''), SNAPSHOT_LIMITS.actionText);
    // Submit buttons belong to their form (or, outside any form, to the pseudo-form).
    const tag = el.localName;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    const isSubmit = (tag === 'button' && (type === '' || type === 'submit')) || inputType === 'submit' || inputType === 'image';
    if (text) {
      if (form >= 0) {
        if (isSubmit) forms[form]?.submitTexts.push(text);
      } else if (kind === 'button' && !nav && pseudo.submitTexts.length < SNAPSHOT_LIMITS.pseudoSubmits) {
        pseudo.submitTexts.push(text);
      }
    }
    if (actions.length >= SNAPSHOT_LIMITS.actions) return;
    const action: SnapshotAction = { ref: elements.length, kind, text, inNav: nav };
    const rawHref = tag === 'a' || tag === 'area' ? el.getAttribute('href') : null;
    if (rawHref !== null) {
      const href = linkPath(rawHref);
      if (href !== undefined) action.href = href;
    }
    elements.push(el);
    actions.push(action);
  };

  /** pathname + hash (same host), `//host` + pathname + hash (other hosts); never the query. */
  const linkPath = (raw: string): string | undefined => {
    try {
      const u = new URL(raw, base);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
      const path = u.pathname + hashWithoutQuery(u.hash);
      return u.hostname === hostname ? path : `//${u.hostname}${path}`;
    } catch {
      return undefined;
    }
  };

  const addField = (el: Element, tag: 'input' | 'select' | 'textarea', type: string): void => {
    if (fields.length >= SNAPSHOT_LIMITS.fields) return;
    let owner = form;
    const formAttr = el.getAttribute('form');
    if (formAttr) {
      const formEl = doc.getElementById(formAttr);
      if (formEl && formEl.localName === 'form') owner = formFor(formEl);
    }
    const field: SnapshotField = {
      ref: elements.length,
      tag,
      type,
      name: el.getAttribute('name') ?? '',
      id: el.getAttribute('id') ?? '',
      autocomplete: (el.getAttribute('autocomplete') ?? '').toLowerCase(),
      label: '',
    };
    elements.push(el);
    fields.push({ field, el, form: owner, wrap: label });
  };

  const labelOf = (p: PendingField): string => {
    const el = p.el;
    const parts: string[] = [];
    if (p.field.id) parts.push(labelFor.get(p.field.id) ?? '');
    if (p.wrap) parts.push(accText(p.wrap));
    parts.push(el.getAttribute('aria-label') ?? '');
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      for (const id of by.split(/\s+/).slice(0, 5)) {
        const target = id ? doc.getElementById(id) : null;
        const t = target ? safeText(target) : null;
        if (t) parts.push(cap(collapse(t), SNAPSHOT_LIMITS.label));
      }
    }
    parts.push(el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '');
    const seen = new Set<string>();
    const out: string[] = [];
    for (const part of parts) {
      const c = collapse(part);
      if (c && !seen.has(c)) {
        seen.add(c);
        out.push(c);
      }
    }
    return cap(out.join(' '), SNAPSHOT_LIMITS.label);
  };

  if (body) visitChildren(body);

  for (const p of fields) {
    p.field.label = labelOf(p);
    const owner = p.form >= 0 ? forms[p.form] : pseudo;
    if (!owner) continue;
    owner.fields.push(p.field);
    if (p.field.type === 'checkbox' && p.field.label) owner.checkboxLabels.push(p.field.label);
  }
  const withFields = forms.filter((f) => f.fields.length > 0);
  if (pseudo.fields.length > 0) withFields.push(pseudo);
  const text = cap(collapse(`${mainText.join('')} ${otherText.join('')}`), SNAPSHOT_LIMITS.text);
  const snapshot: PageSnapshot = {
    host: hostname.toLowerCase(),
    path: pathname + hashWithoutQuery(hash),
    lang: doc.documentElement?.getAttribute('lang') ?? '',
    title: cap(collapse(doc.title ?? ''), SNAPSHOT_LIMITS.headingText),
    headings,
    text,
    actions,
    forms: withFields,
  };
  return { snapshot, elements };
}

function actionKind(el: Element, tag: string, role: string | null, inputType: string): 'link' | 'button' | null {
  if (role === 'button') return 'button';
  if (role === 'link' || role === 'menuitem') return 'link';
  if (tag === 'a') return el.hasAttribute('href') ? 'link' : null;
  if (tag === 'button') return 'button';
  if (tag === 'input' && BUTTON_INPUTS.has(inputType) && inputType !== 'reset') return 'button';
  return null;
}
