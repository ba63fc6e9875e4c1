import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Records people edit carry a version; an update must say which version it was based on
 * (`If-Match: "3"`), so two editors never silently overwrite each other.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw new AppError('version_required', 428, 'Send the version you edited in an If-Match header.', [{ field: 'If-Match', message: 'Required.' }]);
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(String(header).trim());
  if (!match) throw new AppError('validation_failed', 400, 'If-Match must be a version number.', [{ field: 'If-Match', message: 'Not a version.' }]);
  return Number(match[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}
