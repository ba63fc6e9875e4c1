import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createAdapter } from '@socket.io/postgres-adapter';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.ts';
import { WEB_DIST } from './paths.ts';
import { registerAuthHook } from './platform/auth/auth-hook.ts';
import type { AppContext, Realtime, RoomAuthorizer } from './platform/context.ts';
import type { Database } from './platform/db/database.ts';
import { PgExecutor } from './platform/db/pg-executor.ts';
import { problem, registerErrorHandling, sendProblem } from './platform/http/errors.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { createMetrics, registerRequestMetrics } from './platform/observability/metrics.ts';
import { logRequests } from './platform/observability/request-log.ts';
import { createSerializerCompiler } from './platform/http/serializer.ts';
import { createRealtime, type RealtimeServer } from './platform/realtime/realtime.ts';
import { createPlatformServices } from './platform/services.ts';
import { actorResolver, notificationRecipients } from './modules/identity/index.ts';
import { MODULES } from './modules/registry.ts';
import { systemRoutes } from './modules/system/index.ts';
import type { ModuleDefinition } from './platform/module.ts';

export interface RouteInfo {
  method: string;
  url: string;
  access: string | undefined;
}

export interface BuiltApp {
  app: FastifyInstance;
  /** Every route with the access it declared: the authz tests walk this list. */
  routes: RouteInfo[];
  ctx: AppContext;
  realtime: RealtimeServer;
  /** Stops accepting work, finishes what is running, closes sockets and HTTP. Not the database. */
  close(): Promise<void>;
}

export interface BuildOptions {
  config: AppConfig;
  database: Database;
  /** Serve the built SPA from web/dist (on in `start`, off in API tests). */
  serveWeb?: boolean;
  /** The domain modules (all of them unless a test builds a smaller app). */
  modules?: readonly ModuleDefinition[];
  /** Start jobs, the outbox and Socket.IO (default). Off for tools that only read the routes (OpenAPI generation): nothing touches the database. */
  startServices?: boolean;
  /** Where the log goes instead of stdout (the benchmarks log as deployed, into /dev/null). */
  logStream?: { write(line: string): void };
}

