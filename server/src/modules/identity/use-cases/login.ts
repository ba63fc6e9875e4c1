import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { verifyPassword } from '../../../platform/auth/passwords.ts';
import { randomToken, sha256 } from '../../../platform/auth/tokens.ts';
import * as repo from '../identity.repository.ts';

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
}

const invalidCredentials = () =>
  new AppError('invalid_credentials', 401, 'The e-mail or password is wrong.', [{ field: 'password', message: 'Wrong e-mail or password.' }]);

/**
 * IAM-1 login: argon2id verification, failures counted per account and per client address (the
 * address Fastify derives, so a forged X-Forwarded-For changes nothing unless TRUST_PROXY says so).
 */
export async function login(ctx: AppContext, input: LoginInput): Promise<{ sessionToken: string; userId: string }> {
  const { db } = ctx.database;
  const email = input.email.trim().toLowerCase();
  const keys = [`account:${email}`, `ip:${input.ip}`];
  const locked = await repo.lockedUntil(db, keys);
  if (locked) {
    const seconds = Math.max(1, Math.ceil((locked.getTime() - Date.now()) / 1000));
    throw new AppError('too_many_attempts', 429, `Too many failed sign-ins. Try again in ${seconds} seconds.`, [], {
      'Retry-After': String(seconds),
    });
  }
  const credentials = await repo.findCredentialsByEmail(db, email);
  const passwordOk = await verifyPassword(credentials?.passwordHash, input.password);
  if (!credentials || !passwordOk) {
    for (const key of keys) {
      const max = key.startsWith('ip:') ? ctx.config.login.maxFailuresPerIp : ctx.config.login.maxFailuresPerAccount;
      await repo.countFailure(db, key, max, ctx.config.login.windowMs);
    }
    throw invalidCredentials();
  }
  if (!credentials.active) throw new AppError('account_disabled', 403, 'This account has been deactivated.');

  const sessionToken = randomToken();
  await ctx.database.transaction(async (tx) => {
    await repo.clearFailures(tx, keys[0]);
    await repo.insertSession(tx, {
      id: sha256(sessionToken),
      userId: credentials.id,
      csrfToken: randomToken(),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
      expiresAt: new Date(Date.now() + ctx.config.sessionTtlMs),
    });
    await repo.markLogin(tx, credentials.id);
  });
  return { sessionToken, userId: credentials.id };
}

export async function logout(ctx: AppContext, sessionId: string | undefined) {
  if (sessionId) await repo.deleteSession(ctx.database.db, sessionId);
}
