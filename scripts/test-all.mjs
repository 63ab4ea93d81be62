#!/usr/bin/env node
// `npm test`: every check, in order, then one plain summary line `N passed, N failed[, N skipped]`.
//
//   1. type check (tsc --noEmit)
//   1b. import rules (dependency-cruiser) and dead code (knip)
//   2. unit tests (Vitest, JSON report in test-results/unit.json)
//   3. build the Chrome extension (wxt build)
//   4. build the Firefox extension (wxt build -b firefox)
//   5. web-ext lint of the Firefox build (counts as one test; see lintFirefox below)
//   5b. the Firefox sources archive (`wxt zip -b firefox`) holds sources only (one test; checkSourcesArchive)
//   5c. npm audit of the runtime dependencies: no high or critical advisory (one test, or one skip
//       when the registry does not answer advisory requests; see auditRuntime)
//   6. end-to-end tests in real Chromium (every e2e file but `*.firefox.test.ts`, test-results/e2e-chromium.json); must run ≥ 1 test
//   7. end-to-end tests in real Firefox (the `*.firefox.test.ts` files, test-results/e2e-firefox.json); must run ≥ 1 test
//   8. the same scenarios ran in both browsers (counts as one test; see sameScenarios below)
//
// The counts come from Vitest's JSON reports. A step that fails without a failing test in a report
// (the type check, a build, a test file that could not load, a suite that ran nothing) counts as
// one failure, so the summary says "0 failed" exactly when the exit code is 0.
// Each browser is a build step plus an e2e step with `requireTests: true` in STEPS: add or change
// a browser there. Browser test files run one at a time (vitest.e2e.config.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'test-results');
/** A step that hangs (a test stuck in a loop, a browser that never answers) is stopped and fails. */
const STEP_TIMEOUT_MS = Number(process.env.TEST_STEP_TIMEOUT_MINUTES || 20) * 60_000;

/** A package's bin script, run with this Node (no npx, no shell: the same on every OS). */
function bin(pkg, name = pkg) {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'));
  const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name];
  if (!rel) throw new Error(`${pkg} has no "${name}" command; run \`npm ci\`.`);
  return join(ROOT, 'node_modules', pkg, rel);
}

const vitestWithReport = (report, ...args) => [bin('vitest'), 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];

/**
 * A step either runs a command (`args`; a Vitest step also has a `report`), or is a `check` done
 * here that counts as ONE test in the summary (passed or failed) and explains itself in `note`.
 * @typedef {{ ok: boolean, note: string, skipped?: boolean }} CheckResult
 * @typedef {{ name: string, args?: () => string[], check?: () => CheckResult, report?: string, requireTests?: boolean, needs?: string[] }} Step
 * @type {Step[]}
 */
const STEPS = [
  { name: 'type check', args: () => [bin('typescript', 'tsc'), '--noEmit'] },
  // Import rules (dependency-cruiser.config.cjs): no circles, pure logic free of the UI, the entrypoints and browser APIs.
  { name: 'import rules', args: () => [bin('dependency-cruiser', 'depcruise'), '--config', 'dependency-cruiser.config.cjs', '--output-type', 'err', 'utils', 'components', 'entrypoints', 'scripts', 'bench', 'tests'] },
  // Dead code (knip.json): no unused file, export, type or dependency.
  { name: 'dead code', args: () => [bin('knip'), '--no-progress'] },
  { name: 'unit tests', report: 'test-results/unit.json', args: () => vitestWithReport('test-results/unit.json') },
  { name: 'build (chrome)', args: () => [bin('wxt'), 'build'] },
  { name: 'build (firefox)', args: () => [bin('wxt'), 'build', '-b', 'firefox'] },
  { name: 'lint (firefox)', needs: ['build (firefox)'], check: () => lintFirefox('.output/firefox-mv2') },
  { name: 'sources archive (firefox)', needs: ['build (firefox)'], check: () => checkSourcesArchive() },
  { name: 'audit (runtime dependencies)', check: () => auditRuntime() },
  {
    name: 'end-to-end (chromium)',
    // Both builds are made before any e2e file runs: tests/e2e/manifests.test.ts reads both.
    needs: ['build (chrome)'],
    report: 'test-results/e2e-chromium.json',
    requireTests: true,
    // One browser test file at a time: vitest.e2e.config.ts turns file parallelism off.
    args: () => vitestWithReport('test-results/e2e-chromium.json', '--config', 'vitest.e2e.config.ts', '--exclude', '**/*.firefox.test.ts'),
  },
  {
    name: 'end-to-end (firefox)',
    needs: ['build (firefox)'],
    report: 'test-results/e2e-firefox.json',
    requireTests: true,
    args: () => vitestWithReport('test-results/e2e-firefox.json', '--config', 'vitest.e2e.config.ts', '.firefox.test.ts'),
  },
  {
    name: 'same scenarios in both browsers',
    // No `needs`: it reads the two reports even when a test failed (a missing report fails it).
    check: () => sameScenarios('test-results/e2e-chromium.json', 'test-results/e2e-firefox.json'),
  },
];

