/**
 * Problem catalogues: every `code` the API can answer is declared once, with the status it is answered
 * with and a short English title. The platform declares its own codes below; each module declares its
 * codes in `<module>.problems.ts` and adds them to `ProblemRegistry`:
 *
 *   export const poolProblems = defineProblems({ pool_cooldown: { status: 409, title: '…' } });
 *   declare module '../../platform/http/problems.ts' {
 *     interface ProblemRegistry extends Record<keyof typeof poolProblems, true> {}
 *   }
 *
 * `AppError`, `conflict`, `unprocessable` and `problem` take a `ProblemCode`, so throwing an undeclared
 * code does not compile; `problems.isolated.test.ts` also scans the sources for codes and checks every catalogue
 * against the web's translations (web/src/locales/<lang>/problems.json).
 */

export interface ProblemDefinition {
  /** The HTTP status the code is answered with (a few codes are answered with two, e.g. 401 at sign-in, 422 in the profile). */
  readonly status: number | readonly number[];
  /** A short English title, for the API documentation and logs; users see the web's translation. */
  readonly title: string;
}

export type ProblemCatalogue<Code extends string = string> = { readonly [C in Code]: ProblemDefinition };

/**
 * The codes of every catalogue. Empty here on purpose: `platformProblems` (below) and each module's
 * catalogue extend it by declaration merging.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation (each <m>.problems.ts)
export interface ProblemRegistry {}

export type ProblemCode = keyof ProblemRegistry & string;

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Declares a catalogue; the codes must be snake_case and each status an HTTP error status. */
export function defineProblems<const Code extends string>(catalogue: ProblemCatalogue<Code>): ProblemCatalogue<Code> {
  for (const [code, definition] of Object.entries<ProblemDefinition>(catalogue)) {
    if (!SNAKE_CASE.test(code)) throw new Error(`problem code "${code}" is not snake_case`);
    const statuses = typeof definition.status === 'number' ? [definition.status] : definition.status;
    if (!statuses.length || statuses.some((s) => !Number.isInteger(s) || s < 400 || s > 599)) {
      throw new Error(`problem code "${code}" has no HTTP error status`);
    }
    if (!definition.title.trim()) throw new Error(`problem code "${code}" has no title`);
  }
  return Object.freeze(catalogue);
}

/**
 * The platform's own codes: the error handler's (validation, body, database), the auth hook's, the
 * shared helpers' (`notFound`, `forbidden`, `staleVersion`…), uploads and files, jobs and custom fields,
 * and the few codes several modules answer with the same meaning (`invalid_reference`, `illegal_transition`).
 */
export const platformProblems = defineProblems({
  // A refused CSV upload (platform/csv/csv-problems.ts), the same for every import.
  bad_encoding: { status: 422, title: 'File is not UTF-8 text' },
  malformed_csv: { status: 422, title: 'File is not valid CSV' },
  empty_file: { status: 422, title: 'File is empty' },
  no_rows: { status: 422, title: 'File has no data rows' },
  too_many_rows: { status: 422, title: 'Too many rows' },
  invalid_mapping: { status: 422, title: 'Column mapping not valid' },
  bad_request: { status: 400, title: 'Bad request' },
  validation_failed: { status: 400, title: 'Some values are not valid' },
  malformed_json: { status: 400, title: 'The body is not valid JSON' },
  unauthenticated: { status: 401, title: 'Not signed in' },
  forbidden: { status: 403, title: 'Not allowed' },
  csrf_failed: { status: 403, title: 'Missing or wrong CSRF token' },
  origin_refused: { status: 403, title: 'Origin not accepted' },
  not_found: { status: 404, title: 'Not found or not visible' },
  conflict: { status: 409, title: 'Duplicate unique value' },
  stale_version: { status: 412, title: 'Changed by someone else' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  file_too_large: { status: 413, title: 'File too large' },
  unsupported_media_type: { status: 415, title: 'Content type not accepted' },
  reference_missing: { status: 422, title: 'A referenced record does not exist' },
  invalid_reference: { status: 422, title: 'A referenced record does not exist or is not usable' },
  illegal_transition: { status: [409, 422], title: 'Status change not allowed' },
  version_required: { status: 428, title: 'If-Match header required' },
  internal_error: { status: 500, title: 'Internal error' },
  route_without_access: { status: 500, title: 'Route declares no access rule' },
  job_not_runnable: { status: 422, title: 'Job cannot be run by hand' },
  custom_field_exists: { status: 409, title: 'Custom field key already used' },
  invalid_options: { status: 422, title: 'Custom field options do not fit its type' },
  idempotency_key_invalid: { status: 400, title: 'Idempotency-Key header not valid' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key already used for another request' },
});

declare module './problems.ts' {
  interface ProblemRegistry extends Record<keyof typeof platformProblems, true> {}
}
