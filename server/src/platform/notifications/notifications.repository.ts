import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { exactTimestamp, olderThan } from '../db/keyset.ts';
import { notifications } from '../platform.tables.ts';

/** The API item shape: what the bell lists and what the socket pushes. */
const itemColumns = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

export async function insertNotification(
  db: Db,
  values: { userId: string; kind: string; title: string; body: string | null; link: string | null; data: Record<string, unknown> | null },
): Promise<string> {
  const [row] = await db.insert(notifications).values(values).returning({ id: notifications.id });
  return row.id;
}

export async function getNotification(db: Db, id: string) {
  const [row] = await db.select({ ...itemColumns, userId: notifications.userId }).from(notifications).where(eq(notifications.id, id));
  return row ?? null;
}

/** One user's notifications, newest first, keyset on (created_at, id) — the (user, created_at, id) index. */
export async function listNotifications(db: Db, q: { userId: string; unreadOnly: boolean; after?: [string, string]; limit: number }) {
  const where: SQL[] = [eq(notifications.userId, q.userId)];
  if (q.unreadOnly) where.push(isNull(notifications.readAt));
  if (q.after) where.push(olderThan(notifications.createdAt, notifications.id, q.after));
  return db
    .select({ ...itemColumns, cursorAt: exactTimestamp(notifications.createdAt) })
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit + 1);
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Only the owner's row: another user's id matches nothing (and the caller answers 404). */
export async function markRead(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
