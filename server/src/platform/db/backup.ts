/**
 * PLT-12 backup and restore of an embedded installation (PGlite under DATA_DIR/pgdata plus uploads under
 * DATA_DIR/files) as ONE file (format: backup-archive.ts). The database snapshot is taken first, between
 * two transactions: by the running server through its control socket, or by this process when none runs.
 * The files are copied after it, so every file the snapshot refers to is there (uploads are stored
 * before their row commits), and files uploaded meanwhile are harmless extras.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../config.ts';
import { extractArchive, type FileCounts, type Manifest, writeArchive } from './backup-archive.ts';
import { controlSocketProblem, requestSnapshot } from './control-socket.ts';
import { acquireDataDirLock, DataDirLockedError, lockHolder } from './lock.ts';
import { PgliteExecutor } from './pglite-executor.ts';

/** A refusal or failure with a message meant for the operator and the exit code the CLI returns. */
export class CommandError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CommandError';
  }
}

/** How long `backup` waits for a server that holds the lock but is still starting to answer. */
const LIVE_WAIT_MS = 60_000;

export const SERVER_MODE_BACKUP =
  'DATABASE_URL is set: this database is a PostgreSQL server, back it up with PostgreSQL\'s own tools:\n' +
  '  pg_dump --format=custom --no-owner --file=switchboard.dump "$DATABASE_URL"\n' +
  'and copy the uploads directory (DATA_DIR/files) with it. See docs/operations.md.';
export const SERVER_MODE_RESTORE =
  'DATABASE_URL is set: restore a PostgreSQL database with PostgreSQL\'s own tools (app processes stopped):\n' +
  '  pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" switchboard.dump\n' +
  'and put the uploads directory (DATA_DIR/files) back. See docs/operations.md.';

const FILES = 'files';
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Snapshot of the running server's database, or of the data directory when nobody holds it. */
async function snapshotDatabase(config: AppConfig): Promise<{ dump: Uint8Array; source: Manifest['source']; release?: () => void }> {
  const deadline = Date.now() + LIVE_WAIT_MS;
  let told = false;
  for (;;) {
    const holder = lockHolder(config.dataDir);
    if (holder === null) {
      if (!fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'))) {
        throw new CommandError(`There is no database to back up in ${path.join(config.dataDir, 'pgdata')}.`, 2);
      }
      let release: () => void;
      try {
        release = acquireDataDirLock(config.dataDir);
      } catch (error) {
        if (error instanceof DataDirLockedError) continue; // a server started just now: ask it instead
        throw error;
      }
      try {
        const executor = await PgliteExecutor.open({ dataDir: path.join(config.dataDir, 'pgdata'), initialMemory: config.pgliteInitialMemory, sharedBuffersMb: config.pgliteSharedBuffersMb });
        const dump = await executor.dump().finally(() => executor.close());
        // Kept until the files are copied too, so no server starts writing in between.
        return { dump, source: 'offline', release };
      } catch (error) {
        release();
        throw error;
      }
    }
    const problem = controlSocketProblem(config.dataDir);
    if (problem) throw new CommandError(`${config.dataDir} is in use by process ${holder}, which cannot take a backup while running: ${problem}. Stop it, then back up.`, 3);
    try {
      return { dump: await requestSnapshot(config.dataDir), source: 'live' };
    } catch (error: any) {
      const notListening = error.code === 'ENOENT' || error.code === 'ECONNREFUSED';
      if (!notListening) throw new CommandError(`Backup failed: ${error.message}`);
      if (Date.now() > deadline) {
        throw new CommandError(
          `${config.dataDir} is locked by process ${holder}, which does not answer on its control socket. ` +
            'If it is a Switchboard command (migrate, seed, backup), wait for it to finish and try again.',
          3,
        );
      }
      if (!told) console.error(`Waiting for the Switchboard process ${holder} (still starting?) to answer on its control socket…`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 250)); // polling a condition: the socket appearing
    }
  }
}

export interface BackupResult {
  file: string;
  source: Manifest['source'];
  databaseBytes: number;
  files: number;
  filesBytes: number;
  archiveBytes: number;
}

