import { AppError } from '../http/errors.ts';
import { CsvError, EncodingError } from './csv.ts';

/**
 * What an uploaded CSV's content can be refused for, answered the same by every import (customers,
 * tickets): 422 with a stable code, the field to fix (`file`, or `encoding` when the user chose one)
 * and, where the fault sits on one line, that line (1-based; the header is line 1) as `line`.
 * The upload itself (no file, too large) is the platform reader's: 400 and 413.
 */
const extra = (line?: number) => (line === undefined ? {} : { line });
const fileError = (detail: string, field = 'file') => [{ field, message: detail }];

export const csvProblems = {
  empty: () => new AppError('empty_file', 422, 'The file is empty.', fileError('The file is empty.')),
  noRows: () => new AppError('no_rows', 422, 'The file has a header but no rows.', fileError('The file has a header but no rows.')),
  tooManyRows: (max: number) => {
    const detail = `The file has more than ${max.toLocaleString('en')} rows; split it into several files.`;
    return new AppError('too_many_rows', 422, detail, fileError(detail));
  },
  malformed: (message: string, line?: number) => {
    const detail = line === undefined ? message : `Line ${line}: ${message}`;
    return new AppError('malformed_csv', 422, detail, fileError(detail), {}, extra(line));
  },
  /** Bytes that are not text in the encoding (or a binary file). */
  badEncoding: (message: string, field = 'file') => new AppError('bad_encoding', 422, message, fileError(message, field)),
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
