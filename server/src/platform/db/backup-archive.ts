/**
 * The backup file format: one gzip'd ustar archive, so `tar tzvf backup.tar.gz` lists it.
 *
 *   switchboard-backup.json   manifest (format, version, when, live or offline, size and sha256 of the dump)
 *   pgdata.tar.gz             PGlite's own dumpDataDir tarball, loadable with `loadDataDir`
 *   files/…                   the uploaded files, paths relative to DATA_DIR/files
 *
 * Integrity on restore: tar header checksums, exact sizes, the dump's sha256, and gzip's CRC over the
 * whole archive (read to its end).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { readTar, TAR_END, tarHeader, tarPadding } from './tar.ts';

const MANIFEST = 'switchboard-backup.json';
const DUMP = 'pgdata.tar.gz';
const FILES = 'files';
const FORMAT = 'switchboard-backup';
const VERSION = 1;

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  source: 'live' | 'offline';
  database: { engine: 'pglite'; file: typeof DUMP; bytes: number; sha256: string };
}

interface FileToCopy {
  relative: string; // POSIX separators, relative to DATA_DIR/files
  absolute: string;
  type: 'file' | 'directory';
  mode: number;
  mtime: Date;
}

export interface FileCounts {
  count: number;
  bytes: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** DATA_DIR/files/tmp holds uploads still streaming in (platform/files): no committed row refers to them. */
const UPLOADS_IN_PROGRESS = 'tmp';

function listFiles(root: string, relative = ''): FileToCopy[] {
  const dir = path.join(root, relative);
  if (!fs.existsSync(dir)) return [];
  const out: FileToCopy[] = [];
  for (const dirent of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!relative && dirent.name === UPLOADS_IN_PROGRESS) continue;
    const rel = relative ? `${relative}/${dirent.name}` : dirent.name;
    const absolute = path.join(root, rel);
    if (!dirent.isDirectory()) {
      if (dirent.isFile()) out.push({ relative: rel, absolute, type: 'file', mode: 0, mtime: new Date(0) }); // stat'ed when copied
      continue; // uploads are plain files; links are not followed
    }
    const stat = fs.statSync(absolute);
    out.push({ relative: rel, absolute, type: 'directory', mode: stat.mode, mtime: stat.mtime });
    out.push(...listFiles(root, rel));
  }
  return out;
}

/**
 * Writes the archive of a database dump and the files under filesDir to target (created 0600).
 * Returns how many uploaded files went in.
 */
export async function writeArchive(target: string, source: Manifest['source'], dump: Uint8Array, filesDir: string): Promise<FileCounts> {
  const manifest: Manifest = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    source,
    database: { engine: 'pglite', file: DUMP, bytes: dump.byteLength, sha256: sha256(dump) },
  };
  const counts: FileCounts = { count: 0, bytes: 0 };
  const chunks = archiveChunks(manifest, dump, listFiles(filesDir), counts);
  await pipeline(Readable.from(chunks), createGzip(), fs.createWriteStream(target, { mode: 0o600 }));
  return counts;
}

async function* archiveChunks(manifest: Manifest, dump: Uint8Array, files: FileToCopy[], counts: FileCounts): AsyncGenerator<Buffer> {
  const now = new Date();
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  yield tarHeader({ name: MANIFEST, type: 'file', size: manifestBytes.length, mode: 0o644, mtime: now });
  yield manifestBytes;
  yield tarPadding(manifestBytes.length);
  yield tarHeader({ name: DUMP, type: 'file', size: dump.byteLength, mode: 0o600, mtime: now });
  yield Buffer.from(dump.buffer, dump.byteOffset, dump.byteLength);
  yield tarPadding(dump.byteLength);
  yield tarHeader({ name: FILES, type: 'directory', size: 0, mode: 0o700, mtime: now });
  for (const file of files) {
    const name = `${FILES}/${file.relative}`;
    if (file.type === 'directory') {
      yield tarHeader({ name, type: 'directory', size: 0, mode: file.mode, mtime: file.mtime });
      continue;
    }
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file.absolute, 'r');
    } catch (error: any) {
      // Gone since the listing: an upload whose row never committed (the store removes those), so no
      // snapshot refers to it.
      if (error.code === 'ENOENT') continue;
      throw error;
    }
    try {
      const { size, mode, mtime } = await handle.stat();
      yield tarHeader({ name, type: 'file', size, mode, mtime });
      let copied = 0;
      // Stored uploads are never rewritten in place (written aside, then renamed), so size is final.
      if (size > 0) {
        for await (const chunk of handle.createReadStream({ start: 0, end: size - 1, autoClose: false })) {
          copied += chunk.length;
          yield chunk as Buffer;
        }
      }
      if (copied !== size) throw new Error(`${file.absolute} changed during the backup; run the backup again.`);
      yield tarPadding(size);
      counts.count++;
      counts.bytes += size;
    } finally {
      await handle.close();
    }
  }
  yield TAR_END;
}

function safeRelative(name: string): string | null {
  const parts = name.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..') || name.includes('\\') || name.includes('\0')) return null;
  return parts.join(path.sep);
}

async function collect(body: AsyncIterable<Buffer>, size: number): Promise<Buffer> {
  const out = Buffer.alloc(size);
  let at = 0;
  for await (const chunk of body) at += chunk.copy(out, at);
  return out;
}

/** Unpacks a backup: files into staging/files, the dump into memory. Refuses anything unexpected. */
export async function extractArchive(file: string, staging: string): Promise<{ manifest: Manifest; dump: Uint8Array; files: FileCounts }> {
  const input = fs.createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  let manifest: Manifest | undefined;
  let dump: Buffer | undefined;
  let count = 0;
  let bytes = 0;
  const filesRoot = path.join(staging, FILES);
  fs.mkdirSync(filesRoot);
  try {
    for await (const entry of readTar(gunzip)) {
      if (!manifest) {
        if (entry.name !== MANIFEST) throw new Error(`it does not start with ${MANIFEST}`);
        const parsed = JSON.parse((await collect(entry.body, entry.size)).toString('utf8')) as Manifest;
        if (parsed.format !== FORMAT || parsed.version !== VERSION) throw new Error(`unknown format ${parsed.format} v${parsed.version}`);
        manifest = parsed;
      } else if (entry.name === DUMP && entry.type === 'file' && !dump) {
        dump = await collect(entry.body, entry.size);
      } else if (entry.name === FILES && entry.type === 'directory') {
        continue;
      } else if (entry.name.startsWith(`${FILES}/`) && safeRelative(entry.name.slice(FILES.length + 1))) {
        const destination = path.join(filesRoot, safeRelative(entry.name.slice(FILES.length + 1))!);
        if (entry.type === 'directory') {
          fs.mkdirSync(destination, { recursive: true });
          continue;
        }
        fs.mkdirSync(path.dirname(destination), { recursive: true });
        await pipeline(Readable.from(entry.body), fs.createWriteStream(destination, { mode: (entry.mode & 0o666) | 0o600 }));
        fs.utimesSync(destination, entry.mtime, entry.mtime);
        count++;
        bytes += entry.size;
      } else {
        throw new Error(`unexpected entry ${JSON.stringify(entry.name)}`);
      }
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (!manifest) throw new Error('it is empty');
  if (!dump || dump.length !== manifest.database.bytes || sha256(dump) !== manifest.database.sha256) {
    throw new Error('the database dump is missing or damaged');
  }
  return { manifest, dump: new Uint8Array(dump.buffer, dump.byteOffset, dump.byteLength), files: { count, bytes } };
}
