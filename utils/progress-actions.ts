// Progress, writing: the actions the background applies (utils/background/progress-store.ts).
// Immutable; an action that is invalid or changes nothing returns `p` itself. What may be stored,
// and how a stored value is read and checked, is utils/progress.ts's.
import { isCarrierId } from './carriers';
import { DEFAULT_CARD, cardOf, defaultCard, hasOwn } from './card';
import { isLanguage } from './language';
import type { ProgressAction } from './messages';
import {
  MAX_BYTES,
  MAX_CARDS,
  MAX_CHECKLIST,
  MAX_DISABLED_HOSTS,
  MAX_ENABLED_SITES,
  MAX_TIED,
  cardLabelProblem,
  carrierOf,
  inFlowOrder,
  isEnabledSite,
  isPlainObject,
  isRequestRecord,
  isRouteId,
  isShortId,
  isStepId,
  isStorableHost,
  serialisedBytes,
} from './progress';
import type { CardProgress, CarrierId, CarrierProgress, EnabledSite, Progress, Settings } from './types';

type ProgressV1 = Progress;

function withCard(p: ProgressV1, carrier: CarrierId, change: (card: CardProgress) => CardProgress): ProgressV1 {
  const cp = carrierOf(p, carrier);
  const current = cardOf(p, carrier);
  const activeCard = hasOwn(cp.cards, cp.activeCard) ? cp.activeCard : DEFAULT_CARD;
  return withCarrier(p, carrier, { activeCard, cards: { ...cp.cards, [activeCard]: change(current) } });
}

function withCarrier(p: ProgressV1, carrier: CarrierId, cp: CarrierProgress | null): ProgressV1 {
  const carriers = { ...p.carriers };
  if (cp) carriers[carrier] = cp;
  else delete carriers[carrier];
  return { ...p, carriers };
}

function slug(label: string): string {
  const ascii = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/\d{4,}/g, '') // never carry a digit run into an id, whatever the label allowed
    .replace(/-+/g, '-')
    .replace(/^[-\d]+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  return ascii || 'card';
}

/** A card id from the label: its slug, then slug-2, slug-3… The same label and cards give the same id. */
export function cardIdFor(label: string, existing: readonly string[]): string {
  const base = slug(label);
  if (!existing.includes(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!existing.includes(id)) return id;
  }
}

function patchSettings(settings: Settings, patch: unknown): Settings | null {
  if (!isPlainObject(patch)) return null;
  const next: Settings = { ...settings };
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    switch (key) {
      case 'language':
        if (value !== null && !isLanguage(value)) return null;
        next.language = value;
        break;
      case 'disabledEverywhere':
      case 'collapsed':
      case 'fieldWarnings':
        if (typeof value !== 'boolean') return null;
        next[key] = value;
        break;
      case 'disabledHosts':
        if (!Array.isArray(value) || value.length > MAX_DISABLED_HOSTS) return null;
        if (!value.every(isStorableHost)) return null;
        next.disabledHosts = [...new Set(value)];
        break;
      // enabledSites and lookalikeWarning follow the browser's permissions: only the background's
      // site actions (below) change them, never a settings patch from a page or the popup.
      default:
        return null;
    }
  }
  return next;
}

/**
 * Changes that must agree with the browser's permissions. The background applies them itself
 * (utils/background/site-registry.ts) after checking the permission; the message router refuses them.
 */
export type SiteAction =
  | { kind: 'enable-site'; site: EnabledSite }
  | { kind: 'disable-site'; origin: string }
  | { kind: 'lookalike-warning'; on: boolean };

export const SITE_ACTION_KINDS: readonly string[] = ['enable-site', 'disable-site', 'lookalike-warning'];

function applySiteAction(p: ProgressV1, a: SiteAction): ProgressV1 {
  const s = p.settings;
  switch (a.kind) {
    case 'enable-site': {
      if (!isEnabledSite(a.site)) return p;
      const site = { origin: a.site.origin, carrier: a.site.carrier };
      const existing = s.enabledSites.find((e) => e.origin === site.origin);
      if (existing?.carrier === site.carrier) return p;
      if (!existing && s.enabledSites.length >= MAX_ENABLED_SITES) return p;
      const enabledSites = existing
        ? s.enabledSites.map((e) => (e.origin === site.origin ? site : e))
        : [...s.enabledSites, site].sort((x, y) => (x.origin < y.origin ? -1 : x.origin > y.origin ? 1 : 0));
      return { ...p, settings: { ...s, enabledSites } };
    }
    case 'disable-site': {
      if (!s.enabledSites.some((e) => e.origin === a.origin)) return p;
      return { ...p, settings: { ...s, enabledSites: s.enabledSites.filter((e) => e.origin !== a.origin) } };
    }
    case 'lookalike-warning':
      if (typeof a.on !== 'boolean' || a.on === s.lookalikeWarning) return p;
      return { ...p, settings: { ...s, lookalikeWarning: a.on } };
    default:
      return p;
  }
}

