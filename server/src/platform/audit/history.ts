import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { history } from '../platform.tables.ts';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface HistoryEntry {
  entityType: string;
  entityId: string;
  actorId: string | null;
  action: string;
  changes?: FieldChange[];
  internal?: boolean;
}

/** Compares the fields a use case is about to write with the current record: only real changes. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>, fields?: (keyof T)[]): FieldChange[] {
  const keys = (fields ?? (Object.keys(after) as (keyof T)[])).filter((k) => k in after);
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
  return keys
    .filter((k) => JSON.stringify(norm(before[k])) !== JSON.stringify(norm(after[k])))
    .map((k) => ({ field: String(k), from: norm(before[k]), to: norm(after[k]) }));
}

/** Appends history rows in the caller's transaction (PLT-5). The table refuses updates and deletes. */
export async function appendHistory(tx: Db, entries: HistoryEntry | HistoryEntry[]): Promise<void> {
  const rows = (Array.isArray(entries) ? entries : [entries]).map((e) => ({
    entityType: e.entityType,
    entityId: e.entityId,
    actorId: e.actorId,
    action: e.action,
    changes: e.changes ?? [],
    internal: e.internal ?? false,
  }));
  if (rows.length) await tx.insert(history).values(rows);
}

/**
 * appendHistory as an SQL fragment, for a writer that sends its record, history and event as ONE
 * statement (a CTE of it: platform/db/one-statement.ts): the entry's changes in its one row.
 * `first` are changes the statement computes from the row it writes (the number a sequence gave
 * it), selected `from` that CTE; they come before the entry's own changes.
 */
export function historyInsert(entry: HistoryEntry, first: SQL[] = [], from?: SQL): SQL {
  const own = sql`${JSON.stringify(entry.changes ?? [])}::jsonb`;
  const changes = first.length ? sql`jsonb_build_array(${sql.join(first, sql`, `)}) || ${own}` : own;
  return sql`insert into history (entity_type, entity_id, actor_id, action, changes, internal)
    select ${entry.entityType}::text, ${entry.entityId}::uuid, ${entry.actorId}::uuid, ${entry.action}::text, ${changes}, ${entry.internal ?? false}::boolean${from ? sql` from ${from}` : sql``}`;
}

/** One change computed by SQL, for historyInsert's `first`: `{ field, from: null, to: <value> }`. */
export const createdChange = (field: string, to: SQL) => sql`jsonb_build_object('field', ${field}::text, 'from', null, 'to', ${to})`;

export interface HistoryPageQuery {
  entityType: string;
  entityId: string;
  limit: number;
  beforeId?: number;
  includeInternal: boolean;
}

/** Newest first, keyset-paginated by id. */
export async function readHistory(db: Db, q: HistoryPageQuery) {
  const filters = [eq(history.entityType, q.entityType), eq(history.entityId, q.entityId)];
  if (q.beforeId !== undefined) filters.push(lt(history.id, q.beforeId));
  if (!q.includeInternal) filters.push(eq(history.internal, false));
  return db
    .select()
    .from(history)
    .where(and(...filters))
    .orderBy(desc(history.id))
    .limit(q.limit + 1);
}