export async function buildApp({ config, database, serveWeb = false, modules = MODULES, startServices: start = true, logStream }: BuildOptions): Promise<BuiltApp> {
  const app: FastifyInstance = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, ...(logStream ? { stream: logStream } : {}) },
    // Fastify logs each request twice (received, completed); logRequests writes one line when it is answered.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy as boolean | string,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ validate: config.env !== 'production' }));

  let shuttingDown = false;
  const allowedOrigins = new Set([new URL(config.publicUrl).origin]);
  const realtimeRef: { current?: RealtimeServer } = {};
  const roomAuthorizers: RoomAuthorizer[] = [];
  // Notices leave once the writes they announce are committed (Database.afterCommit).
  const realtimeProxy: Realtime = {
    toUser: (userId, event, payload) => database.afterCommit(() => realtimeRef.current?.toUser(userId, event, payload)),
    disconnectUser: (userId) => database.afterCommit(() => realtimeRef.current?.disconnectUser(userId)),
    toRoom: (room, event, payload) => database.afterCommit(() => realtimeRef.current?.toRoom(room, event, payload)),
    addRoomAuthorizer: (authorizer) => void roomAuthorizers.push(authorizer),
  };
  const { start: startServices, stop: stopServices, ...services } = createPlatformServices({
    config,
    database,
    log: app.log,
    realtime: realtimeProxy,
    recipients: notificationRecipients,
  });
  const ctx: AppContext = { config, database, log: app.log, realtime: realtimeProxy, ...services, modules };
  wireModules(ctx, modules);
  const resolver = actorResolver(ctx);
  const metrics = createMetrics();

  // Route options are read after ready(): later onRoute hooks may still set their access.
  const routeOptions: { method: string | string[]; url: string; config?: unknown }[] = [];
  app.addHook('onRoute', (route) => void routeOptions.push(route));
  // Registered first so it sees every route. The docs UI and the OpenAPI document are public by their own declaration.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), access: 'public' };
  });
  await app.register(cookie);
  // Uploads stream to disk; the per-request size limit comes from the uploads.maxMb setting.
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 4096, parts: 12, headerPairs: 100 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Switchboard API', version: '1', description: 'Everything the Switchboard web app does, as a REST API.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sb_session' },
          token: { type: 'http', scheme: 'bearer', description: 'Personal API token (sbt_…)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });
  registerErrorHandling(app);
  // A request already running when shutdown starts must not leave its keep-alive connection open
  // (server.close() only reaps connections idle at that moment): tell the client to close it.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (shuttingDown) reply.header('Connection', 'close');
    return payload;
  });
  registerSecurityHeaders(app);
  registerRequestMetrics(app, metrics);
  logRequests(app);
  registerAuthHook(app, resolver, allowedOrigins);
  // Before any route is added: it wraps every POST handler (Idempotency-Key).
  registerIdempotency(app, database, () => ctx.jobs.wake()); // a job enqueued by the request was invisible to the workers until now

  await app.register(systemRoutes, { ctx, metrics, isShuttingDown: () => shuttingDown });
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  // Each module's routes; paths never depend on registration order (find-my-way prefers static
  // segments, so /customers/export.csv is never read as /customers/:idOrNumber).
  for (const module of modules) for (const routes of module.routes ?? []) await app.register(routes, { ctx });

  if (serveWeb) await registerWeb(app);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(request, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );

  await app.ready();
  const routes: RouteInfo[] = routeOptions.flatMap((route) =>
    [route.method]
      .flat()
      .filter((method) => method !== 'HEAD')
      .map((method) => ({ method, url: route.url, access: (route.config as { access?: string } | undefined)?.access })),
  );
  if (!start) return { app, routes, ctx, realtime: undefined as never, close: () => app.close() };
  // Server mode may run many processes: Socket.IO fans out through PostgreSQL LISTEN/NOTIFY.
  const adapter = database.executor instanceof PgExecutor ? createAdapter(database.executor.pool) : undefined;
  const realtime = createRealtime(app.server, resolver, allowedOrigins, adapter, roomAuthorizers);
  realtimeRef.current = realtime;
  await startServices();

  return {
    app,
    routes,
    ctx,
    realtime,
    async close() {
      shuttingDown = true;
      // Fastify closes first so it marks itself closing (in-flight keep-alive requests get
      // `Connection: close`); Socket.IO would otherwise close the HTTP server behind its back.
      realtime.io.disconnectSockets(true);
      await app.close();
      await realtime.close().catch(() => undefined);
      await stopServices();
    },
  };
}

/** Hands every module's jobs, subscribers, socket rooms and file rules to the platform services. */
function wireModules(ctx: AppContext, modules: readonly ModuleDefinition[]) {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`module ${module.name} is listed twice`);
    names.add(module.name);
    module.jobs?.(ctx);
    module.subscribers?.(ctx);
    for (const authorizer of module.roomAuthorizers?.(ctx) ?? []) ctx.realtime.addRoomAuthorizer(authorizer);
    for (const resolver of module.fileAccess ?? []) ctx.files.registerFileAccess(resolver);
  }
}

/** The built SPA: hashed assets cached for a year, index.html for every client-side route. */
async function registerWeb(app: FastifyInstance) {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.log.warn(`web/dist is missing: run "npm run build" to serve the web app`);
    return;
  }
  // Static files of the SPA are public; every API route still declares its own access.
  app.addHook('onRoute', (route) => {
    if (!(route.config as { access?: string } | undefined)?.access && !route.url.startsWith('/api/')) {
      route.config = { ...(route.config as object), access: 'public' };
    }
  });
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: false,
    setHeaders: (res, file) => {
      if (file.includes(`${path.sep}assets${path.sep}`)) res.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const spaIndex = { config: { access: 'public' as const }, schema: { hide: true } };
  app.get('/', spaIndex, (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'));
  app.get('/*', spaIndex, (request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api/') || url.startsWith('/socket.io')) {
      return sendProblem(reply, problem(request, 404, 'not_found', `No route ${request.method} ${url}.`));
    }
    const candidate = path.join(WEB_DIST, path.normalize(url));
    if (candidate.startsWith(WEB_DIST) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      return reply.sendFile(path.relative(WEB_DIST, candidate));
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
