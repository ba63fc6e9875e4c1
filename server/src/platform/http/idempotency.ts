import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { sha256 } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import { AppError } from './errors.ts';
import * as repo from './idempotency.repository.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_TTL_HOURS = 24;
/** Visible ASCII, as the IETF draft and the big APIs accept it (a UUID fits). */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** What a replay repeats besides status and body. */
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'] as const;

/** A rollback that still answers: the handler produced a server error, so nothing it wrote is kept. */
class ServerErrorResponse extends Error {
  constructor(readonly response: repo.StoredResponse) {
    super('server error response');
  }
}

function keyOf(request: FastifyRequest): string | undefined {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_FORMAT.test(header)) {
    throw new AppError('idempotency_key_invalid', 400, 'The Idempotency-Key header must be one value of 1–255 visible ASCII characters (a UUID, say).', [
      { field: 'Idempotency-Key', message: '1–255 visible ASCII characters, sent once.' },
    ]);
  }
  return header;
}

/**
 * What makes two requests "the same": method, URL and body. A multipart upload is matched on method and
 * URL only (its parts are streamed to the handler, not held in memory to be hashed).
 */
function fingerprintOf(request: FastifyRequest): string {
  const body = request.isMultipart() ? '(multipart)' : JSON.stringify(request.body ?? null);
  return sha256(`${request.method} ${request.url}\n${body}`);
}

function send(reply: FastifyReply, response: repo.StoredResponse, replayed: boolean) {
  reply.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
  if (replayed) reply.header('idempotent-replayed', 'true');
  return reply.send(response.raw ?? response.body ?? undefined);
}

/**
 * Runs a create handler exactly once per (caller, key): the handler, the key and its serialised response
 * are one transaction (every `ctx.database.transaction` inside it is a savepoint of it), so a crash
 * before the commit leaves nothing — the retry runs it afresh — and after the commit leaves the
 * response, which the retry gets back. A second request with the key waits for the first: on PostgreSQL
 * its insert of the key blocks on the unique index until the first commits; on PGlite transactions take
 * turns.
 */
async function answerOnce(
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  handle: () => Promise<unknown>,
): Promise<FastifyReply> {
  const ownerId = request.actor!.userId;
  const fingerprint = fingerprintOf(request);
  const outcome = await database
    .transaction(async (tx) => {
      const earlier = await repo.claim(tx, { ownerId, key, fingerprint }, IDEMPOTENCY_TTL_HOURS);
      if (earlier) return { earlier, response: undefined };
      const response = await runCaptured(reply, handle);
      if (response.status >= 500) throw new ServerErrorResponse(response);
      // A payload that is not text (a file stream) cannot be kept: the key then protects nothing.
      if (response.body === null) await repo.release(tx, ownerId, key);
      else await repo.complete(tx, ownerId, key, response);
      return { earlier: undefined, response };
    })
    .catch((error: unknown) => {
      if (error instanceof ServerErrorResponse) return { earlier: undefined, response: error.response };
      throw error;
    });
  if (!outcome.earlier) return send(reply, outcome.response, false);
  if (outcome.earlier.fingerprint !== fingerprint) {
    throw new AppError('idempotency_key_reused', 422, 'This Idempotency-Key was already used for another request. Use a new key for a new request.', [
      { field: 'Idempotency-Key', message: 'Already used with another method, URL or body.' },
    ]);
  }
  return send(reply, outcome.earlier.response, true);
}

/** Calls the handler with `reply.send` held back, and returns what it would have sent, serialised. */
async function runCaptured(reply: FastifyReply, handle: () => Promise<unknown>): Promise<repo.StoredResponse> {
  const originalSend = reply.send;
  let sent: { payload: unknown } | undefined;
  reply.send = function capture(payload?: unknown) {
    sent = { payload };
    // Not the reply: a Reply is a thenable that settles once sent, so a handler's `return reply.send(…)`
    // would wait for a response that is only sent after this transaction commits.
    return undefined;
  } as unknown as FastifyReply['send'];
  let returned: unknown;
  try {
    returned = await handle();
  } finally {
    reply.send = originalSend;
  }
  const payload = sent ? sent.payload : returned === reply ? undefined : returned;
  let body: string | null;
  if (payload === undefined || payload === null) body = '';
  else if (typeof payload === 'string') body = payload;
  else if (Buffer.isBuffer(payload) || typeof (payload as { pipe?: unknown }).pipe === 'function') body = null;
  else {
    // The route's own serialiser (its response schema), so the first answer and a replay are the same bytes.
    body = String(reply.serialize(payload));
    if (!reply.hasHeader('content-type')) reply.type('application/json; charset=utf-8');
  }
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  // A stream or buffer is not kept, but still answered: handed to Fastify as it is.
  return body === null ? { status: reply.statusCode, headers, body, raw: payload } : { status: reply.statusCode, headers, body };
}

/**
 * `Idempotency-Key` on every signed-in POST under /api/ (docs/api.md): registered before the routes, it
 * wraps each POST handler. Requests without the header, and anonymous ones (sign-in), run as before.
 */
export function registerIdempotency(app: FastifyInstance, database: Database, afterCommit: () => void) {
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().includes('POST') || !route.url.startsWith('/api/')) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function idempotentHandler(request, reply) {
      const key = keyOf(request);
      if (key === undefined || !request.actor) return handler.call(this, request, reply);
      const answered = await answerOnce(database, request, reply, key, async () => handler.call(this, request, reply));
      // Jobs the handler enqueued became visible with this commit (its outbox wake-up and realtime
      // notices wait for it by themselves: Database.afterCommit).
      afterCommit();
      return answered;
    };
  });
}
