import { type AnyColumn, sql } from 'drizzle-orm';
import { z } from 'zod';

/**
 * A timestamp as exact text (microseconds, UTC) for keyset cursors: a JS Date keeps only
 * milliseconds, and a cursor rounded to them would repeat or skip rows of the same millisecond.
 */
export const exactTimestamp = (column: AnyColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Cursor of a list sorted newest first by (created_at, id). */
export const timeIdCursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** `(ts, id) < (cursor)`: the rows after the cursor in a newest-first list. */
export const olderThan = (tsColumn: AnyColumn, idColumn: AnyColumn, cursor: [string, string]) =>
  sql`(${tsColumn}, ${idColumn}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`;
