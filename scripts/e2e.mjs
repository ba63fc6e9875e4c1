/**
 * `npm run e2e [-- word…]`: builds the web app if needed, starts Switchboard on a fresh temporary DATA_DIR (demo
 * data) and a free port, runs every e2e/*.e2e.ts with `node --import tsx` (each exits non-zero on
 * failure; env E2E_BASE_URL and CHROMIUM_PATH), stops the server and reports.
 * With E2E_REPORT_FILE set, writes {passed, failed, files:[…]} there as JSON (scripts/test.mjs reads it).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuilt, ROOT } from './build-web.mjs';

const E2E_DIR = path.join(ROOT, 'e2e');
const FILE_TIMEOUT_MS = 10 * 60_000;

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForExit(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function waitReady(baseUrl, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval while waiting for readiness
  }
  throw new Error(`the server was not ready after ${timeoutMs / 1000} s`);
}

function runFile(file, env) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env, stdio: 'inherit' });
    const timer = setTimeout(() => child.kill('SIGKILL'), FILE_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ file: path.relative(ROOT, file), ok: code === 0, code, signal, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function writeReport(report) {
  if (process.env.E2E_REPORT_FILE) fs.writeFileSync(process.env.E2E_REPORT_FILE, JSON.stringify(report, null, 2));
}

async function main() {
  // `npm run e2e -- customers pool` runs only the files whose names contain one of the words.
  const only = process.argv.slice(2);
  const files = fs.existsSync(E2E_DIR)
    ? fs
        .readdirSync(E2E_DIR)
        .filter((name) => name.endsWith('.e2e.ts') && (!only.length || only.some((word) => name.includes(word))))
        .sort()
        .map((name) => path.join(E2E_DIR, name))
    : [];
  if (!files.length) {
    console.log('e2e: there are no e2e/*.e2e.ts files yet: nothing to run.');
    writeReport({ passed: 0, failed: 0, files: [] });
    return 0;
  }
  const chromium = findChromium();
  if (!chromium) {
    console.error('e2e: no Chromium found (install /usr/bin/chromium or set CHROMIUM_PATH).');
    writeReport({ passed: 0, failed: files.length, files: [] });
    return 1;
  }
  await ensureWebBuilt();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const serverEnv = { ...process.env, NODE_ENV: 'development', DEMO: '1', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  delete serverEnv.DATABASE_URL; // the e2e suite runs on the embedded database, like `npm start`
  console.log(`e2e: starting Switchboard on ${baseUrl} (DATA_DIR ${dataDir}, log ${logFile})`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'start'], { cwd: ROOT, env: serverEnv, stdio: ['ignore', log, log] });

  const results = [];
  let serverOk = true;
  try {
    await waitReady(baseUrl, server);
    const env = { ...process.env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium };
    for (const file of files) {
      console.log(`\ne2e: ▶ ${path.relative(ROOT, file)}`);
      const result = await runFile(file, env);
      results.push(result);
      console.log(`e2e: ${result.ok ? '✓' : '✗'} ${result.file} (${result.seconds.toFixed(1)} s${result.ok ? '' : `, exit ${result.code ?? result.signal}`})`);
    }
  } catch (error) {
    serverOk = false;
    console.error(`e2e: ${error.message}`);
  } finally {
    server.kill('SIGTERM');
    const exit = await waitForExit(server);
    if (exit.code !== 0) {
      serverOk = false;
      console.error(`e2e: the server did not shut down cleanly (${JSON.stringify(exit)})`);
    }
    fs.closeSync(log);
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = files.length - passed;
  writeReport({ passed, failed, files: results });
  if (failed || !serverOk) {
    console.error(`e2e: server log kept in ${logFile}; last lines:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
  } else {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\ne2e: ${passed} passed, ${failed} failed${serverOk ? '' : ' (server problem)'}`);
  return failed || !serverOk ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`e2e: ${error.stack ?? error}`);
      process.exit(1);
    },
  );
}
