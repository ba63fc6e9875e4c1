/**
 * Switchboard CLI: start | migrate | seed | backup FILE | restore FILE.
 * Configuration comes only from the environment (see README).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.ts';
import { bootstrapDatabase, bootstrapOptionsFrom } from './bootstrap.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { backupCommand, CommandError, restoreCommand } from './platform/db/backup.ts';
import { startControlSocket } from './platform/db/control-socket.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { openDatabase } from './platform/db/open.ts';
import { PgliteExecutor } from './platform/db/pglite-executor.ts';
import { seedDemo } from './seed.ts';

/**
 * A new embedded data directory is created, migrated and filled with the demo data by a short-lived child
 * process (`main bootstrap`): what loading the data leaves behind — grown WebAssembly memory, which never
 * shrinks, and fragmented malloc arenas — leaves with it, so the server's first start is as lean as any
 * later one (issue 10 item 11: 423 MB idle after a first start that seeded in-process).
 */
/** Returns whether the child ran (the data directory was new). */
async function bootstrapNewDataDirInChild(config: AppConfig): Promise<boolean> {
  if (config.databaseUrl || fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'))) return false;
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'bootstrap'], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGTERM', forward);
  process.on('SIGINT', forward);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (signal) process.exit(1);
    if (code !== 0) process.exit(code ?? 1);
  } finally {
    process.off('SIGTERM', forward);
    process.off('SIGINT', forward);
  }
  return true;
}

async function bootstrapOnly() {
  const config = loadConfig();
  const opened = await openDatabase(config);
  try {
    await bootstrapDatabase(opened.database, bootstrapOptionsFrom(config));
  } finally {
    await opened.close();
  }
}

async function start() {
  const config = loadConfig();
  // The child seeded a new directory, so the bootstrap below finds nothing to do and reports seeded: false.
  const bootstrappedInChild = await bootstrapNewDataDirInChild(config);
  let opened = await openDatabase(config);
  const boot = await bootstrapDatabase(opened.database, bootstrapOptionsFrom(config));
  config.demo = boot.demo;
  if (boot.seeded && opened.database.kind === 'pglite') {
    // Loading the demo data grew PGlite's WebAssembly memory, which never shrinks: serve from a fresh engine.
    await opened.close();
    opened = await openDatabase(config);
  }
  const built = await buildApp({ config, database: opened.database, serveWeb: true });
  const { app } = built;
  app.log.info({ database: opened.database.kind, migrationsApplied: boot.migrationsApplied, seeded: boot.seeded, bootstrappedInChild, demo: boot.demo }, 'database ready');
  // Embedded mode: `npm run backup` asks this process for a snapshot over DATA_DIR/control.sock.
  const executor = opened.database.executor;
  const control = executor instanceof PgliteExecutor ? await startControlSocket(config.dataDir, executor, app.log) : null;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests and jobs');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await built.close();
      await control?.close();
      await opened.close();
      clearTimeout(force);
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  app.log.info(`Switchboard is running on ${config.publicUrl} — database: ${where}${boot.demo ? ' — demo mode' : ''}`);
}

async function migrateOnly() {
  const opened = await openDatabase(loadConfig());
  try {
    const applied = await migrate(opened.database.executor);
    console.log(`${applied} migration(s) applied.`);
  } finally {
    await opened.close();
  }
}

async function seedOnly() {
  const config = loadConfig();
  const opened = await openDatabase(config);
  try {
    await migrate(opened.database.executor);
    await seedDemo(opened.database, { filesDir: config.filesDir });
    console.log('Demo data loaded.');
  } finally {
    await opened.close();
  }
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  start,
  migrate: migrateOnly,
  seed: seedOnly,
  bootstrap: bootstrapOnly,
  backup: (args) => backupCommand(loadConfig(), args),
  restore: (args) => restoreCommand(loadConfig(), args),
};

const [command = 'start', ...args] = process.argv.slice(2);
const run = commands[command];
if (!run) {
  console.error(`Unknown command "${command}". Use one of: ${Object.keys(commands).join(', ')}.`);
  process.exit(2);
}
run(args).catch((error) => {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(3);
  }
  if (error instanceof CommandError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  console.error(error);
  process.exit(1);
});