export async function createBackup(config: AppConfig, target: string): Promise<BackupResult> {
  if (config.databaseUrl) throw new CommandError(SERVER_MODE_BACKUP, 2);
  const file = path.resolve(target);
  if (!fs.existsSync(path.dirname(file))) throw new CommandError(`The directory ${path.dirname(file)} does not exist.`, 2);
  const { dump, source, release } = await snapshotDatabase(config);
  const partial = `${file}.partial-${process.pid}`;
  try {
    const counts = await writeArchive(partial, source, dump, config.filesDir);
    // Durable before it takes the final name: a crash never leaves a half-written backup under FILE.
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
    return { file, source, databaseBytes: dump.byteLength, files: counts.count, filesBytes: counts.bytes, archiveBytes: fs.statSync(file).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error instanceof CommandError ? error : new CommandError(`Backup failed: ${(error as Error).message}`);
  } finally {
    release?.();
  }
}



export interface RestoreResult {
  file: string;
  manifest: Manifest;
  files: FileCounts;
  /** Where the previous pgdata/files went, or null when the data directory held neither. */
  movedAsideTo: string | null;
}

/**
 * Restores a backup into DATA_DIR. Everything is unpacked and loaded in a staging directory first; only
 * when that worked are the current pgdata and files moved aside (never deleted) and the new ones moved in.
 */
export async function restoreBackup(config: AppConfig, source: string): Promise<RestoreResult> {
  if (config.databaseUrl) throw new CommandError(SERVER_MODE_RESTORE, 2);
  const file = path.resolve(source);
  if (!fs.existsSync(file)) throw new CommandError(`No such backup file: ${file}`, 2);
  let release: () => void;
  try {
    release = acquireDataDirLock(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new CommandError(
      `Restore refused: ${config.dataDir} is in use by a running Switchboard process (pid ${error.pid}). ` +
        'Stop it first (SIGTERM), then run the restore again.',
      3,
    );
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = path.join(config.dataDir, `.restore-${stamp}`);
  try {
    fs.mkdirSync(staging);
    let unpacked: Awaited<ReturnType<typeof extractArchive>>;
    try {
      unpacked = await extractArchive(file, staging);
    } catch (error: any) {
      throw new CommandError(`${file} is not a usable Switchboard backup: ${error.message}`);
    }
    try {
      const executor = await PgliteExecutor.open({ dataDir: path.join(staging, 'pgdata'), initialMemory: config.pgliteInitialMemory, sharedBuffersMb: config.pgliteSharedBuffersMb, loadDataDir: unpacked.dump });
      try {
        await executor.query('SELECT count(*) FROM pg_class'); // the loaded cluster answers
      } finally {
        await executor.close();
      }
    } catch (error: any) {
      throw new CommandError(`The database in ${file} could not be loaded: ${error.message}`);
    }
    const aside = path.join(config.dataDir, `.before-restore-${stamp}`);
    const moved: string[] = [];
    try {
      for (const name of ['pgdata', FILES]) {
        if (!fs.existsSync(path.join(config.dataDir, name))) continue;
        fs.mkdirSync(aside, { recursive: true });
        fs.renameSync(path.join(config.dataDir, name), path.join(aside, name));
        moved.push(name);
      }
      for (const name of ['pgdata', FILES]) fs.renameSync(path.join(staging, name), path.join(config.dataDir, name));
    } catch (error) {
      // Put the previous data back where it was: a failed restore must leave the installation as it found it.
      for (const name of moved) {
        fs.rmSync(path.join(config.dataDir, name), { recursive: true, force: true });
        fs.renameSync(path.join(aside, name), path.join(config.dataDir, name));
      }
      throw error;
    }
    return { file, manifest: unpacked.manifest, files: unpacked.files, movedAsideTo: moved.length ? aside : null };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}

export async function backupCommand(config: AppConfig, args: string[]): Promise<void> {
  if (!args[0]) throw new CommandError('Usage: npm run backup -- FILE   (e.g. backups/switchboard-2025-01-31.tar.gz)', 2);
  const started = Date.now();
  const r = await createBackup(config, args[0]);
  const how = r.source === 'live' ? 'snapshot of the running server' : 'taken with no server running';
  console.log(
    `Backup written to ${r.file}: database ${megabytes(r.databaseBytes)} (${how}), ${r.files} uploaded file(s) ` +
      `(${megabytes(r.filesBytes)}); archive ${megabytes(r.archiveBytes)}; ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

export async function restoreCommand(config: AppConfig, args: string[]): Promise<void> {
  if (!args[0]) throw new CommandError('Usage: npm run restore -- FILE', 2);
  const r = await restoreBackup(config, args[0]);
  console.log(`Restored ${r.file} (taken ${r.manifest.createdAt}; ${r.files.count} uploaded file(s), ${megabytes(r.files.bytes)}) into ${config.dataDir}.`);
  console.log(
    r.movedAsideTo
      ? `The previous database and files were moved to ${r.movedAsideTo}; delete it once you have checked the restored data.`
      : 'The data directory held no previous data.',
  );
}
