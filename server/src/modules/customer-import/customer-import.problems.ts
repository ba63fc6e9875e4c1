import { defineProblems } from '../../platform/http/problems.ts';

/** The problem codes this module answers with (see platform/http/problems.ts). */
export const customerImportProblems = defineProblems({
  bad_encoding: { status: 422, title: 'File is not UTF-8 text' },
  malformed_csv: { status: 422, title: 'File is not valid CSV' },
  empty_file: { status: 422, title: 'File is empty' },
  no_rows: { status: 422, title: 'File has no data rows' },
  too_many_rows: { status: 422, title: 'Too many rows' },
  invalid_mapping: { status: 422, title: 'Column mapping not valid' },
  import_not_ready: { status: 422, title: 'Import not ready' },
  import_busy: { status: 422, title: 'Import is running' },
});

declare module '../../platform/http/problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof customerImportProblems, true> {}
}
