import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { exactTimestamp } from '../../platform/db/keyset.ts';
import { userNames as namesOfUsers, userRef } from '../identity/index.ts';
import { ticketMessages, tickets } from './tickets.tables.ts';

export async function insertMessage(db: Db, values: typeof ticketMessages.$inferInsert) {
  const [row] = await db.insert(ticketMessages).values(values).returning({ id: ticketMessages.id });
  return row;
}

const messageColumns = {
  id: ticketMessages.id,
  ticketId: ticketMessages.ticketId,
  authorId: ticketMessages.authorId,
  author: userRef(sql.raw('"ticket_messages"."author_id"')),
  body: ticketMessages.body,
  internal: ticketMessages.internal,
  file: sql<{ id: string; name: string; size: number; mimeType: string; inlineImage: boolean } | null>`(select json_build_object('id', f.id, 'name', f.name, 'size', f.size, 'mimeType', f.mime_type, 'inlineImage', f.inline_image) from files f where f.id = "ticket_messages"."file_id")`,
  createdAt: ticketMessages.createdAt,
  sortKey: exactTimestamp(ticketMessages.createdAt),
};
export type MessageRow = Awaited<ReturnType<typeof listMessages>>[number];

/** Oldest first (a conversation reads top-down); internal notes only when asked for. */
export async function listMessages(db: Db, ticketId: string, includeInternal: boolean, after: [string, string] | undefined, limit: number) {
  const where: SQL[] = [eq(ticketMessages.ticketId, ticketId)];
  if (!includeInternal) where.push(eq(ticketMessages.internal, false));
  if (after) where.push(sql`(${ticketMessages.createdAt}, ${ticketMessages.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return db
    .select(messageColumns)
    .from(ticketMessages)
    .where(and(...where))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id))
    .limit(limit + 1);
}

export async function findMessage(db: Db, id: string) {
  const [row] = await db.select(messageColumns).from(ticketMessages).where(eq(ticketMessages.id, id));
  return row ?? null;
}

/**
 * Whether a file is attached to a ticket the caller sees, in a message they may read: the ticket's
 * visibility filter and, for clients, public messages only.
 */
export async function fileReadable(db: Db, fileId: string, visible: SQL, includeInternal: boolean): Promise<boolean> {
  const rows = await db
    .select({ id: ticketMessages.id })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(and(eq(ticketMessages.fileId, fileId), visible, includeInternal ? sql`true` : eq(ticketMessages.internal, false)))
    .limit(1);
  return rows.length > 0;
}

/** Names of the people in a timeline, in one query. */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  return namesOfUsers(db, ids);
}

export async function componentNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = (await db.execute<{ id: string; name: string }>(
    sql`select id, name from ticket_components where id in (${sql.join(unique.map((i) => sql`${i}::uuid`), sql`, `)})
        union all select id, name from ticket_types where id in (${sql.join(unique.map((i) => sql`${i}::uuid`), sql`, `)})`,
  )) as unknown as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

