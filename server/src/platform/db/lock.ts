import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** PGlite does not lock its data directory; two processes writing it would corrupt it. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(
      `The data directory ${dataDir} is in use by another Switchboard process (pid ${pid}). ` +
        'Stop it first, or point DATA_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

export const LOCK_FILE = 'switchboard.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: any) {
    return error.code === 'EPERM';
  }
}

/** The pid of the live process holding the lock, or null when the directory is free. */
export function lockHolder(dataDir: string): number | null {
  try {
    const content = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as LockContent;
    if (content.host !== os.hostname()) return content.pid; // another host: assume it is alive
    if (content.pid === process.pid) return null;
    return isAlive(content.pid) ? content.pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock, replacing a stale one left by a killed process. Returns the release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(content));
      fs.closeSync(fd);
      return () => {
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (error: any) {
      if (error.code !== 'EEXIST') throw error;
      const holder = lockHolder(dataDir);
      if (holder !== null) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
