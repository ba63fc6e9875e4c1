/**
 * The one seam between the app and a PostgreSQL engine. Two implementations: a node-postgres pool
 * (server mode) and PGlite in a worker thread (embedded mode). Drizzle, pg-boss, the migrator and
 * the benchmarks all run on this interface, so both engines execute exactly the same SQL.
 */
export type RowMode = 'array' | 'object';

export interface QueryResult<R = any> {
  rows: R[];
  rowCount: number;
  fields: { name: string; dataTypeID: number }[];
}

export interface QueryOptions {
  rowMode?: RowMode;
  /** Return timestamps/dates as the server's text (Drizzle maps them); default parses like `pg`. */
  rawDates?: boolean;
}

export interface SqlSession {
  query<R = any>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<R>>;
}

export interface SqlExecutor extends SqlSession {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn inside BEGIN … COMMIT on one session; ROLLBACK when it throws. Never interleaved. */
  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Executes a script of several statements (simple protocol, no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Type OIDs that Drizzle wants as text: it maps them to Date/strings itself. */
export const RAW_DATE_TYPE_OIDS = [1082, 1083, 1114, 1184, 1186, 1266] as const;

/**
 * PGlite's own default is PostgreSQL's 128 MiB of shared buffers, all of it touched at start: most of an
 * idle embedded server's memory. The engine reads its files through the operating system's page cache,
 * which keeps the hot pages anyway, so a small buffer pool costs little speed on a small database.
 */
export const EMBEDDED_SHARED_BUFFERS_MB = 32;
