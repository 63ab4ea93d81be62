// Import rules checked by `npm test` (scripts/test-all.mjs runs `depcruise --config dependency-cruiser.config.cjs`). Why each rule: the
// design's one-way data flow (page → snapshot → detectors → state → panel) holds only while pure
// logic never reaches into the UI, the entrypoints or a browser API, and a circle between modules
// hides which of them runs first. dependency-cruiser reads TypeScript through @swc/core: the
// project's TypeScript 7 has no compiler API for it.
/** utils/ modules that read a page's DOM: they run only in content scripts. */
const PAGE_READERS = '^utils/(snapshot|hotline-on-page|top-frame-bridge|fields/(read|describe|focus-guard))[.]ts$';

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
        'utils/ takes browser APIs as injected dependencies (see utils/progress-store.ts): it never imports ' +
        'the extension API, so it runs under Vitest and in any context as it is.',
      from: { path: '^utils/' },
      to: { path: '^(wxt/browser|webextension-polyfill|@wxt-dev/webextension-polyfill)', dependencyTypes: ['npm', 'npm-dev', 'core', 'unknown', 'undetermined', 'aliased'] },
    },
    {
      name: 'pure-logic-without-dom',
      severity: 'error',
      comment:
        'The page readers (PAGE_READERS: they read the DOM) are the only utils/ modules that touch a page; ' +
        'the rest of utils/ (pure rules and background services) never imports them or a UI library, so it ' +
        'runs in the background (no DOM there) and under Vitest as it is. Globals are not imports: tsc sees those.',
      from: { path: '^utils/', pathNot: PAGE_READERS },
      to: { path: [PAGE_READERS, '^(preact|preact/.*)$', '^components/'] },
    },
    {
      name: 'background-without-dom',
      severity: 'error',
      comment: 'utils/background/ runs in the service worker: no page reader, no UI, nothing of a content script.',
      from: { path: '^utils/background/' },
      to: { path: [PAGE_READERS, '^(preact|preact/.*)$', '^(components|entrypoints)/', '^utils/(panel-texts|send)'] },
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
