/**
 * platform/db/rows.ts: reading rows without Drizzle's generic mapping must give exactly what Drizzle's
 * own select gives — every column type the app selects (text, uuid, integers, numeric, booleans, arrays,
 * jsonb, timestamps, SQL expressions with and without mapWith), nulls included — on both engines, on the
 * pool and inside a transaction; and a compiled select builds its SQL once.
 */
import { eq, sql } from 'drizzle-orm';
import { boolean, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness.ts';
import { recordStatements } from '../../../../test/statements.ts';
import type { Database } from '../database.ts';
import { compiledSelect, selectRows } from '../rows.ts';

const probe = pgTable('rows_probe', {
  id: uuid('id').primaryKey(),
  name: text('name'),
  count: integer('count'),
  amount: numeric('amount', { precision: 12, scale: 2 }),
  flag: boolean('flag'),
  tags: text('tags').array(),
  data: jsonb('data').$type<{ a: number }>(),
  at: timestamp('at', { withTimezone: true }),
});

const fields = {
  id: probe.id,
  name: probe.name,
  count: probe.count,
  amount: probe.amount,
  flag: probe.flag,
  tags: probe.tags,
  data: probe.data,
  at: probe.at,
  atText: sql<string>`to_char(${probe.at} at time zone 'UTC', 'YYYY-MM-DD')`,
  doubled: sql<number>`${probe.count} * 2`.mapWith(Number),
  aliased: sql<string>`upper(${probe.name})`.as('aliased'),
};

describe('rows without Drizzle mapping', () => {
  // One database for these its (a copy of the template costs seconds): they only read the two probe rows.
  let db: { database: Database; drop(): Promise<void> };
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.database.executor.exec(`CREATE TABLE rows_probe (id uuid PRIMARY KEY, name text, count int, amount numeric(12,2), flag boolean, tags text[], data jsonb, at timestamptz);
      INSERT INTO rows_probe VALUES ('00000000-0000-4000-8000-000000000001', 'Ada', 3, 12.50, true, '{a,b}', '{"a":1}', '2026-12-04 10:11:12.345+00'),
        ('00000000-0000-4000-8000-000000000002', NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
  });
  afterAll(() => db.drop());

  it('maps every cell exactly as Drizzle does, nulls included', async () => {
    const pool = db.database.db;
    const expected = await pool.select(fields).from(probe).orderBy(probe.id);
    const actual = await selectRows(pool, pool.select(fields).from(probe).orderBy(probe.id));
    expect(actual).toEqual(expected);
    expect(actual[0].at).toBeInstanceOf(Date);
    expect(actual[0].at!.toISOString()).toBe('2026-12-04T10:11:12.345Z');
    expect(actual[0].doubled).toBe(6);
    expect(actual[0].data).toEqual({ a: 1 });
    expect(actual[1]).toMatchObject({ name: null, at: null, data: null, doubled: null });
  });

  it('a compiled select builds its text once and runs on the pool and in a transaction', async () => {
    const byId = compiledSelect((qb) => qb.select(fields).from(probe).where(eq(probe.id, sql.placeholder('id'))));
    const first = await byId(db.database.db, { id: '00000000-0000-4000-8000-000000000001' });
    expect(first).toEqual(await db.database.db.select(fields).from(probe).where(eq(probe.id, '00000000-0000-4000-8000-000000000001')));
    const sent = await recordStatements(db, () =>
      db.database.transaction(async (tx) => {
        expect((await byId(tx, { id: '00000000-0000-4000-8000-000000000002' }))[0].id).toBe('00000000-0000-4000-8000-000000000002');
      }),
    );
    const select = sent.filter((s) => s.sql.startsWith('select'));
    expect(select).toHaveLength(1);
    expect(select[0].params).toEqual(['00000000-0000-4000-8000-000000000002']);
  });

  it('refuses a nested selection instead of mapping it wrongly', async () => {
    const pool = db.database.db;
    await expect(selectRows(pool, pool.select({ id: probe.id, nested: { name: probe.name } }).from(probe))).rejects.toThrow(/flat selections/);
  });
});
