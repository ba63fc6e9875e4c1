import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../http/errors.ts';

const MB = 1024 * 1024;

class TooLarge extends Error {}

/** What we keep of the client's file name: no path, no control characters, bounded. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return cleaned || 'file';
}

export interface UploadLimits {
  /** The file the bytes are written to (created; it must not exist yet). */
  target: string;
  maxMb: number;
  /** How the limit is named in the 413, e.g. "upload" or "import". */
  limitName?: string;
  /** Also compute the SHA-256 of the bytes while streaming. */
  sha256?: boolean;
}

export interface ReceivedUpload {
  /** The target, now holding the bytes: the caller moves or removes it. */
  path: string;
  /** The client's file name, cleaned. */
  name: string;
  size: number;
  sha256?: string;
}

const fileField = (message: string) => invalid([{ field: 'file', message }]);

/**
 * The one multipart upload reader (files, customer import, ticket import): exactly one file in the
 * field `file`, streamed to `target` with the size limit enforced while it streams. The same fault
 * answers the same problem everywhere:
 * - not multipart/form-data → 415 `unsupported_media_type`;
 * - no file, a second file, or another field → 400 `validation_failed` naming `file` (or the stray field);
 * - over the limit → 413 `file_too_large` naming `file`.
 * A refused upload leaves nothing on disk. An empty file is received (size 0): what an empty file
 * means is the caller's rule (an attachment refuses it with 400, a CSV with 422 `empty_file`).
 */
export async function receiveUpload(request: FastifyRequest, limits: UploadLimits): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415, 'Upload the file as multipart/form-data in the field "file".');
  const maxBytes = limits.maxMb * MB;
  // One byte over the limit is enough to know the file is too large.
  const parts = request.parts({ limits: { fileSize: maxBytes + 1, files: 1 } });
  let received: ReceivedUpload | undefined;
  try {
    for await (const part of parts) {
      if (part.type !== 'file') throw invalid([{ field: part.fieldname, message: 'Unknown field.' }]);
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalid([{ field: part.fieldname, message: 'Send the file in the field "file".' }]);
      }
      await fs.promises.mkdir(path.dirname(limits.target), { recursive: true });
      const hash = limits.sha256 ? createHash('sha256') : null;
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) return callback(new TooLarge());
          hash?.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(part.file, meter, fs.createWriteStream(limits.target, { flags: 'wx' }));
        if (part.file.truncated) throw new TooLarge();
      } catch (error) {
        await fs.promises.rm(limits.target, { force: true });
        if (error instanceof TooLarge || part.file.truncated || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          const what = limits.limitName ?? 'upload';
          throw new AppError('file_too_large', 413, `The file is larger than the ${limits.maxMb} MB ${what} limit.`, [{ field: 'file', message: `At most ${limits.maxMb} MB.` }]);
        }
        throw error;
      }
      received = { path: limits.target, name: cleanFileName(part.filename), size, ...(hash ? { sha256: hash.digest('hex') } : {}) };
    }
  } catch (error) {
    if (received) await fs.promises.rm(received.path, { force: true });
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') throw fileField('Send one file per request.');
    throw error;
  }
  if (!received) throw fileField('Attach one file in the field "file".');
  return received;
}
