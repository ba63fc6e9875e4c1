import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import * as repo from '../identity.repository.ts';

/**
 * The session lookup and the user view are prepared once per handle (platform/db/prepared.ts): on the
 * pool they are built once; inside a transaction they must run on that transaction's handle, or they
 * would miss its uncommitted rows (PostgreSQL) or wait behind it forever (PGlite's single session).
 */
describe('prepared identity statements', () => {
  // One app for the file's single it: it inserts and deletes its own session.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.stop());

  it('run on the handle they are given: the pool, or a transaction that sees its own uncommitted session', async () => {
    const admin = await t.loginAs('admin');
    const userId = admin.me!.id;
    const id = `test-${randomUUID()}`;
    const inside = await t.database.transaction(async (tx) => {
      await repo.insertSession(tx, { id, userId, csrfToken: 'x', expiresAt: new Date(Date.now() + 60_000) });
      return { actor: await repo.actorForSession(tx, id), view: await repo.getUserView(tx, userId) };
    });
    expect(inside.actor?.userId).toBe(userId);
    expect(inside.view?.id).toBe(userId);
    // The pool's prepared statement, again and again, with different values.
    expect((await repo.actorForSession(t.database.db, id))?.userId).toBe(userId);
    expect(await repo.actorForSession(t.database.db, `${id}-other`)).toBeNull();
    await repo.deleteSession(t.database.db, id);
    expect(await repo.actorForSession(t.database.db, id)).toBeNull();
  });
});
