import { z } from 'zod';

export const uuidParam = z.object({ id: z.uuid() });
export const isoDateTime = z.iso.datetime({ offset: true });
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
export { LANGUAGES } from '../i18n/languages.ts';
export const COLOR_SCHEMES = ['light', 'dark', 'system'] as const;

/**
 * Public customer numbers, CUST-YYYY-NNNNNN from the customer_number_seq sequence: six digits at
 * least, more once the sequence passes a million. The one definition every module checks against
 * (numbers are drawn in SQL by the customers module's `customerNumberOf`, which uses the same prefix and width).
 */
export const CUSTOMER_NUMBER_PREFIX = 'CUST-';
export const CUSTOMER_NUMBER = /^CUST-\d{4}-\d{6,}$/i;
/** Whether an id-or-number parameter names a number (anything CUST-…), else it is a UUID. */
export const namesCustomerNumber = (idOrNumber: string) => idOrNumber.toUpperCase().startsWith(CUSTOMER_NUMBER_PREFIX);
/** A path or body value that is a customer's UUID or public number. */
export const customerIdOrNumber = (message = 'A customer id or number (CUST-YYYY-NNNNNN).') => z.union([z.uuid(), z.string().regex(CUSTOMER_NUMBER, message)]);

/** IANA time zone names only: what Intl understands is what the UI can show. */
export const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown time zone.' },
);