// ---------------------------------------------------------------------------------------------
// web-ext lint (Mozilla's addons-linter, what addons.mozilla.org runs) on the Firefox build.
//
// Rule: any error fails, and so does any warning, EXCEPT the one warning that Preact's own code
// produces: its DOM diff sets `dom.innerHTML = props.dangerouslySetInnerHTML.__html`, and the
// linter flags that `innerHTML` assignment (UNSAFE_VAR_ASSIGNMENT) in every bundle that includes
// Preact. It is Preact's and not ours when the code at the reported line and column is exactly
// that assignment: `<name>.innerHTML=<name>.__html` (minified), in a file that also carries the
// `dangerouslySetInnerHTML` prop name. Our own sources never use innerHTML or
// dangerouslySetInnerHTML (tests/unit/source-rules.test.ts forbids both), so that path is only
// reachable by a prop we never pass. Any other innerHTML-style warning, or one from a manifest
// key, an API or a file, is ours and fails.

const PREACT_INNERHTML = /^[\w$]+\.innerHTML\s*=\s*[\w$]+\.__html\b/;

/** True when a lint message is Preact's dangerouslySetInnerHTML assignment (see the rule above). */
function isPreactInnerHtml(message, buildDir) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file || !message.line || !message.column) return false;
  let source;
  try {
    source = readFileSync(join(ROOT, buildDir, message.file), 'utf8');
  } catch {
    return false;
  }
  if (!source.includes('dangerouslySetInnerHTML')) return false;
  const line = source.split('\n')[message.line - 1] ?? '';
  // The linter's column is 1-based at the start of the assignment's target; allow a character of slack.
  return [-1, 0, 1].some((shift) => PREACT_INNERHTML.test(line.slice(Math.max(0, message.column - 1 + shift))));
}

/** @returns {CheckResult} */
function lintFirefox(buildDir) {
  const run = spawnSync(
    process.execPath,
    [bin('web-ext'), 'lint', '--source-dir', buildDir, '--no-config-discovery', '--output', 'json'],
    { cwd: ROOT, encoding: 'utf8', timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
  );
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    process.stdout.write(run.stdout ?? '');
    process.stderr.write(run.stderr ?? '');
    return { ok: false, note: `web-ext lint gave no JSON report (exit ${run.status})` };
  }
  const where = (m) => `${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? ''}` : ''}`;
  const show = (kind, m) => console.log(`  ${kind} ${m.code} ${where(m)} ${m.message}${m.description ? `\n      ${String(m.description).replace(/\s+/g, ' ')}` : ''}`);
  const errors = report.errors ?? [];
  const warnings = report.warnings ?? [];
  const preact = warnings.filter((m) => isPreactInnerHtml(m, buildDir));
  const ours = warnings.filter((m) => !preact.includes(m));
  for (const m of errors) show('error  ', m);
  for (const m of ours) show('warning', m);
  for (const m of preact) console.log(`  allowed UNSAFE_VAR_ASSIGNMENT ${where(m)}: Preact's dangerouslySetInnerHTML path, not our code`);
  console.log(`  ${errors.length} error(s), ${ours.length} warning(s) from our code, ${preact.length} from Preact, ${(report.notices ?? []).length} notice(s)`);
  const ok = errors.length === 0 && ours.length === 0;
  return { ok, note: `${errors.length} errors, ${ours.length} warnings of ours, ${preact.length} of Preact's (allowed)` };
}

