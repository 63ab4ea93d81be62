// Shared types for the guide's data and pure logic. Nothing here touches the DOM or the browser.

export const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every language the guide speaks. */
export type LocalText = Record<Language, string>;

export const STEP_IDS = ['sign-in', 'find-entry', 'submit-request', 'await-review', 'confirmed'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const CARRIER_IDS = ['cmhk', 'cuniq', 'three', 'csl', 'smartone', 'fetnet', 'other'] as const;
export type CarrierId = (typeof CARRIER_IDS)[number];

export type SiteTrust = 'official' | 'enabled' | 'suspicious';

export const FIELD_KINDS = ['card-number', 'card-cvc', 'card-expiry', 'password', 'otp', 'id-number'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];
export type Severity = 'warn' | 'info';

// ---------------------------------------------------------------------------------------------
// The guide as data (assets/guide/*.json)

/** A row of ../shared/reference/carriers.md that a statement rests on. */
export interface Source {
  id: string;
  /** Section heading of carriers.md the row sits under, e.g. "Hotlines (as published by the carrier or the regulator OFCA)". */
  section: string;
  /** The row's first cell as written in carriers.md (enough to find the row). */
  row: string;
  confidence: 'High' | 'Medium-High' | 'Medium' | 'Low';
}

export interface Hotline {
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

export interface CarrierStepText {
  /** What to do on this step at this carrier. */
  do: LocalText;
  sources: string[];
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
  /** Carrier-specific text per step; a step absent here shows the generic text and the hotline. */
  steps: Partial<Record<StepId, CarrierStepText>>;
  /** Carrier-specific notes shown in the panel (e.g. CMHK's two passwords). */
  notes: { id: string; text: LocalText; sources: string[] }[];
  hostSources: string[];
  /** Names a look-alike copies (issue 16): into its host, and into its page. Absent for `other`. */
  brand?: CarrierBrand;
}

/** A carrier's names as phishing copies them (utils/lookalike.ts normalises both sides alike). */
export interface CarrierBrand {
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
}

export interface ChecklistItem {
  id: string;
  text: LocalText;
  sources: string[];
}

export interface Caution {
  id: string;
  text: LocalText;
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
}

// ---------------------------------------------------------------------------------------------
// Page snapshots: what the step detectors see (built by utils/snapshot.ts from the DOM)

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

export interface CardProgress {
  /** Label the user chose for this card ("work card"); never a number. */
  label: string;
  checklist: string[];
  stepsDone: StepId[];
  stepsReached: StepId[];
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
}

export interface ProgressV1 {
  version: 1;
  carriers: Partial<Record<CarrierId, CarrierProgress>>;
  settings: Settings;
}
