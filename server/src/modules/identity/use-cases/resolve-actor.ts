import type { Actor, ActorResolver } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import * as repo from '../identity.repository.ts';

const TOUCH_EVERY_MS = 60_000;

/** Sessions slide: each use (at most once a minute) pushes expiry a full TTL ahead. */
export function actorResolver(ctx: AppContext): ActorResolver {
  return {
    async fromSession(sessionId: string): Promise<Actor | null> {
      const row = await repo.actorForSession(ctx.database.db, sessionId);
      if (!row) return null;
      if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await repo.extendSession(ctx.database.db, sessionId, new Date(Date.now() + ctx.config.sessionTtlMs));
      }
      return { ...repo.toActor(row, 'session'), sessionId, csrfToken: row.csrfToken };
    },
    async fromApiToken(tokenHash: string): Promise<Actor | null> {
      const row = await repo.actorForToken(ctx.database.db, tokenHash);
      if (!row) return null;
      if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await repo.touchToken(ctx.database.db, row.tokenId);
      }
      return repo.toActor(row, 'token');
    },
  };
}
