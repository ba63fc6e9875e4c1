import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness.ts';
import type { Database } from '../database.ts';
import { postgresError } from '../pg-error.ts';

describe('postgresError: PostgreSQL error fields through Drizzle, on this engine', () => {
  // One database for these its (a copy of the template costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
    await database.db.execute(sql`create table pg_error_probe (id int primary key, code text constraint pg_error_probe_code_key unique)`);
    await database.db.execute(sql`insert into pg_error_probe values (1, 'a')`);
  });
  afterAll(async () => drop());

  const failureOf = (statement: ReturnType<typeof sql>) => database.db.execute(statement).then(() => null, (error: unknown) => error);

  it('finds SQLSTATE 23505 and the constraint of a unique violation raised under Drizzle', async () => {
    const error = await failureOf(sql`insert into pg_error_probe values (2, 'a')`);
    expect(postgresError(error)).toMatchObject({ code: '23505', constraint: 'pg_error_probe_code_key' });
  });

  it('finds 22P02 for a malformed value', async () => {
    const error = await failureOf(sql`select 'not a number'::int`);
    expect(postgresError(error)?.code).toBe('22P02');
  });

  it('answers null for errors that are not PostgreSQL errors', () => {
    expect(postgresError(new Error('plain'))).toBeNull();
    expect(postgresError(Object.assign(new Error('fs'), { code: 'ENOENT' }))).toBeNull();
    expect(postgresError(undefined)).toBeNull();
  });
});
