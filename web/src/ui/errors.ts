import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import en from '../locales/en/problems.json';

/**
 * Every problem code the server can answer has a sentence in `locales/<lang>/problems.json` (a test
 * checks them against the server's problem catalogues); only an unknown code shows the server's detail.
 */
const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(en.problems));

/** Codes whose detail carries what the user needs next (the wait, which values, which row): shown after the sentence. */
const WITH_DETAIL: ReadonlySet<string> = new Set(['too_many_attempts', 'validation_failed', 'malformed_csv', 'bad_request']);

/**
 * Codes whose per-field messages say more than the code's sentence would: which value is wrong and why,
 * which record already has it (a duplicate customer: the customer form words that one in the user's language),
 * or how much may still be paid (an overpayment).
 */
const FIELD_MESSAGES_KEPT: ReadonlySet<string> = new Set(['validation_failed', 'bad_request', 'duplicate_customer', 'overpayment']);

export const isKnownProblemCode = (code: string) => KNOWN_CODES.has(code);

/** The refusal said in the user's language, to put on the fields it names; null when the field messages should stay. */
export function knownCodeMessage(t: TFunction, error: unknown): string | null {
  return error instanceof ApiError && KNOWN_CODES.has(error.code) && !FIELD_MESSAGES_KEPT.has(error.code) ? t(`problems.${error.code}`) : null;
}

export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (KNOWN_CODES.has(error.code)) {
      const sentence = t(`problems.${error.code}`);
      return WITH_DETAIL.has(error.code) && error.detail ? `${sentence} ${error.detail}` : sentence;
    }
    if (error.code === 'network_error') return t('errors.network_error');
    if (error.status === 412) return t('problems.stale_version');
    if (error.status >= 500) return t('problems.internal_error');
    return error.detail || t('errors.unknown');
  }
  return t('errors.unknown');
}
