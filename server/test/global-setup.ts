import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { PgExecutor } from '../src/platform/db/pg-executor.ts';
import { PgliteExecutor } from '../src/platform/db/pglite-executor.ts';
import { Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/seed.ts';
import { adminUrlFor, databaseUrlFor, TEMPLATE_DIR } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string;
    runId: string;
  }
}

/**
 * pg-boss installs its schema and one partitioned table per queue on its first start: seconds per test
 * file on PGlite. Starting the app once here (no workers, so no job runs and nothing is dispatched) puts
 * them in the template, and every file's app finds them in place.
 */
async function installJobQueues(database: Database): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-template-'));
  try {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DEMO: '1', JOBS: '0', JOB_SCHEDULES: '0' });
    const built = await buildApp({ config, database });
    await built.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Template {
  runId: string;
  pgliteTemplate: string;
  pgTemplateDb: string;
  teardown(): Promise<void>;
}

async function buildPostgresTemplate(runId: string, serverUrl: string): Promise<Template> {
  const admin = new PgExecutor(adminUrlFor(serverUrl), { max: 1 });
  const templateDb = `sb_t_${runId}_tpl`;
  await admin.exec(`CREATE DATABASE ${templateDb}`);
  await admin.close();
  const executor = new PgExecutor(databaseUrlFor(serverUrl, templateDb), { max: 2 });
  const database = new Database(executor);
  await migrate(executor);
  await seedDemo(database);
  await installJobQueues(database);
  await executor.close();
  return {
    runId,
    pgliteTemplate: '',
    pgTemplateDb: templateDb,
    async teardown() {
      const cleanup = new PgExecutor(adminUrlFor(serverUrl), { max: 1 });
      const { rows } = await cleanup.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`sb_t_${runId}_%`]);
      for (const { datname } of rows) await cleanup.exec(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await cleanup.close();
    },
  };
}

async function buildPgliteTemplate(runId: string): Promise<Template> {
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  const executor = await PgliteExecutor.open({ dataDir: 'memory://' });
  const database = new Database(executor);
  await migrate(executor);
  await seedDemo(database);
  await installJobQueues(database);
  const dump = await executor.dump();
  await executor.close();
  // Stored as a plain tar: every test file loads it, and un-gzipping ~95 MB costs each of them ~0.5 s of CPU.
  const file = path.join(TEMPLATE_DIR, `pglite-${runId}.tar`);
  fs.writeFileSync(file, zlib.gunzipSync(dump));
  return { runId, pgliteTemplate: file, pgTemplateDb: '', teardown: async () => fs.rmSync(file, { force: true }) };
}

// The server projects (shared workers and *.isolated.* files) each load this file in vitest's main process,
// as separate module instances: the one template per run is kept on the process, and removed when the
// last project that uses it tears down.
const shared = globalThis as typeof globalThis & {
  switchboardTestTemplate?: { template: Promise<Template>; users: number };
  switchboardServerBundle?: Promise<void>;
};
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Migrates and seeds one template database per run; every test file then starts from a copy of it
 * (a PGlite data-dir dump, or CREATE DATABASE … TEMPLATE on PostgreSQL): fast, and never shared.
 */
/**
 * The process tests run the bundle `npm start` runs (server/dist, scripts/build-server.mjs): rebuilt here
 * when the sources changed, once per run, so no test starts a stale server.
 */
function bundleServer(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, 'scripts', 'build-server.mjs')], { cwd: ROOT }, (error, _stdout, stderr) =>
      error ? reject(new Error(`bundling the server failed: ${stderr || error.message}`)) : resolve(),
    );
  });
}

export default async function setup(project: TestProject) {
  await (shared.switchboardServerBundle ??= bundleServer());
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  const run = (shared.switchboardTestTemplate ??= { template: serverUrl ? buildPostgresTemplate(runId, serverUrl) : buildPgliteTemplate(runId), users: 0 });
  run.users += 1;
  const built = await run.template;
  project.provide('runId', built.runId);
  project.provide('pgliteTemplate', built.pgliteTemplate);
  project.provide('pgTemplateDb', built.pgTemplateDb);
  return async () => {
    run.users -= 1;
    if (run.users === 0) {
      delete shared.switchboardTestTemplate;
      await built.teardown();
    }
  };
}
