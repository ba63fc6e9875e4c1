/**
 * PLT-12 backup/restore of an embedded installation, through the real CLI (`main.ts backup|restore`)
 * and real server processes.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { announcePgliteOnly, onPostgres, PGLITE_ONLY, runCli, seededDataDir, ServerProcess, type Session, tempDir } from './processes.ts';

announcePgliteOnly('backup/restore of the embedded data directory');

const running: ServerProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const server of running.splice(0)) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function newDir(make: () => string = tempDir) {
  const dir = make();
  dirs.push(dir);
  return dir;
}

async function readyServer(dataDir: string) {
  const server = await ServerProcess.start(dataDir);
  running.push(server);
  await server.waitReady();
  return server;
}

async function stopped(server: ServerProcess) {
  expect(await server.stop()).toEqual({ code: 0, signal: null });
}

/** Uploads a file through the API (stored under DATA_DIR/files); returns its bytes and download URL. */
async function upload(admin: Session, name: string) {
  const bytes = randomBytes(200_000);
  const response = await admin.upload(name, bytes);
  expect(response.status).toBe(201);
  return { bytes, url: response.body.url as string };
}

/** Whether some file under dir has exactly these bytes (upload paths are generated keys). */
function holdsBytes(dir: string, bytes: Buffer): boolean {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .some((entry) => entry.isFile() && fs.readFileSync(path.join(entry.parentPath, entry.name)).equals(bytes));
}

const codes = (items: { code: string }[]) => items.map((b) => b.code);
/** The directory as of the backup; lastLoginAt moves with every login, including the check's own. */
const directory = (page: { items: Record<string, unknown>[] }) => page.items.map(({ lastLoginAt: _, ...user }) => user);

describe('backup and restore (embedded)', () => {
  it('backs up a running server and restores the same data into a fresh data directory; restore refuses while a server runs', { timeout: 180_000 }, async (ctx) => {
    ctx.skip(onPostgres(), PGLITE_ONLY);
    const dataDir = newDir(seededDataDir);
    const work = newDir();
    const server = await readyServer(dataDir);
    const admin = await server.login();
    expect((await admin.request('POST', '/api/v1/branches', { code: 'BEFORE', name: 'Before the backup' })).status).toBe(201);
    const contract = await upload(admin, 'contract.bin');
    const branchesAtBackup = (await admin.request('GET', '/api/v1/branches')).body.items;
    const usersAtBackup = directory((await admin.request('GET', '/api/v1/users?limit=200')).body);
    const teamsAtBackup = (await admin.request('GET', '/api/v1/teams')).body.items;

    const backupFile = path.join(work, 'live.tar.gz');
    const backup = await runCli(['backup', backupFile], { DATA_DIR: dataDir });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('snapshot of the running server');
    expect((await admin.request('POST', '/api/v1/branches', { code: 'AFTER', name: 'After the backup' })).status).toBe(201);

    const refused = await runCli(['restore', backupFile], { DATA_DIR: dataDir });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`Restore refused: ${dataDir} is in use by a running Switchboard process (pid ${server.pid})`);
    expect(codes((await admin.request('GET', '/api/v1/branches')).body.items)).toContain('AFTER'); // untouched
    await stopped(server);

    const fresh = newDir();
    const restore = await runCli(['restore', backupFile], { DATA_DIR: fresh });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('The data directory held no previous data.');

    const restored = await readyServer(fresh);
    const restoredAdmin = await restored.login();
    expect((await restoredAdmin.request('GET', '/api/v1/branches')).body.items).toEqual(branchesAtBackup);
    expect(directory((await restoredAdmin.request('GET', '/api/v1/users?limit=200')).body)).toEqual(usersAtBackup);
    expect((await restoredAdmin.request('GET', '/api/v1/teams')).body.items).toEqual(teamsAtBackup);
    expect(usersAtBackup.length).toBeGreaterThan(10);
    expect(codes(branchesAtBackup)).toContain('BEFORE');
    expect(codes(branchesAtBackup)).not.toContain('AFTER');
    const download = await restoredAdmin.download(contract.url);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(contract.bytes)).toBe(true);
  });

  it('with no server running, backs up by opening the data directory itself; restore moves the current data aside; a damaged file changes nothing', { timeout: 180_000 }, async (ctx) => {
    ctx.skip(onPostgres(), PGLITE_ONLY);
    const dataDir = newDir(seededDataDir);
    const work = newDir();
    let server = await readyServer(dataDir);
    let admin = await server.login();
    expect((await admin.request('POST', '/api/v1/branches', { code: 'KEPT', name: 'In the backup' })).status).toBe(201);
    const kept = await upload(admin, 'kept.bin');
    await stopped(server);

    const backupFile = path.join(work, 'offline.tar.gz');
    const backup = await runCli(['backup', backupFile], { DATA_DIR: dataDir });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('taken with no server running');
    expect(fs.existsSync(path.join(dataDir, 'switchboard.lock'))).toBe(false); // released

    server = await readyServer(dataDir);
    admin = await server.login();
    expect((await admin.request('POST', '/api/v1/branches', { code: 'LATER', name: 'Not in the backup' })).status).toBe(201);
    const later = await upload(admin, 'later.bin');
    await stopped(server);

    const damaged = path.join(work, 'damaged.tar.gz');
    fs.writeFileSync(damaged, fs.readFileSync(backupFile).subarray(0, 100_000));
    const before = fs.readdirSync(dataDir).sort();
    const refused = await runCli(['restore', damaged], { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${damaged} is not a usable Switchboard backup`);
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);

    const restore = await runCli(['restore', backupFile], { DATA_DIR: dataDir });
    expect(restore.code).toBe(0);
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, aside[0], 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(holdsBytes(path.join(dataDir, aside[0], 'files'), later.bytes)).toBe(true);
    expect(holdsBytes(path.join(dataDir, 'files'), later.bytes)).toBe(false);
    expect(holdsBytes(path.join(dataDir, 'files'), kept.bytes)).toBe(true);

    server = await readyServer(dataDir);
    admin = await server.login();
    const restoredCodes = codes((await admin.request('GET', '/api/v1/branches')).body.items);
    expect(restoredCodes).toContain('KEPT');
    expect(restoredCodes).not.toContain('LATER');
    expect((await admin.download(kept.url)).bytes.equals(kept.bytes)).toBe(true);
    expect((await admin.download(later.url)).status).toBe(404);
  });
});

describe('backup and restore with DATABASE_URL', () => {
  it('refuses both commands with exit code 2 and names the PostgreSQL tools to use', async () => {
    const env = { DATA_DIR: newDir(), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const backup = await runCli(['backup', path.join(env.DATA_DIR, 'x.tar.gz')], env);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('pg_dump --format=custom');
    const restore = await runCli(['restore', path.join(env.DATA_DIR, 'x.tar.gz')], env);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('pg_restore --clean');
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([]);
  });
});
