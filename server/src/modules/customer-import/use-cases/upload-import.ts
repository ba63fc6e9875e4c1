import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { csvProblem, csvProblems } from '../../../platform/csv/csv-problems.ts';
import { bomEncoding, detectDelimiter, type Encoding, isBlank, readRecords } from '../../../platform/csv/csv.ts';
import { receiveUpload } from '../../../platform/files/upload.ts';
import { invalid } from '../../../platform/http/errors.ts';
import * as repo from '../import.repository.ts';

/**
 * A CSV file is larger than an attachment: uploads.maxMb (≤ 50 MB) would cap an import near 300,000
 * rows. Imports have their own limit, enough for well over a million rows of a typical export.
 */
export const IMPORT_MAX_MB = 256;
export const MAX_ROWS = 1_000_000;
const SAMPLE_ROWS = 5;

export const importFile = (ctx: AppContext, id: string) => path.join(ctx.config.filesDir, 'imports', `${id}.csv`);

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
      if (++totalRows > MAX_ROWS) throw csvProblems.tooManyRows(MAX_ROWS);
      if (sample.length < SAMPLE_ROWS) sample.push(values);
    }
  } catch (error) {
    const hint = declared === 'auto' ? ' Save it as "CSV UTF-8", or choose the encoding it was saved in.' : ' Choose the encoding it was saved in.';
    // The user chose the encoding: an undecodable file is refused on that field.
    throw csvProblem(error, { field: 'encoding', hint });
  }
  if (!headers || headers.every((h, i) => h === `Column ${i + 1}`)) throw csvProblems.empty();
  if (totalRows === 0) throw csvProblems.noRows();
  if (headers.length < 2 && !/^[\p{L}\p{N} _.-]{1,60}$/u.test(headers[0])) {
    // One "column" whose header is not a plausible name: not a CSV of records.
    throw csvProblems.malformed('This does not look like a CSV file with a header row.', 1);
  }
  return { encoding, delimiter, headers, sample, totalRows };
}

/** POST /customer-imports: receive, check, record. A refused file leaves nothing behind. */
export async function uploadImport(ctx: AppContext, actor: Actor, request: FastifyRequest, encoding: Encoding) {
  const id = randomUUID();
  const target = importFile(ctx, id);
  const received = await receiveUpload(request, { target, maxMb: IMPORT_MAX_MB, limitName: 'import' });
  try {
    if (received.size === 0) throw csvProblems.empty();
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
