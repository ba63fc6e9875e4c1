import type { FastifyRequest } from 'fastify';
import { cleanFileName } from '../../platform/files/files.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { CsvError, CsvParser, detectDelimiter, isBlank } from '../../platform/csv/csv.ts';

/** TKT-11: a bulk file is a call list, not a data migration; bigger lists go in several files. */
export const MAX_ROWS = 10_000;
const MB = 1024 * 1024;

export interface Upload {
  fileName: string;
  header: string[];
  /** Data records with their 1-based line (the header is line 1), blank lines skipped. */
  records: { line: number; values: string[] }[];
}

const fileError = (message: string) => invalid([{ field: 'file', message }], message);

/**
 * Reads the multipart field `file` whole (bounded by uploads.maxMb, like every upload) and parses it
 * as UTF-8 CSV with a header row. Any problem with the file itself is a 400 naming `file`; nothing
 * is kept of a refused file.
 */
export async function readUpload(request: FastifyRequest, maxMb: number): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415, 'Upload the CSV as multipart/form-data in the field "file".');
  const part = await request.file({ limits: { fileSize: maxMb * MB + 1, files: 1 } });
  if (!part) throw fileError('Attach one CSV file in the field "file".');
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw invalid([{ field: part.fieldname, message: 'Send the file in the field "file".' }]);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file) {
    size += (chunk as Buffer).length;
    if (size > maxMb * MB) {
      part.file.resume();
      break;
    }
    chunks.push(chunk as Buffer);
  }
  if (size > maxMb * MB || part.file.truncated) {
    throw new AppError('file_too_large', 413, `The file is larger than the ${maxMb} MB upload limit.`, [{ field: 'file', message: `At most ${maxMb} MB.` }]);
  }
  let text: string;
  try {
    // fatal: a file saved in another encoding is refused, never read as mojibake. A BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw fileError('The file is not valid UTF-8. Save it as "CSV UTF-8" and upload it again.');
  }
  if (text.includes('\u0000')) throw fileError('This is a binary file, not a CSV.');
  const firstLine = text.split(/\r\n|\r|\n/).find((l) => l.trim()) ?? '';
  if (!firstLine) throw fileError('The file is empty.');
  const parser = new CsvParser(detectDelimiter(firstLine));
  let header: string[] | undefined;
  const records: Upload['records'] = [];
  try {
    let line = 0;
    // Fed in slices so a file of a million tiny rows stops at the cap instead of being split whole.
    const slices = function* () {
      for (let i = 0; i < text.length; i += MB) yield* parser.push(text.slice(i, i + MB));
      yield* parser.end();
    };
    for (const values of slices()) {
      line++;
      if (isBlank(values)) continue;
      if (!header) {
        header = values.map((h) => h.trim());
        continue;
      }
      if (records.length === MAX_ROWS) throw fileError(`The file has more than ${MAX_ROWS.toLocaleString('en')} rows; split it into several files.`);
      records.push({ line, values });
    }
  } catch (error) {
    if (error instanceof CsvError) throw fileError(`Row ${error.row}: ${error.message}`);
    throw error;
  }
  if (!header) throw fileError('The file is empty.');
  if (!records.length) throw fileError('The file has a header but no rows.');
  return { fileName: cleanFileName(part.filename), header, records };
}
