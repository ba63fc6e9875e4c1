import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthenticated } from '../http/errors.ts';
import { can, type RouteAccess } from '../permissions/roles.ts';
import type { Actor, ActorResolver } from './actor.ts';
import { API_TOKEN_PREFIX, SESSION_COOKIE, safeEqual, sha256 } from './tokens.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares who may call it; a route without it answers 500 and fails a test. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function identify(request: FastifyRequest, resolver: ActorResolver): Promise<Actor | null> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice(7).trim();
    if (!token.startsWith(API_TOKEN_PREFIX)) throw unauthenticated('The API token is not valid.');
    const actor = await resolver.fromApiToken(sha256(token));
    if (!actor) throw unauthenticated('The API token is not valid, expired or revoked.');
    return actor;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  return resolver.fromSession(sha256(cookie));
}

/** Cookie-authenticated writes must carry the session's CSRF token and come from our own origin. */
function checkCsrf(request: FastifyRequest, actor: Actor) {
  if (actor.via !== 'session' || SAFE_METHODS.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !actor.csrfToken || !safeEqual(header, actor.csrfToken)) {
    throw new AppError('csrf_failed', 403, 'The request is missing a valid X-CSRF-Token header.');
  }
}

/** Refuses a cross-site browser request (Origin of another site) on any state-changing method. */
export function checkOrigin(request: FastifyRequest, allowedOrigins: Set<string>) {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (!origin) return;
  const own = `${request.protocol}://${request.host}`;
  if (origin !== own && !allowedOrigins.has(origin)) {
    throw new AppError('origin_refused', 403, 'Requests from this origin are not accepted.');
  }
}

/**
 * Deny by default: authenticates every request, then enforces the route's declared access.
 * A public route opts out through its own `access: 'public'`, never by URL prefix.
 */
export function registerAuthHook(app: FastifyInstance, resolver: ActorResolver, allowedOrigins: Set<string>) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (request.routeOptions.url === undefined) return; // 404 handler
    if (!access) throw new AppError('route_without_access', 500, 'This route declares no access rule.');
    checkOrigin(request, allowedOrigins);
    if (access === 'public') {
      request.actor = await identify(request, resolver).catch(() => null);
      return;
    }
    const actor = await identify(request, resolver);
    if (!actor) throw unauthenticated();
    request.actor = actor;
    checkCsrf(request, actor);
    if (access !== 'authenticated' && !can(actor.role, access)) throw forbidden();
  });
}

/** The actor of an authenticated route (the hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
