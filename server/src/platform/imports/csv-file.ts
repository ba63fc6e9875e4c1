import fs from 'node:fs';
import { invalid } from '../http/errors.ts';
import { csvProblem, csvProblems } from '../csv/csv-problems.ts';
import { bomEncoding, detectDelimiter, type Encoding, isBlank, readRecords } from '../csv/csv.ts';

/**
 * PLT-9 files, read the same by every import: the encoding (a BOM, the user's choice, else strict
 * UTF-8), the delimiter, the header row (the first non-blank record), and the data records after it
 * with their spreadsheet row numbers (blank lines skipped).
 */
export type FileEncoding = Exclude<Encoding, 'auto'>;

const SAMPLE_ROWS = 5;

export interface CsvAnalysis {
  encoding: FileEncoding;
  delimiter: string;
  headers: string[];
  /** A few first rows, for the mapping step. */
  sample: string[][];
  totalRows: number;
}

/** The delimiter from the first non-empty line (a lenient decode of the first 64 KB is enough for that). */
async function sniffDelimiter(file: string, encoding: FileEncoding): Promise<string> {
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

/** Header cells as names: trimmed, an empty one named by its place ("Column 3"). */
export const headerNames = (values: string[]) => values.map((h, i) => h.trim() || `Column ${i + 1}`);

/**
 * One full streaming pass: encoding, delimiter, header, row count. Any structural problem refuses the
 * file (422 with the shared codes: bad_encoding, malformed_csv with its line, empty_file, no_rows,
 * too_many_rows over `maxRows`).
 */
export async function analyseCsv(file: string, declared: Encoding, maxRows: number): Promise<CsvAnalysis> {
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
  const encoding = (bom ?? (declared === 'auto' ? 'utf-8' : declared)) as FileEncoding;
  const delimiter = await sniffDelimiter(file, encoding);
  let headers: string[] | undefined;
  const sample: string[][] = [];
  let totalRows = 0;
  try {
    for await (const { values } of readRecords(file, encoding, delimiter)) {
      if (isBlank(values)) continue;
      if (!headers) {
        headers = headerNames(values);
        continue;
      }
      if (++totalRows > maxRows) throw csvProblems.tooManyRows(maxRows);
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

/** The data records of an analysed file (the header skipped), with their spreadsheet row numbers. */
export async function* dataRecords(file: string, encoding: FileEncoding, delimiter: string): AsyncGenerator<{ line: number; values: string[] }> {
  let header = false;
  for await (const { row, values } of readRecords(file, encoding, delimiter)) {
    if (isBlank(values)) continue;
    if (!header) {
      header = true;
      continue;
    }
    yield { line: row, values };
  }
}
