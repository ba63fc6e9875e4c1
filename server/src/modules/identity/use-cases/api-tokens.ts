import type { Actor } from '../../../platform/auth/actor.ts';
import { API_TOKEN_PREFIX, randomToken, sha256 } from '../../../platform/auth/tokens.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import * as repo from '../identity.repository.ts';

/** Personal API tokens for scripts: shown once, stored hashed, revocable. */
export async function createApiToken(ctx: AppContext, actor: Actor, name: string, expiresInDays?: number) {
  const token = randomToken(API_TOKEN_PREFIX);
  const row = await repo.insertToken(ctx.database.db, {
    userId: actor.userId,
    name,
    prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    tokenHash: sha256(token),
    expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
  });
  return { ...row, token };
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, tokenId: string) {
  if (!(await repo.revokeToken(ctx.database.db, actor.userId, tokenId))) throw notFound('token');
}
