import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** Codes the UI can say in the user's language; any other refusal shows the server's own detail. */
const KNOWN_CODES = [
  'invalid_credentials',
  'too_many_attempts',
  'account_disabled',
  'stale_version',
  'email_taken',
  'forbidden',
  'not_found',
  'internal_error',
  'network_error',
  'own_role',
  'own_account',
  'version_required',
] as const;

/** The refusal said in the user's language when its code is one we know; null otherwise. */
export function knownCodeMessage(t: TFunction, error: unknown): string | null {
  return error instanceof ApiError && (KNOWN_CODES as readonly string[]).includes(error.code) ? t(`errors.${error.code}`) : null;
}

export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if ((KNOWN_CODES as readonly string[]).includes(error.code)) {
      // 429 carries the wait in its detail; keep it visible after the translated sentence.
      return error.code === 'too_many_attempts' ? `${t('errors.too_many_attempts')} ${error.detail}` : t(`errors.${error.code}`);
    }
    if (error.status === 412) return t('errors.stale_version');
    if (error.status >= 500) return t('errors.internal_error');
    return error.detail || t('errors.unknown');
  }
  return t('errors.unknown');
}
