import path from 'node:path';
import { z } from 'zod';
import { EMBEDDED_SHARED_BUFFERS_MB } from './platform/db/executor.ts';

/** Environment → typed configuration. The only module that reads process.env. */
const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DEMO: boolish.optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Switchboard <no-reply@switchboard.local>'),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PGLITE_INITIAL_MEMORY_MB: z.coerce.number().int().min(128).default(128),
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).default(EMBEDDED_SHARED_BUFFERS_MB),
  PGLITE_OPTIMIZE_WASM: boolish.default(false),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  JOBS: boolish.default(true),
  JOB_SCHEDULES: boolish.default(true),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  filesDir: string;
  databaseUrl?: string;
  /** DEMO as set: undefined means "demo data on a new data directory". */
  demoRequested?: boolean;
  /** Demo mode (resolved at start-up) shows the demo accounts on the login page. Never in production. */
  demo: boolean;
  /** Creates the first admin of a non-demo installation. */
  initialAdmin?: { email: string; password: string };
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  trustProxy: boolean | string | number;
  sessionTtlMs: number;
  logLevel: Env['LOG_LEVEL'];
  pgliteInitialMemory: number;
  pgliteSharedBuffersMb: number;
  /** Let V8's optimising compiler (TurboFan) tier up PGlite's WebAssembly: faster queries, about 40 MB more memory. */
  pgliteOptimizeWasm: boolean;
  login: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowMs: number };
  /** Run pg-boss workers and schedules in this process. */
  jobs: boolean;
  /** With workers: also fire the cron schedules (off in the test harness, where a sweep must not act mid-test). */
  schedules: boolean;
}

function parseTrustProxy(raw: string | undefined): boolean | string | number {
  if (!raw) return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw; // comma-separated addresses / CIDRs
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);
  const config: AppConfig = {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    databaseUrl: env.DATABASE_URL,
    demoRequested: env.DEMO,
    demo: production ? false : (env.DEMO ?? false),
    initialAdmin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
    logLevel: env.LOG_LEVEL,
    pgliteInitialMemory: env.PGLITE_INITIAL_MEMORY_MB * 1024 * 1024,
    pgliteSharedBuffersMb: env.PGLITE_SHARED_BUFFERS_MB,
    pgliteOptimizeWasm: env.PGLITE_OPTIMIZE_WASM,
    login: {
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      windowMs: env.LOGIN_WINDOW_MINUTES * 60_000,
    },
    jobs: env.JOBS,
    schedules: env.JOB_SCHEDULES,
  };
  const merged = { ...config, ...overrides };
  if (production) merged.demo = false;
  return merged;
}
