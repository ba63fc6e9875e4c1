import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import { SESSION_COOKIE, sha256 } from '../../platform/auth/tokens.ts';
import type { AppContext } from '../../platform/context.ts';
import { iso, uuidParam } from '../../platform/http/common-schemas.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as c from './identity.contracts.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { createApiToken, revokeApiToken } from './use-cases/api-tokens.ts';
import { login, logout } from './use-cases/login.ts';
import { changePassword, getMe, updateMe } from './use-cases/profile.ts';
import { listApiTokens } from './use-cases/read-directory.ts';
import { actorResolver } from './use-cases/resolve-actor.ts';

const TAG = ['identity'];

/** Sign-in, sign-out, the current user, their profile and API tokens. */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const secureCookie = ctx.config.publicUrl.startsWith('https://');
  const meResponse = c.meResponse();

  app.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: { tags: TAG, summary: 'Sign in with e-mail and password', body: c.loginBody, response: { 200: meResponse } },
  }, async (request, reply) => {
    const { sessionToken } = await login(ctx, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie,
      maxAge: Math.floor(ctx.config.sessionTtlMs / 1000),
    });
    // Answer with the new session's view (its CSRF token included), as GET /me would.
    const actor = await actorResolver(ctx).fromSession(sha256(sessionToken));
    if (!actor) throw notFound('session');
    return getMe(ctx, actor);
  });

  app.post('/api/v1/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: 'Sign out (ends this session)' },
  }, async (request, reply) => {
    await logout(ctx, actorOf(request).sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/demo-accounts', {
    config: { access: 'public' },
    schema: { tags: TAG, summary: 'Demo accounts (demo mode only)', response: { 200: z.object({ password: z.string(), accounts: z.array(c.demoAccount) }) } },
  }, async () => {
    if (!ctx.config.demo) throw notFound('demo account list');
    return { password: 'switchboard', accounts: DEMO_ACCOUNTS.map(({ email, role, name }) => ({ email, role, name })) };
  });

  app.get('/api/v1/me', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: 'The signed-in user, role, permissions and preferences', response: { 200: meResponse } },
  }, async (request) => getMe(ctx, actorOf(request)));

  app.patch('/api/v1/me', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: 'Update my profile and preferences', body: c.updateMeBody, response: { 200: meResponse } },
  }, async (request) => updateMe(ctx, actorOf(request), request.body));

  app.post('/api/v1/me/password', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: 'Change my password (other sessions end)', body: c.changePasswordBody },
  }, async (request, reply) => {
    await changePassword(ctx, actorOf(request), request.body.currentPassword, request.body.newPassword);
    return reply.status(204).send();
  });

  app.get('/api/v1/me/tokens', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: 'My API tokens', response: { 200: z.object({ items: z.array(c.apiTokenResponse) }) } },
  }, async (request) => {
    return { items: (await listApiTokens(ctx, actorOf(request))).map(presentToken) };
  });

  app.post('/api/v1/me/tokens', {
    config: { access: 'authenticated' },
    schema: {
      tags: TAG,
      summary: 'Create an API token (the secret is shown only in this answer)',
      body: c.createTokenBody,
      response: { 201: c.apiTokenResponse.extend({ token: z.string() }) },
    },
  }, async (request, reply) => {
    const created = await createApiToken(ctx, actorOf(request), request.body.name, request.body.expiresInDays);
    return reply.status(201).send({ ...presentToken(created), token: created.token });
  });

  app.delete('/api/v1/me/tokens/:id', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: 'Revoke an API token', params: uuidParam },
  }, async (request, reply) => {
    await revokeApiToken(ctx, actorOf(request), request.params.id);
    return reply.status(204).send();
  });
};

function presentToken(t: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null }) {
  return { id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt), expiresAt: iso(t.expiresAt) };
}
