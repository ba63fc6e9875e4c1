import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildApp, type BuiltApp } from '../../server/src/app.ts';
import { DEMO_PASSWORD } from '../../server/src/modules/identity/index.ts';
import { SESSION_COOKIE } from '../../server/src/platform/auth/tokens.ts';
import type { Engine } from './engine.ts';
import { assertLoopback } from './load.ts';

export interface RunningApp {
  built: BuiltApp;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Logging as deployed: one line per request at info, written synchronously (as pino writes to stdout)
 * — into /dev/null, so the cost is the serialisation and the write(2), not the terminal.
 */
function devNullLog() {
  const fd = fs.openSync('/dev/null', 'w');
  return { write: (line: string) => void fs.writeSync(fd, line) };
}

/** The real app (buildApp, every plugin and hook, logging at info) on a random loopback port. */
export async function startApp(engine: Engine): Promise<RunningApp> {
  const built = await buildApp({ config: { ...engine.config, logLevel: 'info' }, database: engine.database, logStream: devNullLog() });
  await built.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = built.app.server.address() as AddressInfo;
  return { built, baseUrl: `http://127.0.0.1:${port}`, close: () => built.close() };
}

export interface SignedIn {
  /** The raw sb_session value (the server stores only its SHA-256). */
  sessionToken: string;
  /** Ready to send as the Cookie header. */
  cookie: string;
  csrfToken: string;
}

/** Signs in through POST /api/v1/auth/login like the browser does. */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const url = `${baseUrl}/api/v1/auth/login`;
  assertLoopback(url);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${body.slice(0, 300)}`);
  const prefix = `${SESSION_COOKIE}=`;
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(prefix));
  if (!setCookie) throw new Error(`login as ${email} set no ${SESSION_COOKIE} cookie`);
  const sessionToken = decodeURIComponent(setCookie.slice(prefix.length).split(';')[0]);
  return { sessionToken, cookie: `${SESSION_COOKIE}=${sessionToken}`, csrfToken: JSON.parse(body).csrfToken };
}
