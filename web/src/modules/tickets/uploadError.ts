import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';

/**
 * A refused upload in the user's language: 413 says the limit the server named ("At most 25 MB.");
 * other refusals say what the server said about the file, else the usual error text.
 */
export function uploadErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status === 413) {
    const mb = /(\d+)\s*MB/.exec(error.errors.map((e) => e.message).join(' ') || error.detail)?.[1];
    return mb ? t('tickets.upload.tooLarge', { mb }) : t('tickets.upload.tooLargeUnknown');
  }
  if (error instanceof ApiError && error.errors.length) return error.errors.map((e) => e.message).join(' ');
  return errorMessage(t, error);
}
