import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { cleanFileName } from '../../../platform/files/files.ts';
import { AppError, invalid, unprocessable } from '../../../platform/http/errors.ts';
import { bomEncoding, CsvError, detectDelimiter, type Encoding, EncodingError, isBlank, readRecords } from '../../../platform/csv/csv.ts';
import * as repo from '../import.repository.ts';

/**
 * A CSV file is larger than an attachment: uploads.maxMb (≤ 50 MB) would cap an import near 300,000
 * rows. Imports have their own limit, enough for well over a million rows of a typical export.
 */
export const IMPORT_MAX_MB = 256;
export const MAX_ROWS = 1_000_000;
const SAMPLE_ROWS = 5;
const MB = 1024 * 1024;

export const importFile = (ctx: AppContext, id: string) => path.join(ctx.config.filesDir, 'imports', `${id}.csv`);

class TooLarge extends Error {}

/** Streams the multipart field `file` to disk, counting; over the limit nothing is left. */
async function receive(request: FastifyRequest, target: string): Promise<{ name: string; size: number }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415, 'Upload the CSV as multipart/form-data in the field "file".');
  const part = await request.file({ limits: { fileSize: IMPORT_MAX_MB * MB + 1, files: 1 } });
  if (!part) throw invalid([{ field: 'file', message: 'Attach one CSV file in the field "file".' }]);
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw invalid([{ field: part.fieldname, message: 'Send the file in the field "file".' }]);
  }
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _e, done) {
      size += chunk.length;
      if (size > IMPORT_MAX_MB * MB) return done(new TooLarge());
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, meter, fs.createWriteStream(target, { flags: 'wx' }));
    if (part.file.truncated) throw new TooLarge();
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    if (error instanceof TooLarge || part.file.truncated) {
      throw new AppError('file_too_large', 413, `The file is larger than the ${IMPORT_MAX_MB} MB import limit.`, [{ field: 'file', message: `At most ${IMPORT_MAX_MB} MB.` }]);
    }
    throw error;
  }
  return { name: cleanFileName(part.filename), size };
}

/** The delimiter from the first non-empty line (a lenient decode of the first 64 KB is enough for that). */
async function sniffDelimiter(file: string, encoding: Exclude<Encoding, 'auto'>): Promise<string> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fd.read(buf, 0, buf.length, 0);
    const text = new TextDecoder(encoding).decode(buf.subarray(0, bytesRead));
    return detectDelimiter(text.split(/\r\n|\r|\n/).find((l) => l.trim()) ?? '');
  } finally {
    await fd.close();
  }
}

interface Analysis {
  encoding: Exclude<Encoding, 'auto'>;
  delimiter: string;
  headers: string[];
  sample: string[][];
  totalRows: number;
}

/** One full streaming pass: encoding, delimiter, header, row count. Any structural problem refuses the file. */
async function analyse(file: string, declared: Encoding): Promise<Analysis> {
  const head = Buffer.alloc(4);
  const fd = await fs.promises.open(file, 'r');
  try {
    await fd.read(head, 0, 4, 0);
  } finally {
    await fd.close();
  }
  const bom = bomEncoding(head);
  if (bom && declared !== 'auto' && declared !== bom) {
    throw invalid([{ field: 'encoding', message: `The file starts with a ${bom.toUpperCase()} byte order mark, not ${declared.toUpperCase()}.` }]);
  }
  const encoding = (bom ?? (declared === 'auto' ? 'utf-8' : declared)) as Exclude<Encoding, 'auto'>;
  const delimiter = await sniffDelimiter(file, encoding);
  let headers: string[] | undefined;
  const sample: string[][] = [];
  let totalRows = 0;
  try {
    for await (const { values } of readRecords(file, encoding, delimiter)) {
      if (isBlank(values)) continue;
      if (!headers) {
        headers = values.map((h, i) => h.trim() || `Column ${i + 1}`);
        continue;
      }
      if (++totalRows > MAX_ROWS) throw unprocessable('too_many_rows', `The file has more than ${MAX_ROWS.toLocaleString('en')} rows; split it.`, [{ field: 'file', message: `At most ${MAX_ROWS} rows.` }]);
      if (sample.length < SAMPLE_ROWS) sample.push(values);
    }
  } catch (error) {
    if (error instanceof EncodingError) {
      const hint = declared === 'auto' ? ' Save it as "CSV UTF-8", or choose the encoding it was saved in.' : ' Choose the encoding it was saved in.';
      throw unprocessable('bad_encoding', error.message + hint, [{ field: 'encoding', message: error.message + hint }]);
    }
    if (error instanceof CsvError) throw unprocessable('malformed_csv', `Row ${error.row}: ${error.message}`, [{ field: 'file', message: `Row ${error.row}: ${error.message}` }]);
    throw error;
  }
  if (!headers || headers.every((h, i) => h === `Column ${i + 1}`)) throw unprocessable('empty_file', 'The file is empty.', [{ field: 'file', message: 'The file is empty.' }]);
  if (totalRows === 0) throw unprocessable('no_rows', 'The file has a header but no rows.', [{ field: 'file', message: 'No data rows under the header.' }]);
  if (headers.length < 2 && !/^[\p{L}\p{N} _.-]{1,60}$/u.test(headers[0])) {
    // One "column" whose header is not a plausible name: not a CSV of records.
    throw unprocessable('malformed_csv', 'This does not look like a CSV file with a header row.', [{ field: 'file', message: 'No header row found.' }]);
  }
  return { encoding, delimiter, headers, sample, totalRows };
}

/** POST /customer-imports: receive, check, record. A refused file leaves nothing behind. */
export async function uploadImport(ctx: AppContext, actor: Actor, request: FastifyRequest, encoding: Encoding) {
  const id = randomUUID();
  const target = importFile(ctx, id);
  const received = await receive(request, target);
  try {
    if (received.size === 0) throw unprocessable('empty_file', 'The file is empty.', [{ field: 'file', message: 'The file is empty.' }]);
    const a = await analyse(target, encoding);
    return await repo.insertImport(ctx.database.db, {
      id,
      createdBy: actor.userId,
      fileName: received.name,
      size: received.size,
      encoding: a.encoding,
      delimiter: a.delimiter,
      headers: a.headers,
      sample: a.sample,
      totalRows: a.totalRows,
    });
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    throw error;
  }
}
