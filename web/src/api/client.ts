/**
 * The one way the SPA talks to the API: JSON over same-origin fetch, the session's CSRF token on
 * every write, and RFC 9457 problem+json answers turned into ApiError so forms can show each
 * refused field next to its input.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** The whole problem+json body: some refusals carry more (a 409 duplicate names the `existing` record). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set from GET /me and the login answer; cleared on sign-out. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called once by the app: a 401 on any ordinary request means the session is gone. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Optimistic concurrency: sent as If-Match: "<version>". */
  version?: number;
  /** A 401 here is an answer for the caller (wrong password, no session yet), not a reason to leave the page. */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<{ code: string; detail: string; title: string; errors: FieldError[] }>;
      return new ApiError(
        response.status,
        body.code ?? 'http_error',
        body.detail ?? body.title ?? response.statusText,
        Array.isArray(body.errors) ? body.errors : [],
        body as Record<string, unknown>,
      );
    } catch {
      /* not the JSON it claimed to be: fall through */
    }
  }
  return new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`);
}

/** How long the same POST (URL and body) keeps its Idempotency-Key: a double click lands well inside it. */
export const SAME_SUBMISSION_MS = 10_000;
/** A POST that never got an answer (network down, server restarting) is sent again this many times, same key. */
const POST_RETRIES = 2;
const recentKeys = new Map<string, { key: string; until: number }>();

/**
 * The Idempotency-Key of a POST (docs/api.md): the same URL and body within SAME_SUBMISSION_MS reuse
 * the key, so a double click or a retried send replays the first answer instead of creating twice.
 */
export function idempotencyKeyFor(url: string, body: string): string {
  const now = Date.now();
  for (const [submission, entry] of recentKeys) if (entry.until < now) recentKeys.delete(submission);
  const submission = `${url}\n${body}`;
  const entry = recentKeys.get(submission) ?? { key: crypto.randomUUID(), until: 0 };
  entry.until = now + SAME_SUBMISSION_MS;
  recentKeys.set(submission, entry);
  return entry.key;
}

/** fetch, and for a POST carrying a key, again (same key) while the server cannot be reached. */
async function send(url: string, init: RequestInit, retryable: boolean): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      if (!retryable || attempt >= POST_RETRIES) throw new ApiError(0, 'network_error', 'The server cannot be reached.');
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1))); // back off before the same request again
    }
  }
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  const url = buildUrl(path, options.query);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (method === 'POST') headers['Idempotency-Key'] = idempotencyKeyFor(url, body ?? '');

  const response = await send(url, { method, headers, credentials: 'same-origin', body, signal: options.signal }, method === 'POST');

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204 || response.status === 202 || response.headers.get('content-length') === '0') {
    return undefined as T;
  }
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : undefined) as T;
}

/**
 * Multipart upload of one file in the field "file" (the JSON client above cannot send one); the
 * same CSRF header, errors and 401 handling as `api`. `csrfToken` overrides the session's token for
 * a caller that holds a fresher one.
 */
export async function uploadFile<T>(path: string, file: File, options: { query?: RequestOptions['query']; csrfToken?: string | null } = {}): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const url = buildUrl(path, options.query);
  // The server matches an upload's key on its URL: the same file to the same place is the same submission.
  const key = idempotencyKeyFor(url, `${file.name}\n${file.size}\n${file.lastModified}`);
  const headers = { 'X-CSRF-Token': options.csrfToken ?? csrfToken ?? '', Accept: 'application/json, application/problem+json', 'Idempotency-Key': key };
  const response = await send(url, { method: 'POST', body: form, credentials: 'same-origin', headers }, true);
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401) onUnauthorized?.();
    throw error;
  }
  return (await response.json()) as T;
}
