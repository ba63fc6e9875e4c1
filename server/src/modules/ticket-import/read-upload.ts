import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { csvProblem, csvProblems } from '../../platform/csv/csv-problems.ts';
import { CsvParser, detectDelimiter, isBlank } from '../../platform/csv/csv.ts';
import { receiveUpload } from '../../platform/files/upload.ts';

/** TKT-11: a bulk file is a call list, not a data migration; bigger lists go in several files. */
export const MAX_ROWS = 10_000;
const SLICE = 1024 * 1024;

export interface Upload {
  fileName: string;
  header: string[];
  /** Data records with their 1-based line (the header is line 1), blank lines skipped. */
  records: { line: number; values: string[] }[];
}

/**
 * Reads the multipart field `file` whole through the platform reader (bounded by uploads.maxMb, like
 * every upload) and parses it as UTF-8 CSV with a header row. No file is 400 and too large 413 (the
 * reader's answers); a file whose content is refused is 422 with the same codes as the customer
 * import (`bad_encoding`, `malformed_csv` with its line, `empty_file`, `no_rows`, `too_many_rows`).
 * Nothing is kept of a refused file.
 */
export async function readUpload(request: FastifyRequest, limits: { tmpDir: string; maxMb: number }): Promise<Upload> {
  const received = await receiveUpload(request, { target: path.join(limits.tmpDir, `${randomUUID()}.csv`), maxMb: limits.maxMb });
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(received.path);
  } finally {
    await fs.promises.rm(received.path, { force: true });
  }
  if (!bytes.length) throw csvProblems.empty();
  let text: string;
  try {
    // fatal: a file saved in another encoding is refused, never read as mojibake. A BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw csvProblems.badEncoding('The file is not valid UTF-8. Save it as "CSV UTF-8" and upload it again.');
  }
  if (text.includes('\u0000')) throw csvProblems.badEncoding('This is a binary file, not a CSV.');
  const firstLine = text.split(/\r\n|\r|\n/).find((l) => l.trim()) ?? '';
  if (!firstLine) throw csvProblems.empty();
  const parser = new CsvParser(detectDelimiter(firstLine));
  let header: string[] | undefined;
  const records: Upload['records'] = [];
  try {
    let line = 0;
    // Fed in slices so a file of a million tiny rows stops at the cap instead of being split whole.
    const slices = function* () {
      for (let i = 0; i < text.length; i += SLICE) yield* parser.push(text.slice(i, i + SLICE));
      yield* parser.end();
    };
    for (const values of slices()) {
      line++;
      if (isBlank(values)) continue;
      if (!header) {
        header = values.map((h) => h.trim());
        continue;
      }
      if (records.length === MAX_ROWS) throw csvProblems.tooManyRows(MAX_ROWS);
      records.push({ line, values });
    }
  } catch (error) {
    throw csvProblem(error);
  }
  if (!header) throw csvProblems.empty();
  if (!records.length) throw csvProblems.noRows();
  return { fileName: received.name, header, records };
}
