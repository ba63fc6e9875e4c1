import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { userRef } from '../identity/index.ts';
import { customerSegments as segments } from './customers.tables.ts';

const outerOwner = sql.raw('"customer_segments"."owner_id"');
const columns = {
  id: segments.id,
  name: segments.name,
  filter: segments.filter,
  shared: segments.shared,
  ownerId: segments.ownerId,
  owner: userRef(outerOwner),
  version: segments.version,
};
export type SegmentRow = Awaited<ReturnType<typeof findSegment>> & {};

/** A user's own segments and everyone's shared ones. */
const visible = (userId: string) => or(eq(segments.ownerId, userId), eq(segments.shared, true));

export async function listSegments(db: Db, userId: string) {
  return db.select(columns).from(segments).where(visible(userId)).orderBy(asc(sql`lower(${segments.name})`), asc(segments.id));
}

export async function findSegment(db: Db, id: string, userId: string) {
  const [row] = await db.select(columns).from(segments).where(and(eq(segments.id, id), visible(userId)));
  return row ?? null;
}

export async function insertSegment(db: Db, values: typeof segments.$inferInsert) {
  const [row] = await db.insert(segments).values(values).returning({ id: segments.id });
  return row.id;
}

export async function updateSegment(db: Db, id: string, version: number, values: Partial<typeof segments.$inferInsert>) {
  const [row] = await db
    .update(segments)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${segments.version} + 1` })
    .where(and(eq(segments.id, id), eq(segments.version, version)))
    .returning({ id: segments.id });
  return row ?? null;
}

export async function deleteSegment(db: Db, id: string) {
  await db.delete(segments).where(eq(segments.id, id));
}
