#!/usr/bin/env node
// `npm test`: every check, in order, then one plain summary line `N passed, N failed[, N skipped]`.
//
//   1. type check (tsc --noEmit)
//   2. unit tests (Vitest, JSON report in test-results/unit.json)
//   3. build the Chrome extension (wxt build)
//   4. end-to-end tests in real Chromium (Vitest, test-results/e2e-chromium.json); must run ≥ 1 test
//   5. build the Firefox extension (wxt build -b firefox)
//   6. end-to-end tests in real Firefox (the `*.firefox.test.ts` files, test-results/e2e-firefox.json); must run ≥ 1 test
//
// The counts come from Vitest's JSON reports. A step that fails without a failing test in a report
// (the type check, a build, a test file that could not load, a suite that ran nothing) counts as
// one failure, so the summary says "0 failed" exactly when the exit code is 0.
// Each browser is a build step plus an e2e step with `requireTests: true` in STEPS: add or change
// a browser there. Browser test files run one at a time (vitest.e2e.config.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
 * @typedef {{ name: string, args: () => string[], report?: string, requireTests?: boolean, needs?: string[] }} Step
 * @type {Step[]}
 */
const STEPS = [
  { name: 'type check', args: () => [bin('typescript', 'tsc'), '--noEmit'] },
  { name: 'unit tests', report: 'test-results/unit.json', args: () => vitestWithReport('test-results/unit.json') },
  { name: 'build (chrome)', args: () => [bin('wxt'), 'build'] },
  {
    name: 'end-to-end (chromium)',
    needs: ['build (chrome)'],
    report: 'test-results/e2e-chromium.json',
    requireTests: true,
    // One browser test file at a time: vitest.e2e.config.ts turns file parallelism off.
    args: () => vitestWithReport('test-results/e2e-chromium.json', '--config', 'vitest.e2e.config.ts', '--exclude', '**/*.firefox.test.ts'),
  },
  { name: 'build (firefox)', args: () => [bin('wxt'), 'build', '-b', 'firefox'] },
  {
    name: 'end-to-end (firefox)',
    needs: ['build (firefox)'],
    report: 'test-results/e2e-firefox.json',
    requireTests: true,
    args: () => vitestWithReport('test-results/e2e-firefox.json', '--config', 'vitest.e2e.config.ts', '.firefox.test.ts'),
  },
];

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

for (const step of STEPS) {
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
      note = `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
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
