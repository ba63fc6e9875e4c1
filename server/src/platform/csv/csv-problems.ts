import { AppError } from '../http/errors.ts';
import type { ProblemCode } from '../http/problems.ts';
import { CsvError, EncodingError } from './csv.ts';

/**
 * What an uploaded CSV's content can be refused for, answered the same by every import (customers,
 * tickets): 422 with a stable code, the field to fix (`file`, or `encoding` when the user chose one)
 * and, where the fault sits on one line, that line (1-based; the header is line 1) as `line`.
 * The upload itself (no file, too large) is the platform reader's: 400 and 413.
 */
const problem = (code: ProblemCode, detail: string, field = 'file', line?: number) =>
  new AppError(code, 422, detail, [{ field, message: detail }], {}, line === undefined ? {} : { line });

export const csvProblems = {
  empty: () => problem('empty_file', 'The file is empty.'),
  noRows: () => problem('no_rows', 'The file has a header but no rows.'),
  tooManyRows: (max: number) => problem('too_many_rows', `The file has more than ${max.toLocaleString('en')} rows; split it into several files.`),
  malformed: (message: string, line?: number) => problem('malformed_csv', line === undefined ? message : `Line ${line}: ${message}`, 'file', line),
  /** Bytes that are not text in the encoding (or a binary file). */
  badEncoding: (message: string, field = 'file') => problem('bad_encoding', message, field),
};

/**
 * The problem for an error thrown while reading a CSV (a CsvError or an EncodingError), or the error
 * itself when it is something else. `encodingHint` is added to an encoding refusal.
 */
export function csvProblem(error: unknown, encoding: { field?: string; hint?: string } = {}): unknown {
  if (error instanceof CsvError) return csvProblems.malformed(error.message, error.row);
  if (error instanceof EncodingError) return csvProblems.badEncoding(error.message + (encoding.hint ?? ''), encoding.field);
  return error;
}
