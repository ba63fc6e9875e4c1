import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { postgresError } from '../db/pg-error.ts';
import type { ProblemCode } from './problems.ts';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The one error type use cases throw; the handler below renders it as RFC 9457 problem+json. Its code
 * must be declared in a problem catalogue (platform/http/problems.ts or the module's `*.problems.ts`).
 */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly status: number,
    detail: string,
    readonly fields: FieldError[] = [],
    readonly headers: Record<string, string> = {},
    /** Extra members of the problem document (RFC 9457 §3.2), e.g. the existing record of a duplicate. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

/** `fields` names the reference that was not found when the 404 answers for a field of the body (a ticketId). */
export const notFound = (what = 'resource', fields: FieldError[] = []) =>
  new AppError('not_found', 404, `The ${what} does not exist or is not visible to you.`, fields);
export const forbidden = (detail = 'You are not allowed to do this.') => new AppError('forbidden', 403, detail);
export const unauthenticated = (detail = 'Sign in first.') => new AppError('unauthenticated', 401, detail);
export const conflict = (code: ProblemCode, detail: string, fields: FieldError[] = []) => new AppError(code, 409, detail, fields);
export const unprocessable = (code: ProblemCode, detail: string, fields: FieldError[] = []) => new AppError(code, 422, detail, fields);
export const invalid = (fields: FieldError[], detail = 'The request is not valid.') =>
  new AppError('validation_failed', 400, detail, fields);
export const staleVersion = () =>
  new AppError('stale_version', 412, 'Someone else changed this record since you loaded it. Reload and try again.');

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: FieldError[];
  requestId: string;
}

export function problem(request: FastifyRequest, status: number, code: ProblemCode, detail: string, errors: FieldError[] = []): Problem {
  return {
    type: `https://switchboard.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    errors,
    requestId: String(request.id),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem, headers: Record<string, string> = {}) {
  return reply.status(body.status).headers(headers).type('application/problem+json').send(body);
}

/** zod/ajv paths like "/address/0/city" → "address.0.city" ('' for the whole part). */
function fieldName(path: string): string {
  return path.replace(/^[/.]/, '').replace(/[/]/g, '.');
}

function validationErrors(error: FastifyError): FieldError[] {
  const context = error.validationContext;
  const prefix = (path: string) => {
    const field = fieldName(path);
    // Body fields are named as they are sent; other parts keep their context (querystring.limit).
    if (!field) return context ?? 'body';
    return context && context !== 'body' ? `${context}.${field}` : field;
  };
  if (hasZodFastifySchemaValidationErrors(error)) {
    return error.validation.flatMap((issue) => {
      const keys = (issue.params as { keys?: string[] }).keys;
      if (issue.keyword === 'unrecognized_keys' && keys?.length) {
        const base = fieldName(issue.instancePath);
        return keys.map((key) => ({ field: prefix(base ? `${base}.${key}` : key), message: 'Unknown field.' }));
      }
      return [{ field: prefix(issue.instancePath), message: issue.message ?? 'Invalid value.' }];
    });
  }
  return (error.validation ?? []).map((v: { instancePath?: string; message?: string }) => ({
    field: prefix(v.instancePath ?? ''),
    message: v.message ?? 'Invalid value.',
  }));
}

/** Maps PostgreSQL errors that escaped a use case to safe problems (no SQL, no constraint names). */
function databaseProblem(error: unknown): { status: number; code: ProblemCode; detail: string } | null {
  switch (postgresError(error)?.code) {
    case '23505':
      return { status: 409, code: 'conflict', detail: 'A record with the same unique value already exists.' };
    case '23503':
      return { status: 422, code: 'reference_missing', detail: 'A referenced record does not exist.' };
    case '22P02':
    case '22007':
    case '22008':
      return { status: 400, code: 'validation_failed', detail: 'A value has the wrong format.' };
    default:
      return null;
  }
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, { ...error.extensions, ...problem(request, error.status, error.code, error.message, error.fields) }, error.headers);
    }
    if (error.validation) {
      const errors = validationErrors(error);
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return sendProblem(reply, problem(request, 400, 'validation_failed', detail || 'The request is not valid.', errors));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, problem(request, 500, 'internal_error', 'Something went wrong on our side.'));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, problem(request, 400, 'malformed_json', 'The request body is not valid JSON.', [{ field: 'body', message: error.message }]));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return sendProblem(reply, problem(request, 413, 'payload_too_large', 'The request body is larger than allowed.', [{ field: 'body', message: 'Too large.' }]));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(reply, problem(request, 415, 'unsupported_media_type', 'This content type is not accepted here.'));
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, problem(request, 400, 'bad_request', 'The Content-Length does not match the body.'));
    }
    const db = databaseProblem(error);
    if (db) return sendProblem(reply, problem(request, db.status, db.code, db.detail));
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, problem(request, 500, 'internal_error', 'Something went wrong on our side.'));
    }
    return sendProblem(reply, problem(request, status, 'bad_request', error.message));
  });
}
