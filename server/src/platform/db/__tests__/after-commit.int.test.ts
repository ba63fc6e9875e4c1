/**
 * Database.afterCommit: what announces a write (realtime notices, the outbox wake-up) runs only once
 * that write is committed — at once outside a transaction, after the outermost commit inside one (a
 * request answered atomically wraps the use case's transaction in its own), never after a rollback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness.ts';
import type { Database } from '../database.ts';

describe('Database.afterCommit', () => {
  // One database for these its (a copy of the template costs seconds): each it writes its own owner's rows.
  let db: { database: Database; drop(): Promise<void> };
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.database.executor.exec('CREATE TABLE commit_probe (owner text NOT NULL)');
  });
  afterAll(() => db.drop());

  const committedRows = async (owner: string) =>
    (await db.database.executor.query<{ n: number }>('SELECT count(*)::int AS n FROM commit_probe WHERE owner = $1', [owner])).rows[0].n;

  it('runs at once outside a transaction', () => {
    const ran: string[] = [];
    db.database.afterCommit(() => ran.push('now'));
    expect(ran).toEqual(['now']);
  });

  it('inside nested transactions, runs after the outermost commit, when the rows are there', async () => {
    const { database } = db;
    const seen: number[] = [];
    await database.transaction(async () => {
      await database.transaction(async () => {
        await database.openSession()!.query("INSERT INTO commit_probe (owner) VALUES ('nested')");
        // A use case's notice, sent after its own (here: nested) transaction returned.
      });
      database.afterCommit(() => void committedRows('nested').then((n) => seen.push(n)));
      await database.openSession()!.query('SELECT 1'); // the outer transaction goes on
      expect(seen).toEqual([]);
    });
    await expect.poll(() => seen).toEqual([1]);
  });

  it('never runs when the outer transaction rolls back, nor for a savepoint that rolled back', async () => {
    const { database } = db;
    const ran: string[] = [];
    await expect(
      database.transaction(async () => {
        await database.openSession()!.query("INSERT INTO commit_probe (owner) VALUES ('rolled back')");
        database.afterCommit(() => ran.push('outer'));
        throw new Error('the request failed after its use case');
      }),
    ).rejects.toThrow('the request failed');
    await database.transaction(async () => {
      await database
        .transaction(async () => {
          database.afterCommit(() => ran.push('undone savepoint'));
          throw new Error('this step is undone');
        })
        .catch(() => undefined);
      database.afterCommit(() => ran.push('kept'));
    });
    expect(ran).toEqual(['kept']);
    expect(await committedRows('rolled back')).toBe(0);
  });
});
