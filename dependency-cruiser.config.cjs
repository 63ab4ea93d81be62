// Import rules checked by `npm test` (scripts/test-all.mjs runs `depcruise --config dependency-cruiser.config.cjs`). Why each rule: the
// design's one-way data flow (page → snapshot → detectors → state → panel) holds only while pure
// logic never reaches into the UI, the entrypoints or a browser API, and a circle between modules
// hides which of them runs first. dependency-cruiser reads TypeScript through @swc/core: the
// project's TypeScript 7 has no compiler API for it.
/**
 * Where code runs, by folder (issue 12):
 *   utils/page/        page readers and content-script plumbing: they touch a page's DOM (content scripts only);
 *   utils/background/  background services: browser APIs, injected (the service worker or MV2 background page);
 *   utils/ (the rest)  pure rules: no DOM, no browser API, no UI; they run anywhere, Vitest included;
 *   components/        the UI (Preact), entrypoints/ the bundles that mount it.
 */
const PAGE = '^utils/page/';
/** The one module that names the extension API in content scripts (utils/page/browser.ts says why). */
const CONTENT_BROWSER = '^utils/page/browser[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle between modules hides which runs first; split the shared part into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'logic-not-to-ui',
      severity: 'error',
      comment: 'Pure logic (utils/) imports nothing from the UI (components/) or the entrypoints.',
      from: { path: '^utils/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'ui-not-to-entrypoints',
      severity: 'error',
      comment: 'Components are mounted by entrypoints, never the other way round.',
      from: { path: '^components/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'logic-without-browser-api',
      severity: 'error',
      comment:
        'utils/ takes browser APIs as injected dependencies (see utils/background/progress-store.ts): it never imports ' +
        'the extension API, so it runs under Vitest and in any context as it is.',
      from: { path: '^utils/', pathNot: CONTENT_BROWSER },
      to: { path: '^(wxt/browser|webextension-polyfill|@wxt-dev/webextension-polyfill)', dependencyTypes: ['npm', 'npm-dev', 'core', 'unknown', 'undetermined', 'aliased'] },
    },
    {
      name: 'pure-logic-without-dom',
      severity: 'error',
      comment:
        'The page readers (utils/page/: they read the DOM) are the only utils/ modules that touch a page; ' +
        'the rest of utils/ (pure rules and background services) never imports them or a UI library, so it ' +
        'runs in the background (no DOM there) and under Vitest as it is. Globals are not imports: tsc sees those.',
      from: { path: '^utils/', pathNot: PAGE },
      to: { path: [PAGE, '^(preact|preact/.*)$', '^components/'] },
    },
    {
      name: 'pure-not-to-services',
      severity: 'error',
      comment:
        'Pure rules (utils/ outside page/ and background/) are used by both sides: they import neither side ' +
        '(utils/send.ts aside: it takes only its reply types from the protocol table, and types ship nothing; ' +
        'dependency-cruiser reading TypeScript through swc cannot tell a type-only import).',
      from: { path: '^utils/', pathNot: ['^utils/(page|background)/', '^utils/send[.]ts$'] },
      to: { path: '^utils/(page|background)/' },
    },
    {
      name: 'page-not-to-background',
      severity: 'error',
      comment: 'Content-script code never bundles a background service: it asks the background through the protocol (utils/send.ts).',
      from: { path: ['^utils/page/', '^entrypoints/(panel|guard|probe)'] },
      to: { path: '^utils/background/' },
    },
    {
      name: 'background-without-dom',
      severity: 'error',
      comment: 'utils/background/ runs in the service worker: no page reader, no UI, nothing of a content script.',
      from: { path: '^utils/background/' },
      to: { path: [PAGE, '^(preact|preact/.*)$', '^(components|entrypoints)/', '^utils/send'] },
    },
    {
      name: 'tests-not-from-product',
      severity: 'error',
      comment: 'Shipped code never imports a test or a fixture.',
      from: { path: '^(utils|components|entrypoints|assets)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(wxt/|virtual:|~)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(\\.output|\\.wxt|node_modules)/' },
  },
};
