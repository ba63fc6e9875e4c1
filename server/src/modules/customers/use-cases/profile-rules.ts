import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { postgresError } from '../../../platform/db/pg-error.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { CreateCustomerInput, UpdateCustomerInput } from '../customers.contracts.ts';
import type { CustomerRow, Duplicate } from '../customers.repository.ts';
import type { customers } from '../customers.tables.ts';

/** Numbers written without a country code are read in this region when the customer has no country. */
export const DEFAULT_PHONE_REGION: CountryCode = 'VN';

type Values = Partial<typeof customers.$inferInsert>;
type ProfileInput = Omit<UpdateCustomerInput, 'custom'>;

/** E.164, or null when the text is not a valid number for its (or the default) region. */
export function normalisePhone(raw: string, region: string | null | undefined): string | null {
  const country = region && isSupportedCountry(region) ? region : DEFAULT_PHONE_REGION;
  const parsed = parsePhoneNumberFromString(raw, country);
  return parsed?.isValid() ? parsed.number : null;
}

/** Tax IDs compare without spaces and case: "0101 234 567" and "0101234567" are the same. */
export const normaliseTaxId = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

function normaliseWebsite(raw: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) return null;
    return url.toString();
  } catch {
    return null;
  }
}

const joinName = (first?: string | null, last?: string | null) => [first, last].filter(Boolean).join(' ').trim() || null;

/**
 * Applies CUS-1's rules to a create (before = null) or an update: display name from the type,
 * company name required for companies, tax ID for companies only, phones to E.164, website to a URL.
 * Returns the column values to write (only what changes on update) and every field error at once.
 */
export function profileValues(input: ProfileInput & { type?: string }, before: CustomerRow | null, primaryCountry: string | null): { values: Values; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: Values = {};
  const has = (k: keyof ProfileInput | 'type') => input[k as keyof typeof input] !== undefined;
  const pick = <K extends keyof ProfileInput>(k: K) => (has(k) ? input[k] : (before?.[k as keyof CustomerRow] as ProfileInput[K]));
  const type = (input.type ?? before?.type ?? 'individual') as 'individual' | 'company';

  const copy = ['firstName', 'lastName', 'companyName', 'title', 'email', 'industry', 'employeeCount', 'annualRevenue', 'country', 'level', 'status', 'priority', 'source', 'tags', 'notes'] as const;
  for (const k of copy) if (has(k)) (values as Record<string, unknown>)[k] = input[k];
  if (has('type')) values.type = type;
  if (has('nextContactAt')) values.nextContactAt = input.nextContactAt ? new Date(input.nextContactAt) : null;

  const nameTouched = ['type', 'firstName', 'lastName', 'fullName', 'companyName'].some((k) => has(k as keyof ProfileInput));
  if (nameTouched || !before) {
    if (type === 'company') {
      const company = pick('companyName');
      if (!company) errors.push({ field: 'companyName', message: 'A company needs a name.' });
      else values.name = company;
    } else {
      const name = input.fullName ?? joinName(pick('firstName'), pick('lastName')) ?? (has('type') || !before ? null : before.name);
      if (!name) errors.push({ field: 'firstName', message: 'Give the person a first/last name or a full name.' });
      else values.name = name;
    }
  }

  const taxId = has('taxId') ? (input.taxId ? normaliseTaxId(input.taxId) : null) : (before?.taxId ?? null);
  if (has('taxId')) values.taxId = taxId;
  if (type === 'individual' && taxId) errors.push({ field: 'taxId', message: 'Only companies have a tax ID.' });

  const region = pick('country') ?? primaryCountry;
  for (const k of ['phone', 'mobile'] as const) {
    if (!has(k)) continue;
    const raw = input[k];
    if (!raw) values[k] = null;
    else {
      const e164 = normalisePhone(raw, region);
      if (!e164) errors.push({ field: k, message: 'Not a valid phone number.' });
      else values[k] = e164;
    }
  }
  if (has('website')) {
    const site = input.website ? normaliseWebsite(input.website) : null;
    if (input.website && !site) errors.push({ field: 'website', message: 'Not a web address.' });
    else values.website = site;
  }
  return { values, errors };
}

const LABELS: Record<Duplicate['field'], string> = { phone: 'phone', email: 'e-mail', taxId: 'tax ID' };

/** CUS-2: a 409 naming the existing record per field, plus the record itself. */
export function duplicateError(duplicates: Duplicate[]): AppError {
  const first = duplicates[0];
  const what = [...new Set(duplicates.map((d) => LABELS[d.field]))].join(', ');
  return new AppError(
    'duplicate_customer',
    409,
    `An active customer already has this ${what}: ${first.number} (${first.name}).`,
    duplicates.map((d) => ({ field: d.field, message: `Already used by ${d.number} (${d.name})` })),
    {},
    { existing: { id: first.id, number: first.number, name: first.name } },
  );
}

const CONSTRAINT_FIELDS: Record<string, Duplicate['field']> = {
  customers_phone_active_key: 'phone',
  customers_email_active_key: 'email',
  customers_tax_id_active_key: 'taxId',
};

/** The field whose unique index refused a concurrent write, if it was one of CUS-2's. */
export function uniqueViolationField(error: unknown): Duplicate['field'] | null {
  const e = postgresError(error);
  if (e?.code !== '23505' || !e.constraint) return null;
  return CONSTRAINT_FIELDS[e.constraint] ?? null;
}

export type { CreateCustomerInput };