function applyUnchecked(p: ProgressV1, a: ProgressAction | SiteAction): ProgressV1 {
  if (a.kind === 'enable-site' || a.kind === 'disable-site' || a.kind === 'lookalike-warning') return applySiteAction(p, a);
  if (a.kind === 'settings') {
    const settings = patchSettings(p.settings, a.patch);
    return settings ? { ...p, settings } : p;
  }
  if (!isCarrierId(a.carrier)) return p;
  switch (a.kind) {
    case 'toggle-check': {
      if (!isShortId(a.item)) return p;
      const card = cardOf(p, a.carrier);
      if (card.checklist.includes(a.item)) {
        return withCard(p, a.carrier, (c) => ({ ...c, checklist: c.checklist.filter((i) => i !== a.item) }));
      }
      if (card.checklist.length >= MAX_CHECKLIST) return p;
      return withCard(p, a.carrier, (c) => ({ ...c, checklist: [...c.checklist, a.item] }));
    }
    case 'mark-step': {
      if (!isStepId(a.step) || typeof a.done !== 'boolean') return p;
      const card = cardOf(p, a.carrier);
      if (a.done === card.stepsDone.includes(a.step) && (!a.done || card.stepsReached.includes(a.step))) return p;
      return withCard(p, a.carrier, (c) =>
        a.done
          ? {
              ...c,
              stepsDone: inFlowOrder([...c.stepsDone, a.step]),
              // A step the user says is done has been reached, too.
              stepsReached: inFlowOrder([...c.stepsReached, a.step]),
            }
          : { ...c, stepsDone: c.stepsDone.filter((s) => s !== a.step) },
      );
    }
    case 'set-route': {
      if (!isRouteId(a.route) || cardOf(p, a.carrier).route === a.route) return p;
      return withCard(p, a.carrier, (c) => ({ ...c, route: a.route }));
    }
    case 'tied': {
      if (!isShortId(a.item) || !['done', 'skipped', 'todo'].includes(a.state)) return p;
      const card = cardOf(p, a.carrier);
      const tiedDone = card.tiedDone.filter((i) => i !== a.item);
      const tiedSkipped = card.tiedSkipped.filter((i) => i !== a.item);
      if (a.state === 'done') tiedDone.push(a.item);
      if (a.state === 'skipped') tiedSkipped.push(a.item);
      if (tiedDone.length > MAX_TIED || tiedSkipped.length > MAX_TIED) return p;
      if (tiedDone.join() === card.tiedDone.join() && tiedSkipped.join() === card.tiedSkipped.join()) return p;
      return withCard(p, a.carrier, (c) => ({ ...c, tiedDone, tiedSkipped }));
    }
    case 'record': {
      if (a.record !== null && !isRequestRecord(a.record)) return p;
      const record = a.record && { date: a.record.date, route: a.record.route, ref: a.record.ref };
      return withCard(p, a.carrier, (c) => ({ ...c, record }));
    }
    case 'reach-step': {
      if (!isStepId(a.step) || cardOf(p, a.carrier).stepsReached.includes(a.step)) return p;
      return withCard(p, a.carrier, (c) => ({ ...c, stepsReached: inFlowOrder([...c.stepsReached, a.step]) }));
    }
    case 'reset':
      return p.carriers[a.carrier] ? withCarrier(p, a.carrier, null) : p;
    case 'add-card': {
      if (typeof a.label !== 'string') return p;
      const label = a.label.trim();
      if (cardLabelProblem(label) !== null) return p;
      const cp = carrierOf(p, a.carrier);
      const ids = Object.keys(cp.cards);
      if (ids.length >= MAX_CARDS) return p;
      const id = cardIdFor(label, ids);
      return withCarrier(p, a.carrier, { activeCard: id, cards: { ...cp.cards, [id]: defaultCard(label) } });
    }
    case 'select-card': {
      const cp = carrierOf(p, a.carrier);
      if (typeof a.card !== 'string' || !hasOwn(cp.cards, a.card) || cp.activeCard === a.card) return p;
      return withCarrier(p, a.carrier, { ...cp, activeCard: a.card });
    }
    case 'remove-card': {
      const cp = p.carriers[a.carrier];
      if (!cp || typeof a.card !== 'string' || !hasOwn(cp.cards, a.card)) return p;
      const rest = Object.keys(cp.cards).filter((id) => id !== a.card);
      const first = rest[0];
      if (first === undefined) return p; // never the last card
      const cards: Record<string, CardProgress> = {};
      for (const id of rest) cards[id] = cp.cards[id] as CardProgress;
      return withCarrier(p, a.carrier, { activeCard: cp.activeCard === a.card ? first : cp.activeCard, cards });
    }
    default:
      return p;
  }
}

/**
 * Applies one action. Immutable. An invalid action (unknown carrier, a label that looks like a
 * number, a malformed settings patch…) or one that would push the stored value over its size
 * limit changes nothing and returns `p` itself, so callers can skip the write.
 */
export function applyAction(p: ProgressV1, a: ProgressAction | SiteAction): ProgressV1 {
  if (!isPlainObject(a)) return p;
  const next = applyUnchecked(p, a);
  if (next === p) return p;
  const bytes = serialisedBytes(next);
  return bytes !== null && bytes <= MAX_BYTES ? next : p;
}