// ---------------------------------------------------------------------------------------------
// `npm audit --omit=dev`: the dependencies that ship in the extension (not the build and test
// tools) must have no high or critical advisory. Some registries and mirrors refuse advisory
// requests (this project's build machine answers 405); then the audit cannot say anything, and the
// step is reported as skipped with the registry's answer, never as passed.
function auditRuntime() {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /\.c?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const run = spawnSync(command, [...args, 'audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  let report = null;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    // not JSON: handled below
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const serious = (counts.high ?? 0) + (counts.critical ?? 0);
    return { ok: serious === 0, note: `${serious} high or critical advisories (${counts.total ?? serious} in all) in the runtime dependencies` };
  }
  const why = report?.error?.summary || report?.message || (run.error ? run.error.message : `${run.stderr ?? ''}`.trim().split('\n').pop());
  return { ok: true, skipped: true, note: `the registry gave no advisories: ${why || `exit ${run.status}`}` };
}

// The sources archive for addons.mozilla.org (`wxt zip -b firefox` writes it next to the packages):
// the project's sources, enough to rebuild the add-on, and nothing local or generated. Its entries
// are read from the zip's central directory (no dependency) and checked against the lists below.

const FORBIDDEN_SOURCES = [
  [/^\.output\//, 'a build'],
  [/(^|\/)node_modules\//, 'installed packages'],
  [/^test-results\//, 'test reports'],
  [/(^|\/)screenshots\//, 'screenshots'],
  [/\.log$/, 'a log'],
  [/(^|\/)\.[^/]+/, 'a dot file or folder (.wxt, .env, .git, …)'],
  [/\.(zip|xpi|crx|pem|key)$/, 'a package or a key'],
];
const REQUIRED_SOURCES = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md'];

/** File names in a zip archive, from its central directory. */
function zipEntries(file) {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip archive`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const nameLength = buf.readUInt16LE(at + 28);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return names;
}

/** @returns {CheckResult} */
function checkSourcesArchive() {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const archive = join(ROOT, '.output', `${name}-${version}-sources.zip`);
  rmSync(archive, { force: true });
  const run = spawnSync(process.execPath, [bin('wxt'), 'zip', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8', timeout: STEP_TIMEOUT_MS });
  if (run.status !== 0 || !existsSync(archive)) {
    process.stdout.write(run.stdout ?? '');
    process.stderr.write(run.stderr ?? '');
    return { ok: false, note: `wxt zip -b firefox did not write ${relative(ROOT, archive)}` };
  }
  const entries = zipEntries(archive);
  const problems = [];
  for (const entry of entries) {
    const hit = FORBIDDEN_SOURCES.find(([pattern]) => pattern.test(entry));
    if (hit) problems.push(`${entry}: ${hit[1]} (add it to zip.excludeSources in wxt.config.ts)`);
  }
  for (const required of REQUIRED_SOURCES) if (!entries.includes(required)) problems.push(`${required}: missing, the archive cannot rebuild the add-on`);
  for (const p of problems) console.log(`  ${p}`);
  const tops = [...new Set(entries.map((e) => e.split('/')[0] + (e.includes('/') ? '/' : '')))].sort();
  console.log(`  ${relative(ROOT, archive)}: ${entries.length} files in ${tops.join(' ')}`);
  return { ok: problems.length === 0, note: `${entries.length} files${problems.length ? `, ${problems.length} that do not belong` : ', sources only'}` };
}

// ---------------------------------------------------------------------------------------------
// The same scenarios in both browsers (issue 4). A test is known by its file (without the
// `.chromium` / `.firefox` part, so panel.chromium.test.ts and panel.firefox.test.ts are one file)
// and its full name. It must RUN (pass or fail) in both browsers, or carry `meta.oneBrowserOnly`
// `{ browser, reason }` (tests/e2e/scenarios/one-browser.ts) naming the browser it ran in: a test
// that runs in one browser only, or is skipped or missing in the other, without that written
// reason, fails this check; so does a reason naming the wrong browser, or a test skipped in both.

//
// Only browser files are compared: `*.chromium.test.ts` and `*.firefox.test.ts`. An e2e file
// without a browser in its name (e.g. manifests.test.ts, which reads the built manifests in Node)
// opens no browser and runs once, in the Chromium step; it is listed, not compared. A test file that
// drives a browser must say which in its name. A browser name in parentheses in a title, as in
// `describe(\`field guard (${name})\`)`, is dropped before comparing.

const BROWSER_FILE = /\.(chromium|firefox)(?=\.test\.[cm]?[jt]s$)/;

/** @returns {{ tests: Map<string, { status: string, meta: any }>, browserless: Set<string> }} */
function testsOf(reportFile) {
  const report = JSON.parse(readFileSync(join(ROOT, reportFile), 'utf8'));
  const tests = new Map();
  const browserless = new Set();
  for (const file of report.testResults ?? []) {
    const path = relative(ROOT, file.name).split('\\').join('/');
    if (!BROWSER_FILE.test(path)) {
      browserless.add(path);
      continue;
    }
    const name = path.replace(BROWSER_FILE, '');
    for (const a of file.assertionResults ?? []) {
      const title = a.fullName.replace(/ \((chromium|firefox)\)/gi, '');
      tests.set(`${name} › ${title}`, { status: a.status, meta: a.meta ?? {} });
    }
  }
  return { tests, browserless };
}

/** @returns {CheckResult} */
function sameScenarios(chromiumReport, firefoxReport) {
  if (!existsSync(join(ROOT, chromiumReport)) || !existsSync(join(ROOT, firefoxReport))) return { ok: false, note: 'a browser report is missing' };
  const chromium = testsOf(chromiumReport);
  const firefox = testsOf(firefoxReport);
  for (const path of [...new Set([...chromium.browserless, ...firefox.browserless])].sort()) console.log(`  no browser in the file name, not compared: ${path}`);
  const byBrowser = { chromium: chromium.tests, firefox: firefox.tests };
  const keys = new Set([...byBrowser.chromium.keys(), ...byBrowser.firefox.keys()]);
  const ran = (t) => t?.status === 'passed' || t?.status === 'failed';
  const problems = [];
  let shared = 0;
  let oneOnly = 0;
  for (const key of [...keys].sort()) {
    const c = byBrowser.chromium.get(key);
    const f = byBrowser.firefox.get(key);
    if (ran(c) && ran(f)) {
      shared += 1;
      continue;
    }
    const only = ran(c) ? 'chromium' : ran(f) ? 'firefox' : null;
    const mark = c?.meta?.oneBrowserOnly ?? f?.meta?.oneBrowserOnly;
    const reason = typeof mark?.reason === 'string' ? mark.reason.trim() : '';
    if (!only) problems.push(`${key}: ran in neither browser`);
    else if (!reason) problems.push(`${key}: ran in ${only} only, ${(only === 'chromium' ? f : c) ? 'skipped' : 'missing'} in the other, with no written reason (use oneBrowserOnly())`);
    else if (mark.browser !== only) problems.push(`${key}: marked for ${mark.browser} only but ran in ${only}`);
    else {
      oneOnly += 1;
      console.log(`  ${only} only: ${key} (${reason})`);
    }
  }
  for (const p of problems) console.log(`  ${p}`);
  console.log(`  ${shared} test(s) ran in both browsers, ${oneOnly} in one browser with a written reason, ${problems.length} problem(s)`);
  return { ok: problems.length === 0, note: `${shared} in both, ${oneOnly} in one with a reason${problems.length ? `, ${problems.length} without` : ''}` };
}

/** Read a Vitest JSON report: test counts, plus failed files that have no failed test in them. */
function readReport(file) {
  const path = join(ROOT, file);
  if (!existsSync(path)) return null;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const files = report.testResults ?? [];
  const brokenFiles = files.filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    total: report.numTotalTests ?? 0,
    brokenFiles,
  };
}

mkdirSync(RESULTS, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
const lines = [];

// `node scripts/test-all.mjs --only "lint (firefox)" --only "same scenarios in both browsers"`
// runs just those steps (e.g. the cross-browser check on the reports of an earlier run).
const only = process.argv.flatMap((arg, i, all) => (arg === '--only' && all[i + 1] ? [all[i + 1]] : []));
const unknown = only.filter((name) => !STEPS.some((step) => step.name === name));
if (unknown.length) throw new Error(`No step named ${unknown.join(', ')}; steps: ${STEPS.map((s) => s.name).join(', ')}`);

for (const step of only.length ? STEPS.filter((s) => only.includes(s.name)) : STEPS) {
  const blocked = (step.needs ?? []).filter((name) => failedSteps.includes(name));
  if (blocked.length > 0) {
    console.log(`\n▶ ${step.name}: not run, because ${blocked.join(', ')} failed`);
    failedSteps.push(step.name);
    totals.failed += 1;
    lines.push(`${step.name}: not run`);
    continue;
  }
  if (step.report) rmSync(join(ROOT, step.report), { force: true }); // never count a stale report
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  if (step.check) {
    let result;
    try {
      result = step.check();
    } catch (error) {
      result = { ok: false, note: `could not run: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (result.skipped) {
      totals.skipped += 1;
      lines.push(`skip ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${result.note} (counted as one skipped test)`);
      continue;
    }
    if (result.ok) totals.passed += 1;
    else {
      totals.failed += 1;
      failedSteps.push(step.name);
    }
    lines.push(`${result.ok ? 'ok  ' : 'FAIL'} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${result.note} (counted as one test)`);
    continue;
  }
  const run = spawnSync(process.execPath, step.args(), { cwd: ROOT, stdio: 'inherit', env: process.env, timeout: STEP_TIMEOUT_MS });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let ok = run.status === 0;
  let note = '';

  if (step.report) {
    const counts = readReport(step.report);
    if (!counts) {
      ok = false;
      totals.failed += 1;
      note = 'no report written';
    } else {
      totals.passed += counts.passed;
      totals.failed += counts.failed + counts.brokenFiles;
      totals.skipped += counts.skipped;
      // Per browser the skipped count is always shown (a scenario skipped in one browser matters).
      note = `${counts.passed} passed, ${counts.failed} failed${counts.skipped || step.requireTests ? `, ${counts.skipped} skipped` : ''}`;
      if (counts.brokenFiles) note += `, ${counts.brokenFiles} file(s) could not run`;
      if (step.requireTests && counts.passed + counts.failed === 0) {
        ok = false;
        totals.failed += 1;
        note += ' — ran no test, which counts as a failure';
      }
      if (!ok && counts.failed + counts.brokenFiles === 0 && !(step.requireTests && counts.passed + counts.failed === 0)) {
        totals.failed += 1; // failed for another reason (e.g. an unhandled error): still a failure
      }
    }
  } else if (!ok) {
    totals.failed += 1;
  }
  if (run.error) note = `${note ? `${note}; ` : ''}${run.error.message}`;
  if (run.signal) note = `${note ? `${note}; ` : ''}stopped by ${run.signal}${run.error?.code === 'ETIMEDOUT' ? ` after ${STEP_TIMEOUT_MS / 60_000} min` : ''}`;
  if (!ok) failedSteps.push(step.name);
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name} (${seconds} s)${note ? `: ${note}` : ''}`);
}

console.log('\nSummary');
for (const line of lines) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = failedSteps.length > 0 || totals.failed > 0 ? 1 : 0;
