/** The fields PostgreSQL puts on an error, whichever driver raised it. */
export interface PostgresErrorFields {
  code: string;
  constraint?: string;
  column?: string;
}

/**
 * PostgreSQL's own error behind `error`, or null. Drizzle wraps driver errors in a DrizzleQueryError
 * whose `cause` holds the fields (node-postgres and PGlite alike); an unwrapped error carries them itself.
 */
export function postgresError(error: unknown): PostgresErrorFields | null {
  for (let current = error, depth = 0; current && depth < 3; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PostgresErrorFields;
    current = candidate.cause;
  }
  return null;
}
