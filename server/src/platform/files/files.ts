import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { Actor } from '../auth/actor.ts';
import type { Database, Db } from '../db/database.ts';
import { invalid, notFound } from '../http/errors.ts';
import type { Settings } from '../settings/settings.ts';
import { type FileRow, getFile, insertFile } from './files.repository.ts';
import { cleanFileName, type ReceivedUpload, receiveUpload } from './upload.ts';

/** The only types ever shown inline: raster images whose bytes say so. SVG can carry script: never. */
export const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Says whether an actor may read a file; modules register theirs (a ticket's attachment → the ticket's readers). */
export type FileAccessResolver = (db: Db, actor: Actor, file: FileRow) => Promise<boolean> | boolean;

export type { FileRow } from './files.repository.ts';
export { cleanFileName } from './upload.ts';

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Where a stored file's bytes live: DATA_DIR/files/<first two characters of the key>/<key>. */
function storedPath(filesDir: string, storageKey: string) {
  return path.join(filesDir, storageKey.slice(0, 2), storageKey);
}

/**
 * Stores bytes the system itself provides (demo attachments), typed from the bytes exactly like an
 * upload. The row goes in the caller's transaction; if it rolls back, the bytes are only an orphan.
 */
export async function storeBytes(db: Db, filesDir: string, file: { name: string; bytes: Buffer; uploadedBy: string }): Promise<FileRow> {
  const storageKey = randomBytes(16).toString('hex');
  const target = storedPath(filesDir, storageKey);
  const mimeType = (await fileTypeFromBuffer(file.bytes))?.mime ?? 'application/octet-stream';
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.writeFile(target, file.bytes);
  return insertFile(db, {
    storageKey,
    name: cleanFileName(file.name),
    size: file.bytes.length,
    mimeType,
    inlineImage: INLINE_IMAGE_TYPES.has(mimeType),
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    uploadedBy: file.uploadedBy,
  });
}

/**
 * Uploaded files under DATA_DIR/files by a generated key. The type comes from the bytes; the size
 * limit is enforced while streaming, so a refused upload leaves neither a row nor a file behind.
 */
export class FileStore {
  private readonly resolvers: FileAccessResolver[] = [];
  private readonly tmpDir: string;

  constructor(
    private readonly filesDir: string,
    private readonly database: Database,
    private readonly settings: Settings,
    private readonly log: FastifyBaseLogger,
  ) {
    this.tmpDir = path.join(filesDir, 'tmp');
  }

  registerFileAccess(resolver: FileAccessResolver): void {
    this.resolvers.push(resolver);
  }

  private pathOf(storageKey: string) {
    return storedPath(this.filesDir, storageKey);
  }

  /** One file from the multipart field `file` (the platform reader); an empty file is refused. */
  async upload(actor: Actor, request: FastifyRequest): Promise<FileRow> {
    const maxMb = await this.settings.get('uploads.maxMb');
    const received = await receiveUpload(request, { target: path.join(this.tmpDir, `${randomUUID()}.part`), maxMb, sha256: true });
    if (received.size === 0) {
      await fs.promises.rm(received.path, { force: true });
      throw invalid([{ field: 'file', message: 'The file is empty.' }]);
    }
    return this.keep(actor, received);
  }

  /** Types the upload from its bytes, moves it under its key and records it; nothing stays on failure. */
  private async keep(actor: Actor, { path: tmp, ...meta }: ReceivedUpload): Promise<FileRow> {
    const storageKey = randomBytes(16).toString('hex');
    const target = this.pathOf(storageKey);
    try {
      const detected = await fileTypeFromFile(tmp);
      const mimeType = detected?.mime ?? 'application/octet-stream';
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(tmp, target);
      return await insertFile(this.database.db, {
        storageKey,
        name: meta.name,
        size: meta.size,
        mimeType,
        inlineImage: INLINE_IMAGE_TYPES.has(mimeType),
        sha256: meta.sha256!,
        uploadedBy: actor.userId,
      });
    } catch (error) {
      await fs.promises.rm(tmp, { force: true });
      await fs.promises.rm(target, { force: true });
      throw error;
    }
  }

  private async canRead(actor: Actor, file: FileRow): Promise<boolean> {
    if (actor.role === 'admin' || (file.uploadedBy !== null && file.uploadedBy === actor.userId)) return true;
    for (const resolver of this.resolvers) if (await resolver(this.database.db, actor, file)) return true;
    return false;
  }

  /** The file and a stream of its bytes; 404 when missing or not readable by the actor. */
  async open(actor: Actor, id: string): Promise<{ file: FileRow; stream: fs.ReadStream }> {
    const file = await getFile(this.database.db, id);
    if (!file || !(await this.canRead(actor, file))) throw notFound('file');
    return this.streamOf(file);
  }

  /**
   * A file anyone may fetch without signing in (the public help centre's images): only a verified
   * raster image, and only while `shown` vouches for it (a published public article shows it).
   */
  async openPublic(id: string, shown: (db: Db, file: FileRow) => Promise<boolean>): Promise<{ file: FileRow; stream: fs.ReadStream }> {
    const file = await getFile(this.database.db, id);
    if (!file || !file.inlineImage || !(await shown(this.database.db, file))) throw notFound('file');
    return this.streamOf(file);
  }

  private async streamOf(file: FileRow): Promise<{ file: FileRow; stream: fs.ReadStream }> {
    const id = file.id;
    const full = this.pathOf(file.storageKey);
    try {
      await fs.promises.access(full, fs.constants.R_OK);
    } catch {
      this.log.error({ fileId: id }, 'file row without its bytes on disk');
      throw notFound('file');
    }
    return { file, stream: fs.createReadStream(full) };
  }
}

/** Types a browser could render as a document (markup, script hosts) go out as opaque bytes. */
export function servedType(file: FileRow): string {
  if (file.inlineImage) return file.mimeType;
  if (/xml|html|svg|javascript|ecmascript/i.test(file.mimeType)) return 'application/octet-stream';
  return file.mimeType;
}
