// Shared types for the guide's data and pure logic. Nothing here touches the DOM or the browser.

export const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every language the guide speaks. */
export type LocalText = Record<Language, string>;

export const STEP_IDS = ['sign-in', 'find-entry', 'submit-request', 'await-review', 'confirmed'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The ways a card ends (issue 13): the carrier's online channel, its hotline, a shop, porting the number out, or letting a prepaid card lapse. */
export const ROUTE_IDS = ['online', 'hotline', 'shop', 'port-out', 'lapse'] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

/**
 * A carrier's id. The ids are data (assets/guide/carriers.json: adding a carrier touches no code);
 * `isCarrierId` in utils/carriers.ts checks a value against them.
 */
export type CarrierId = string;

export type SiteTrust = 'official' | 'enabled' | 'suspicious';

export const FIELD_KINDS = ['card-number', 'card-cvc', 'card-expiry', 'password', 'otp', 'id-number'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];
export type Severity = 'warn' | 'info';

// ---------------------------------------------------------------------------------------------
// The guide as data (assets/guide/*.json)

/** A row of the project's fact sheet (docs/facts/) that a statement rests on. */
export interface Source {
  id: string;
  /** The sheet in docs/facts/ (absent: carriers.md). */
  sheet?: 'tied-accounts.md';
  /** Section heading of the sheet the row sits under, e.g. "Hotlines (as published by the carrier or the regulator OFCA)". */
  section: string;
  /** The row's first cell as written in carriers.md (enough to find the row). */
  row: string;
  confidence: 'High' | 'Medium-High' | 'Medium' | 'Low';
}

interface Hotline {
  number: string;
  label: LocalText;
  sources: string[];
}

export interface UrlRule {
  /** Path pattern, matched against the URL's pathname (and hash for single-page sites); a RegExp source string, case-insensitive. */
  path: string;
  /** Restrict to one host of the carrier; absent = any of its official hosts. */
  host?: string;
  /** The step this page is, or null for a page known not to be a cancellation step (a top-up page). */
  step: StepId | null;
  sources: string[];
}

interface CarrierStepText {
  /** What to do on this step at this carrier. */
  do: LocalText;
  sources: string[];
}

/** A way this carrier's card can end, and what each step means on it at this carrier. */
interface CarrierRoute {
  id: RouteId;
  /** Why this route exists at this carrier. */
  sources: string[];
  /** Carrier-specific text per step on this route; a step absent here shows the route's generic text. */
  steps: Partial<Record<StepId, CarrierStepText>>;
}

export interface Carrier {
  id: CarrierId;
  name: LocalText;
  /** Exact official hosts (lower case, no trailing dot). */
  hosts: string[];
  /** Hosts under the carrier's domains that are not the carrier's customer pages; never matched. */
  excludedHosts: string[];
  /** Where to go when no hotline is known (https URL on an official host). */
  website: string;
  hotlines: Hotline[];
  urlRules: UrlRule[];
  /** The route the guide starts with for this carrier's cards (one of `routes`). */
  defaultRoute: RouteId;
  /** The routes that exist at this carrier (sourced), in the order offered. */
  routes: CarrierRoute[];
  /** Carrier-specific notes shown in the panel (e.g. CMHK's two passwords). */
  notes: { id: string; text: LocalText; sources: string[] }[];
  hostSources: string[];
  /** Names a look-alike copies (issue 16): into its host, and into its page. Absent for `other`. */
  brand?: CarrierBrand;
}

/** A carrier's names as phishing copies them (utils/lookalike.ts normalises both sides alike). */
interface CarrierBrand {
  /** Host words that alone make a host a look-alike (`cmhk-points.example`, `cmcc-hk.example`). */
  hostWords: string[];
  /** Host words that need a page sign or an `hk` beside them (`rnr-hk.example`, `csl-hk.example`). */
  weakHostWords: string[];
  /** The carrier's names as a page writes them (title, headings, labels); Chinese names also match decoded `xn--` hosts. */
  pageWords: string[];
}

export interface GuideStep {
  id: StepId;
  title: LocalText;
  /** What to do (generic). */
  do: LocalText;
  /** What the page should look like. */
  looksLike: LocalText;
  /** What never to type here. */
  neverType: LocalText;
  /** What `do` rests on (title, looks-like and never-type are the article's shape and our advice). */
  sources: string[];
}

interface ChecklistItem {
  id: string;
  text: LocalText;
  sources: string[];
}

export interface Caution {
  id: string;
  text: LocalText;
  sources: string[];
}

/** What a step means on a route (generic; a carrier's route text may replace `do`). */
interface RouteStepText {
  title: LocalText;
  do: LocalText;
  sources: string[];
}

interface Route {
  id: RouteId;
  name: LocalText;
  /** Absent steps (all of them for `online`) mean what the guide's own step says. */
  steps: Partial<Record<StepId, RouteStepText>>;
}

/** A service people tie to their number (assets/guide/tied-accounts.json; docs/facts/tied-accounts.md). */
export interface TiedAccount {
  id: string;
  name: LocalText;
  /** Where to change the number, and its catch, in a line or two. */
  how: LocalText;
  sources: string[];
}

export interface Guide {
  /** ISO date the facts were last checked against the reference. */
  lastChecked: string;
  checklist: ChecklistItem[];
  steps: GuideStep[];
  cautions: Caution[];
  ifItFails: Caution[];
  /** The 远游卡 explanation and other card notes. */
  cardNotes: Caution[];
  /** The five routes, each step's meaning on it. */
  routes: Route[];
  /** Accounts tied to the number: move them first. */
  tied: TiedAccount[];
}

// ---------------------------------------------------------------------------------------------
// Page snapshots: what the step detectors see (built by utils/page/snapshot.ts from the DOM)

export interface SnapshotAction {
  /** Index into the snapshot's element list, so the content script can find the element again. */
  ref: number;
  kind: 'link' | 'button';
  /** Visible text, aria-label or title, whitespace collapsed. */
  text: string;
  /** Link path (pathname + hash), never the query string. */
  href?: string;
  /** Inside a nav/menu/header (account menus). */
  inNav: boolean;
}

export interface SnapshotField {
  ref: number;
  tag: 'input' | 'select' | 'textarea';
  type: string;
  name: string;
  id: string;
  autocomplete: string;
  /** Label text, aria-label, placeholder, title: the field's description, whitespace collapsed. */
  label: string;
}

export interface SnapshotForm {
  fields: SnapshotField[];
  /** Submit buttons' texts. */
  submitTexts: string[];
  /** Checkbox labels (agreements). */
  checkboxLabels: string[];
}

export interface PageSnapshot {
  host: string;
  /** pathname + hash; never the query string. */
  path: string;
  lang: string;
  title: string;
  headings: string[];
  /** Visible main text, whitespace collapsed, capped in length. */
  text: string;
  actions: SnapshotAction[];
  forms: SnapshotForm[];
}

/** What a detector found: the step, and an element to highlight if any. */
export interface StepSignal {
  step: StepId;
  target?: number;
}

// ---------------------------------------------------------------------------------------------
// Progress (stored by the background only; see utils/progress.ts)

/** The user's own note of the request they made (typed into our UI; nothing from the page). */
export interface RequestRecord {
  /** YYYY-MM-DD. */
  date: string;
  route: RouteId;
  /** A reference number or staff name the carrier gave; may be ''. */
  ref: string;
}

export interface CardProgress {
  /** Label the user chose for this card ("work card"); never a number. */
  label: string;
  checklist: string[];
  stepsDone: StepId[];
  stepsReached: StepId[];
  /** The route the user chose (null: the carrier's default). */
  route: RouteId | null;
  /** Tied accounts the user has moved (ticked) and those they do not use (dismissed). */
  tiedDone: string[];
  tiedSkipped: string[];
  record: RequestRecord | null;
}

export interface CarrierProgress {
  activeCard: string;
  cards: Record<string, CardProgress>;
}

/** A site the user chose to use the guide on: an origin (`https://host`, no port, no path) and the carrier they picked. */
export interface EnabledSite {
  origin: string;
  carrier: CarrierId;
}

export interface Settings {
  language: Language | null;
  disabledEverywhere: boolean;
  /** Hosts where the user turned the panel off. */
  disabledHosts: string[];
  collapsed: boolean;
  /** Sites the user enabled (each backed by an optional host permission; the background keeps the two in step). */
  enabledSites: EnabledSite[];
  /** "Warn me on sites that imitate my carrier" (backed by the optional permission for all sites). */
  lookalikeWarning: boolean;
  /**
   * The field guard's warnings (beside a card-number, password, one-time-code or ID box) on the
   * guide's sites. On unless the user turns them off in settings; turning the guide off leaves them on.
   */
  fieldWarnings: boolean;
}

export interface Progress {
  version: 2;
  carriers: Record<CarrierId, CarrierProgress>;
  settings: Settings;
}

/** The name before version 2 (issue 13); kept so code written against it still compiles. */
export type ProgressV1 = Progress;
