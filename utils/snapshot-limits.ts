// How much of a page a snapshot carries (utils/page/snapshot.ts reads the page; the background checks
// what arrives against the same caps, utils/detect/remote.ts). A file of its own: the background
// imports no page reader (dependency-cruiser.config.cjs, pure-logic-without-dom).
export const SNAPSHOT_LIMITS = {
  text: 4000,
  actions: 400,
  fields: 400,
  actionText: 120,
  label: 200,
  headings: 60,
  headingText: 200,
  pseudoSubmits: 20,
  /**
   * Elements visited, at most: what says which step a page is sits in its first few thousand
   * elements (title, headings, the top of the text, the first forms), and a page of 10,000 rows
   * (a long list, a storm of inserts) must not cost a long task on every re-evaluation.
   */
  elements: 3000,
} as const;
