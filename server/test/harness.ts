import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp, type BuiltApp } from '../src/app.ts';
import { type AppConfig, loadConfig } from '../src/config.ts';
import { Database } from '../src/platform/db/database.ts';
import { PgExecutor } from '../src/platform/db/pg-executor.ts';
import { PgliteExecutor } from '../src/platform/db/pglite-executor.ts';
import { eq, sql } from 'drizzle-orm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/modules/identity/index.ts';
// Test code arranges sessions the way a login does, without the argon2id check (see sessionFor).
import { insertSession } from '../src/modules/identity/identity.repository.ts';
import { users } from '../src/modules/identity/identity.tables.ts';
import type { ModuleDefinition } from '../src/platform/module.ts';
import { randomToken, sha256 } from '../src/platform/auth/tokens.ts';
import type { Role } from '../src/platform/permissions/roles.ts';
import { adminUrlFor, databaseUrlFor } from './databases.ts';

export const onPostgres = () => Boolean(process.env.TEST_DATABASE_URL);

/** A fresh copy of the seeded template database, private to the caller. */
export async function createTestDatabase(
  /** Embedded engine settings (PgliteExecutor.open); ignored on PostgreSQL. */
  pglite: { sharedBuffersMb?: number; checkpointEveryMs?: number } = {},
): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `sb_t_${inject('runId')}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new PgExecutor(adminUrlFor(serverUrl), { max: 1 });
    await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplateDb')}`);
    await admin.close();
    const url = databaseUrlFor(serverUrl, name);
    const executor = new PgExecutor(url, { max: 10 });
    return {
      database: new Database(executor),
      url,
      async drop() {
        await executor.close().catch(() => undefined);
        const cleanup = new PgExecutor(adminUrlFor(serverUrl), { max: 1 });
        await cleanup.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.close();
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  const executor = await PgliteExecutor.open({ ...pglite, dataDir: 'memory://', loadDataDir: new Uint8Array(dump) });
  return { database: new Database(executor), drop: () => executor.close() };
}

export interface TestApp extends BuiltApp {
  database: Database;
  config: AppConfig;
  dataDir: string;
  /**
   * Signs in as a demo user (by role: the first of that role; or by e-mail). The session is written
   * the way the login use case writes it, without the argon2id check (tens of ms of CPU per login);
   * the sign-in itself is tested through `login()`, and the identity suites sign in for real
   * (`createTestApp(…, { realLogins: true })`). TEST_REAL_LOGINS=1 makes every loginAs a real POST /auth/login.
   */
  loginAs(who: Role | string): Promise<Agent>;
  anonymous(): Agent;
  /** Stops the app and drops its database. */
  stop(): Promise<void>;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Never an Idempotency-Key, even under TEST_IDEMPOTENCY_KEYS (a test of the path without one). */
  withoutIdempotencyKey?: boolean;
}

/** A signed-in browser: session cookie and CSRF header sent with every request. */
export class Agent {
  constructor(
    private readonly built: BuiltApp,
    readonly cookie?: string,
    readonly csrfToken?: string,
    readonly me?: { id: string; role: Role; email: string },
  ) {}

  request(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    // TEST_IDEMPOTENCY_KEYS=1: every POST carries a fresh key, as the web app's do, so the whole suite
    // runs through the one-transaction path of platform/http/idempotency.ts.
    if (method === 'POST' && process.env.TEST_IDEMPOTENCY_KEYS && !options.withoutIdempotencyKey && !Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key')) {
      headers['idempotency-key'] = randomUUID();
    }
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && !headers['x-csrf-token']) headers['x-csrf-token'] = this.csrfToken;
    return this.built.app.inject({
      method: method as 'GET',
      url,
      query: options.query,
      headers,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  }
  get(url: string, options?: RequestOptions) {
    return this.request('GET', url, undefined, options);
  }
  post(url: string, body?: unknown, options?: RequestOptions) {
    return this.request('POST', url, body ?? {}, options);
  }
  patch(url: string, body: unknown, options?: RequestOptions) {
    return this.request('PATCH', url, body, options);
  }
  put(url: string, body: unknown, options?: RequestOptions) {
    return this.request('PUT', url, body, options);
  }
  delete(url: string, options?: RequestOptions) {
    return this.request('DELETE', url, undefined, options);
  }
}

export function demoEmail(who: Role | string): string {
  if (who.includes('@')) return who;
  const account = DEMO_ACCOUNTS.find((a) => a.role === who);
  if (!account) throw new Error(`no demo account with role ${who}`);
  return account.email;
}

export async function login(built: BuiltApp, email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}) {
  return built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
}

/** A session for an active user, as `login` creates it (digest stored, CSRF token), minus the password check. */
async function sessionFor(built: BuiltApp, email: string): Promise<Agent> {
  const { ctx } = built;
  const [user] = await ctx.database.db
    .select({ id: users.id, role: users.role, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  if (!user?.active) throw new Error(`login as ${email} failed: ${user ? 'deactivated' : 'no such user'}`);
  const token = randomToken();
  const csrfToken = randomToken();
  await insertSession(ctx.database.db, {
    id: sha256(token),
    userId: user.id,
    csrfToken,
    ip: '127.0.0.1',
    userAgent: 'lightMyRequest',
    expiresAt: new Date(Date.now() + ctx.config.sessionTtlMs),
  });
  return new Agent(built, `sb_session=${token}`, csrfToken, { id: user.id, role: user.role as Role, email });
}

export interface TestAppOptions {
  /** loginAs goes through POST /auth/login (argon2id and all) instead of writing the session directly. */
  realLogins?: boolean;
  /** The domain modules to build the app with (all of them by default). */
  modules?: readonly ModuleDefinition[];
  /** Where the app's log lines go (with a logLevel override; silent by default). */
  logStream?: { write(line: string): void };
}

export async function createTestApp(overrides: Partial<AppConfig> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const realLogins = options.realLogins || Boolean(process.env.TEST_REAL_LOGINS);
  const db = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-test-'));
  const config = {
    // No cron schedules: a sweep firing mid-test (auto-close, consolidation) would change the data under
    // the test. Tests run a job by hand (POST /admin/jobs/:name/run or its function); jobs.int turns them on.
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DEMO: '1', JOB_SCHEDULES: '0' }),
    ...overrides,
  };
  const built = await buildApp({ config, database: db.database, modules: options.modules, logStream: options.logStream }).catch(async (error: unknown) => {
    await db.drop();
    throw error;
  });
  const testApp: TestApp = {
    ...built,
    database: db.database,
    config,
    dataDir,
    anonymous: () => new Agent(built),
    async loginAs(who) {
      const email = demoEmail(who);
      if (!realLogins) return sessionFor(built, email);
      const response = await login(built, email);
      if (response.statusCode !== 200) throw new Error(`login as ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'sb_session');
      const me = response.json();
      return new Agent(built, `sb_session=${cookie!.value}`, me.csrfToken, { id: me.id, role: me.role, email });
    },
    async stop() {
      await built.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}
