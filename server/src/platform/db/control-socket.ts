/**
 * The running server's local control channel (embedded mode only): a Unix socket at
 * DATA_DIR/control.sock, mode 0600, so only the data directory's owner can talk to it. Its one use
 * is `npm run backup` while the app runs: the server holds the PGlite data directory (and its lock),
 * so only the server can take a consistent snapshot.
 *
 * Protocol: the client sends one JSON line `{"op":"snapshot"}`; the server answers one JSON line
 * `{"ok":true,"bytes":N}` followed by N bytes (the PGlite dump, a gzip'd tarball), or
 * `{"ok":false,"error":"…"}`, then closes.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { PgliteExecutor } from './pglite-executor.ts';

export const CONTROL_SOCKET = 'control.sock';
const MAX_REQUEST_BYTES = 4096;

/** sockaddr_un holds 108 bytes on Linux, 104 on macOS (NUL included); longer paths get truncated. */
const MAX_SOCKET_PATH_BYTES = 103;

export const controlSocketPath = (dataDir: string) => path.join(dataDir, CONTROL_SOCKET);

/** Null when DATA_DIR's path is too long to hold a Unix socket, otherwise why not. */
export function controlSocketProblem(dataDir: string): string | null {
  const bytes = Buffer.byteLength(controlSocketPath(dataDir));
  return bytes > MAX_SOCKET_PATH_BYTES
    ? `${controlSocketPath(dataDir)} is ${bytes} bytes long, more than a Unix socket path may be (${MAX_SOCKET_PATH_BYTES}); use a shorter DATA_DIR`
    : null;
}

export interface ControlSocket {
  readonly path: string;
  /** Stops accepting, lets a snapshot in progress finish, removes the socket file. */
  close(): Promise<void>;
}

function readRequestLine(conn: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end !== -1) {
        conn.off('data', onData);
        resolve(text.slice(0, end));
      } else if (text.length > MAX_REQUEST_BYTES) {
        conn.off('data', onData);
        reject(new Error('request too long'));
      }
    };
    conn.on('data', onData);
    conn.once('end', () => reject(new Error('connection closed before a request')));
    conn.once('error', reject);
  });
}

/**
 * Listens on DATA_DIR/control.sock. The caller holds the data-directory lock, so a socket file found
 * there is a leftover of a killed process and is replaced. Live backups are an extra: when the socket
 * cannot be made, the server says so and runs without it (backups then need it stopped).
 */
export async function startControlSocket(dataDir: string, executor: PgliteExecutor, log: FastifyBaseLogger): Promise<ControlSocket | null> {
  const socketPath = controlSocketPath(dataDir);
  const problem = controlSocketProblem(dataDir);
  if (problem) {
    log.warn(`no control socket, so no backup while running: ${problem}`);
    return null;
  }
  fs.rmSync(socketPath, { force: true });

  const server = net.createServer((conn) => {
    conn.setTimeout(30_000, () => conn.destroy());
    void (async () => {
      try {
        const request = JSON.parse(await readRequestLine(conn)) as { op?: unknown };
        if (request.op !== 'snapshot') throw new Error(`unknown operation ${JSON.stringify(request.op)}`);
        conn.setTimeout(0); // the dump itself may take a while on a large database
        const started = Date.now();
        const dump = await executor.dump();
        conn.write(`${JSON.stringify({ ok: true, bytes: dump.byteLength })}\n`);
        conn.end(Buffer.from(dump.buffer, dump.byteOffset, dump.byteLength));
        log.info({ bytes: dump.byteLength, ms: Date.now() - started }, 'backup snapshot taken for the control socket');
      } catch (error) {
        log.warn({ err: error }, 'control socket request failed');
        if (conn.writable) conn.end(`${JSON.stringify({ ok: false, error: String((error as Error).message ?? error) })}\n`);
      }
    })();
    conn.on('error', () => undefined); // a client that hangs up must not crash the server
  });

  // The socket must never exist with looser permissions, not even for a moment: bind under a umask
  // (listen on a path binds synchronously), then chmod anyway in case the platform ignores it.
  const previousMask = process.umask(0o177);
  try {
    server.listen(socketPath);
  } finally {
    process.umask(previousMask);
  }
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    fs.chmodSync(socketPath, 0o600);
  } catch (error) {
    log.error({ err: error }, 'no control socket, so no backup while running');
    server.close();
    return null;
  }

  return {
    path: socketPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          fs.rmSync(socketPath, { force: true });
          resolve();
        });
      }),
  };
}

/** Client side: asks the server holding the data directory for a snapshot of its database. */
export function requestSnapshot(dataDir: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(controlSocketPath(dataDir));
    const chunks: Buffer[] = [];
    conn.on('connect', () => conn.write(`${JSON.stringify({ op: 'snapshot' })}\n`));
    conn.on('data', (chunk: Buffer) => chunks.push(chunk));
    conn.on('error', reject);
    conn.on('end', () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(0x0a);
      if (newline === -1) return reject(new Error('the server closed the control socket without an answer'));
      const header = JSON.parse(all.subarray(0, newline).toString('utf8')) as { ok: boolean; bytes?: number; error?: string };
      if (!header.ok) return reject(new Error(`the server could not take a snapshot: ${header.error}`));
      const body = all.subarray(newline + 1);
      if (body.length !== header.bytes) return reject(new Error(`snapshot truncated: ${body.length} of ${header.bytes} bytes`));
      resolve(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    });
  });
}
