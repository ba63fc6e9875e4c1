/**
 * `npm test`: every test stage, one after another, then one summary.
 *   1. vitest, all projects, on the embedded database (PGlite);
 *   2. the server projects again on PostgreSQL, when TEST_DATABASE_URL is set;
 *   3. the e2e suite in real Chromium (/usr/bin/chromium or CHROMIUM_PATH), or a loud SKIPPED banner.
 * Every stage runs even when an earlier one failed; the exit code is non-zero if any failed. The last
 * line is always `N passed, N failed` (tests, summed over the stages).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './build-web.mjs';
import { findChromium } from './e2e.mjs';

const VITEST = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-test-report-'));

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function envWithout(...names) {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

/** Each failed test (or file that failed to load) as one line: where, and the first line of why. */
function failuresIn(report) {
  const firstLine = (text) => String(text ?? '').split('\n').find((line) => line.trim()) ?? '';
  return report.testResults.flatMap((file) => {
    const where = path.relative(ROOT, file.name);
    const tests = file.assertionResults.filter((t) => t.status === 'failed');
    if (file.status === 'failed' && tests.length === 0) return [`${where}: ${firstLine(file.message)}`];
    return tests.map((t) => `${where} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  });
}

/** Counts from vitest's JSON report. A file that failed outside any test (import error) counts as one failure. */
function vitestCounts(reportFile, exitCode) {
  if (!fs.existsSync(reportFile)) return { passed: 0, failed: 1, skipped: 0, note: 'no report: vitest crashed' };
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')).length;
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  counts.failures = failuresIn(report);
  if (exitCode !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: 'vitest exited non-zero (unhandled error?)' };
  return counts;
}

async function vitestStage(name, extraArgs, env) {
  const reportFile = path.join(reports, `${name.replace(/\W+/g, '-')}.json`);
  const started = Date.now();
  console.log(`\n━━━ ${name} ━━━`);
  const code = await run([VITEST, 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], env);
  return { name, ok: code === 0, seconds: (Date.now() - started) / 1000, ...vitestCounts(reportFile, code) };
}

async function e2eStage() {
  const name = 'e2e (Chromium)';
  const chromium = findChromium();
  if (!chromium) {
    const bar = '!'.repeat(72);
    console.log(`\n${bar}\n!!!  E2E SKIPPED: no Chromium (install /usr/bin/chromium or set CHROMIUM_PATH)  !!!\n${bar}`);
    return { name, ok: true, skippedStage: true, passed: 0, failed: 0, skipped: 0, seconds: 0, note: 'E2E SKIPPED: no Chromium' };
  }
  const reportFile = path.join(reports, 'e2e.json');
  const started = Date.now();
  console.log(`\n━━━ ${name}: ${chromium} ━━━`);
  const code = await run([path.join(ROOT, 'scripts', 'e2e.mjs')], { ...process.env, CHROMIUM_PATH: chromium, E2E_REPORT_FILE: reportFile });
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : { passed: 0, failed: 1 };
  const failed = code !== 0 && report.failed === 0 ? 1 : report.failed;
  const failures = (report.files ?? []).filter((file) => !file.ok).map((file) => `${file.file}: exit ${file.code ?? file.signal}`);
  return { name, ok: code === 0, seconds: (Date.now() - started) / 1000, passed: report.passed, failed, skipped: 0, failures };
}

const stages = [];
// Stage 1 always runs on PGlite, whatever the caller's environment points at.
stages.push(await vitestStage('vitest, all projects (PGlite)', [], envWithout('TEST_DATABASE_URL', 'DATABASE_URL')));
if (process.env.TEST_DATABASE_URL) {
  stages.push(await vitestStage('vitest, server project (PostgreSQL)', ['--project', 'server', '--project', 'server-isolated'], envWithout('DATABASE_URL')));
} else {
  console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL stage is skipped.');
  stages.push({ name: 'vitest, server project (PostgreSQL)', ok: true, skippedStage: true, passed: 0, failed: 0, skipped: 0, seconds: 0, note: 'skipped: TEST_DATABASE_URL not set' });
}
stages.push(await e2eStage());

console.log('\n━━━ summary ━━━');
for (const s of stages) {
  const status = s.skippedStage ? 'SKIPPED' : s.ok ? 'ok' : 'FAILED';
  const counts = s.skippedStage ? '' : ` ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped,`;
  console.log(`${status.padEnd(7)} ${s.name}:${counts} ${s.seconds.toFixed(1)} s${s.note ? ` (${s.note})` : ''}`);
  // Repeated here, at the end, because CI logs are often read from their tail only.
  for (const failure of s.failures ?? []) console.log(`          ✗ ${failure.slice(0, 400)}`);
}
fs.rmSync(reports, { recursive: true, force: true });
const passed = stages.reduce((sum, s) => sum + s.passed, 0);
const failed = stages.reduce((sum, s) => sum + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(stages.every((s) => s.ok) ? 0 : 1);
