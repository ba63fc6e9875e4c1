/**
 * Database.single (decision 0011): a write that is ONE statement goes without BEGIN/COMMIT outside a
 * transaction, runs in a savepoint inside one (its failure undoes only itself), and a second statement
 * from its callback is refused before it is sent — it would not be atomic with the first.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness.ts';
import { recordStatements } from '../../../../test/statements.ts';
import type { Database } from '../database.ts';

describe('Database.single', () => {
  // One database for these its (a copy of the template costs seconds): each it writes its own owner's rows.
  let db: { database: Database; drop(): Promise<void> };
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.database.executor.exec('CREATE TABLE single_probe (owner text NOT NULL, n int NOT NULL CHECK (n > 0))');
  });
  afterAll(() => db.drop());

  const rows = async (owner: string) => (await db.database.executor.query<{ n: number }>('SELECT n FROM single_probe WHERE owner = $1 ORDER BY n', [owner])).rows.map((r) => r.n);

  it('sends its one statement on its own, without BEGIN or COMMIT, and keeps it', async () => {
    const sent = await recordStatements(db, () => db.database.single((tx) => tx.execute(sql`INSERT INTO single_probe VALUES ('alone', 1), ('alone', 2)`)));
    expect(sent.map((s) => s.sql)).toEqual([`INSERT INTO single_probe VALUES ('alone', 1), ('alone', 2)`]);
    expect(await rows('alone')).toEqual([1, 2]);
  });

  it('refuses a second statement before sending it', async () => {
    const sent = await recordStatements(db, () =>
      db.database
        .single(async (tx) => {
          await tx.execute(sql`INSERT INTO single_probe VALUES ('twice', 1)`);
          await tx.execute(sql`INSERT INTO single_probe VALUES ('twice', 2)`);
        })
        .catch((error: Error) => error.message),
    );
    expect(sent).toHaveLength(1);
    expect(await rows('twice')).toEqual([1]);
  });

  it('inside a transaction runs in a savepoint: its failure undoes only itself, the rest commits', async () => {
    await db.database.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO single_probe VALUES ('nested', 1)`);
      // One statement, all or nothing: the valid first row goes with the invalid second.
      await expect(db.database.single((inner) => inner.execute(sql`INSERT INTO single_probe VALUES ('nested', 2), ('nested', -1)`))).rejects.toThrow();
      await db.database.single((inner) => inner.execute(sql`INSERT INTO single_probe VALUES ('nested', 3)`));
    });
    expect(await rows('nested')).toEqual([1, 3]);
  });
});
