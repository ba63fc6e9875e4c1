import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrapDatabase } from '../../server/src/bootstrap.ts';
import { type AppConfig, loadConfig } from '../../server/src/config.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { openDatabase } from '../../server/src/platform/db/open.ts';
import { PgExecutor } from '../../server/src/platform/db/pg-executor.ts';

export type EngineKind = 'pglite' | 'postgres';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL server the benchmarks create their throw-away databases on. */
export function postgresServerUrl(): string {
  return process.env.BENCH_DATABASE_URL || DEFAULT_POSTGRES_URL;
}

export interface Engine {
  kind: EngineKind;
  database: Database;
  /** The app configuration for this engine (production, silent logs, a temporary DATA_DIR). */
  config: AppConfig;
  /** Connection string of the benchmark database (PostgreSQL only). */
  url?: string;
  dataDir: string;
  /** `select version()` of the engine. */
  version: string;
  /** Closes the engine, drops the benchmark database, removes the temporary DATA_DIR. Idempotent. */
  cleanup(): Promise<void>;
}

export interface OpenEngineOptions {
  /** Load the demo data (users, sessions' owners, …) as a fresh installation would. Default true. */
  demo?: boolean;
}

const openEngines = new Set<Engine>();
const seenVersions = new Map<EngineKind, string>();
let sequence = 0;

/**
 * Opens an engine exactly as the app does in production (openDatabase: PGlite in a worker under
 * DATA_DIR/pgdata, or a node-postgres pool), applies the migrations and loads the demo data.
 * PostgreSQL gets a fresh `sb_bench_<ts>` database, dropped again by cleanup().
 */
export async function openEngine(kind: EngineKind, options: OpenEngineOptions = {}): Promise<Engine> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sb-bench-${kind}-`));
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  let dropDatabase = async () => undefined as void;
  let url: string | undefined;
  try {
    if (kind === 'postgres') {
      const created = await createBenchDatabase();
      url = created.url;
      dropDatabase = created.drop;
    }
    const env: Record<string, string> = { NODE_ENV: 'production', LOG_LEVEL: 'silent', DATA_DIR: dataDir };
    if (url) env.DATABASE_URL = url;
    const config = loadConfig(env);
    const opened = await openDatabase(config);
    try {
      // production:false so an empty database gets the demo users; the app itself runs in production mode.
      await bootstrapDatabase(opened.database, { demoRequested: options.demo ?? true, production: false });
      const { rows } = await opened.database.executor.query<{ version: string }>('select version() as version');
      const version = rows[0].version;
      seenVersions.set(kind, version);
      let closed = false;
      const engine: Engine = {
        kind,
        database: opened.database,
        config,
        url,
        dataDir,
        version,
        async cleanup() {
          if (closed) return;
          closed = true;
          openEngines.delete(engine);
          await opened.close().catch(() => undefined);
          await dropDatabase();
          removeDataDir();
        },
      };
      openEngines.add(engine);
      return engine;
    } catch (error) {
      await opened.close().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    await dropDatabase().catch(() => undefined);
    removeDataDir();
    throw error;
  }
}

export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = postgresServerUrl();
  const name = `sb_bench_${Date.now()}_${++sequence}`;
  const admin = new PgExecutor(serverUrl, { max: 1 });
  try {
    await admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new PgExecutor(serverUrl, { max: 1 });
      try {
        await cleanup.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.close();
      }
    },
  };
}

/** Versions of the engines opened so far in this process (for the report header). */
export function engineVersions(): Map<EngineKind, string> {
  return seenVersions;
}

export function recordEngineVersion(kind: EngineKind, version: string) {
  seenVersions.set(kind, version);
}

/** Cleans up every engine still open (on Ctrl-C or after a failed scenario). */
export async function cleanupAllEngines(): Promise<void> {
  for (const engine of [...openEngines]) await engine.cleanup().catch(() => undefined);
}

/**
 * Runs `measure` on each engine in turn, each on a fresh benchmark database (openEngine) cleaned up after;
 * PostgreSQL is skipped, with the reason, when its benchmark database cannot be created.
 */
export async function onEachEngine<T>(kinds: EngineKind[], log: (kind: EngineKind) => void, measure: (engine: Engine) => Promise<T>): Promise<{ runs: T[]; skipped: string[] }> {
  const runs: T[] = [];
  const skipped: string[] = [];
  for (const kind of kinds) {
    log(kind);
    let engine: Engine;
    try {
      engine = await openEngine(kind);
    } catch (error) {
      if (kind !== 'postgres') throw error;
      skipped.push(`PostgreSQL (could not create the benchmark database: ${(error as Error).message})`);
      continue;
    }
    try {
      runs.push(await measure(engine));
    } finally {
      await engine.cleanup();
    }
  }
  return { runs, skipped };
}
