import type { AddressChange } from './customers.api.ts';
import type { Address, AddressKind, CustomerDetail, CustomerLevel, CustomerPriority, CustomerStatus, CustomerType } from './customers.types.ts';

export interface AddressValues {
  /** Server id of an existing address; a local key for a new one. */
  id?: string;
  key: string;
  kind: AddressKind;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  isPrimary: boolean;
}

export interface CustomerFormValues {
  type: CustomerType;
  firstName: string;
  lastName: string;
  companyName: string;
  title: string;
  email: string;
  phone: string;
  mobile: string;
  taxId: string;
  industry: string;
  employeeCount: number | '';
  annualRevenue: string;
  website: string;
  country: string;
  level: CustomerLevel;
  status: CustomerStatus;
  priority: CustomerPriority;
  source: string;
  tags: string[];
  notes: string;
  ownerId: string | null;
  teamId: string | null;
  addresses: AddressValues[];
  custom: Record<string, unknown>;
}

let seq = 0;
export const newAddress = (isPrimary: boolean): AddressValues => ({
  key: `new-${++seq}`,
  kind: 'office',
  street: '',
  city: '',
  state: '',
  postalCode: '',
  country: '',
  isPrimary,
});

export const EMPTY_CUSTOMER: CustomerFormValues = {
  type: 'company',
  firstName: '',
  lastName: '',
  companyName: '',
  title: '',
  email: '',
  phone: '',
  mobile: '',
  taxId: '',
  industry: '',
  employeeCount: '',
  annualRevenue: '',
  website: '',
  country: '',
  level: 'normal',
  status: 'LEAD',
  priority: 'MEDIUM',
  source: '',
  tags: [],
  notes: '',
  ownerId: null,
  teamId: null,
  addresses: [],
  custom: {},
};

const addressValues = (a: Address): AddressValues => ({
  id: a.id,
  key: a.id,
  kind: a.kind,
  street: a.street ?? '',
  city: a.city ?? '',
  state: a.state ?? '',
  postalCode: a.postalCode ?? '',
  country: a.country ?? '',
  isPrimary: a.isPrimary,
});

export function valuesOf(c: CustomerDetail): CustomerFormValues {
  return {
    type: c.type,
    firstName: c.firstName ?? '',
    lastName: c.lastName ?? '',
    companyName: c.companyName ?? '',
    title: c.title ?? '',
    email: c.email ?? '',
    phone: c.phone ?? '',
    mobile: c.mobile ?? '',
    taxId: c.taxId ?? '',
    industry: c.industry ?? '',
    employeeCount: c.employeeCount ?? '',
    annualRevenue: c.annualRevenue ?? '',
    website: c.website ?? '',
    country: c.country ?? '',
    level: c.level,
    status: c.status,
    priority: c.priority,
    source: c.source ?? '',
    tags: c.tags,
    notes: c.notes ?? '',
    ownerId: c.owner?.id ?? null,
    teamId: c.team?.id ?? null,
    addresses: c.addresses.map(addressValues),
    custom: { ...c.custom },
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function addressBody(a: AddressValues) {
  return {
    kind: a.kind,
    street: orNull(a.street),
    city: orNull(a.city),
    state: orNull(a.state),
    postalCode: orNull(a.postalCode),
    country: orNull(a.country),
  };
}

/** The profile fields as the API takes them (individuals have no company name or tax ID). */
export function profileBody(v: CustomerFormValues): Record<string, unknown> {
  const company = v.type === 'company';
  return {
    type: v.type,
    firstName: orNull(v.firstName),
    lastName: orNull(v.lastName),
    companyName: company ? orNull(v.companyName) : null,
    title: orNull(v.title),
    email: orNull(v.email),
    phone: orNull(v.phone),
    mobile: orNull(v.mobile),
    taxId: company ? orNull(v.taxId) : null,
    industry: orNull(v.industry),
    employeeCount: v.employeeCount === '' ? null : v.employeeCount,
    annualRevenue: orNull(v.annualRevenue),
    website: orNull(v.website),
    country: orNull(v.country),
    level: v.level,
    status: v.status,
    priority: v.priority,
    source: orNull(v.source),
    tags: v.tags,
    notes: v.notes.trim() ? v.notes : null,
  };
}

export function createBody(v: CustomerFormValues): Record<string, unknown> {
  const custom = Object.fromEntries(Object.entries(v.custom).filter(([, x]) => x !== null && x !== undefined && x !== ''));
  return {
    ...profileBody(v),
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    ...(v.teamId ? { teamId: v.teamId } : {}),
    addresses: v.addresses.map((a) => ({ ...addressBody(a), isPrimary: a.isPrimary })),
    custom,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** On edit only what changed is sent, so a stale form cannot overwrite someone else's other edits. */
export function updateBody(v: CustomerFormValues, base: CustomerDetail): Record<string, unknown> {
  const now = profileBody(v);
  const before = profileBody(valuesOf(base));
  const body: Record<string, unknown> = {};
  for (const k of Object.keys(now)) if (!same(now[k], before[k])) body[k] = now[k];
  // A company's name change also changes the display name: send the name fields together.
  const custom: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(v.custom), ...Object.keys(base.custom)])) {
    const next = v.custom[k] === '' ? null : (v.custom[k] ?? null);
    if (!same(next, base.custom[k])) custom[k] = next;
  }
  if (Object.keys(custom).length) body.custom = custom;
  return body;
}

export function addressChanges(v: CustomerFormValues, base: CustomerDetail): AddressChange[] {
  const changes: AddressChange[] = [];
  const kept = new Set(v.addresses.map((a) => a.id).filter(Boolean));
  for (const a of base.addresses) if (!kept.has(a.id)) changes.push({ id: a.id, remove: true, body: {} });
  for (const a of v.addresses) {
    const before = base.addresses.find((b) => b.id === a.id);
    const body: Record<string, unknown> = addressBody(a);
    if (!before) changes.push({ body: { ...body, isPrimary: a.isPrimary } });
    else {
      const old = addressBody(addressValues(before)) as Record<string, unknown>;
      const diff: Record<string, unknown> = {};
      for (const k of Object.keys(body)) if (!same(body[k], old[k])) diff[k] = body[k];
      if (a.isPrimary && !before.isPrimary) diff.isPrimary = true;
      if (Object.keys(diff).length) changes.push({ id: a.id, body: diff });
    }
  }
  return changes;
}
