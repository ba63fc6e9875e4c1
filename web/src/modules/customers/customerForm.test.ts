import { describe, expect, it } from 'vitest';
import { addressChanges, createBody, EMPTY_CUSTOMER, updateBody, valuesOf } from './customerForm.ts';
import { compactFilter, filterQuery } from './customers.api.ts';
import type { CustomerDetail } from './customers.types.ts';

const base: CustomerDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  number: 'CUST-2026-000001',
  type: 'company',
  name: 'Acme',
  firstName: null,
  lastName: null,
  companyName: 'Acme',
  title: null,
  email: 'info@acme.test',
  phone: '+84912000001',
  mobile: null,
  taxId: '0101234567',
  industry: null,
  employeeCount: null,
  annualRevenue: null,
  website: null,
  country: 'VN',
  level: 'normal',
  status: 'LEAD',
  priority: 'MEDIUM',
  source: null,
  tags: ['vip'],
  owner: { id: '00000000-0000-4000-8000-000000000009', name: 'Sam' },
  team: null,
  notes: null,
  lastContactAt: null,
  nextContactAt: null,
  totalValue: null,
  lifetimeValue: '1250.50',
  custom: { tier: 'gold' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 3,
  addresses: [
    { id: 'a1', kind: 'office', street: '1 Main', city: 'Hà Nội', state: null, postalCode: null, country: 'VN', isPrimary: true },
    { id: 'a2', kind: 'billing', street: '2 Side', city: 'Huế', state: null, postalCode: null, country: 'VN', isPrimary: false },
  ],
};

describe('customer form bodies', () => {
  it('an unchanged edit sends nothing', () => {
    expect(updateBody(valuesOf(base), base)).toEqual({});
    expect(addressChanges(valuesOf(base), base)).toEqual([]);
  });

  it('an edit sends only what changed, and clears a custom value with null', () => {
    const v = { ...valuesOf(base), email: 'sales@acme.test', status: 'CUSTOMER' as const, custom: { tier: '' } };
    expect(updateBody(v, base)).toEqual({ email: 'sales@acme.test', status: 'CUSTOMER', custom: { tier: null } });
  });

  it('turning a company into an individual drops its company name and tax ID', () => {
    const v = { ...valuesOf(base), type: 'individual' as const, firstName: 'Lan' };
    expect(updateBody(v, base)).toMatchObject({ type: 'individual', firstName: 'Lan', companyName: null, taxId: null });
  });

  it('address edits become one request each: removed, moved primary, added', () => {
    const v = valuesOf(base);
    v.addresses = [
      { ...v.addresses[1], isPrimary: true },
      { key: 'new-x', kind: 'home', street: '3 New', city: '', state: '', postalCode: '', country: '', isPrimary: false },
    ];
    expect(addressChanges(v, base)).toEqual([
      { id: 'a1', remove: true, body: {} },
      { id: 'a2', body: { isPrimary: true } },
      { body: { kind: 'home', street: '3 New', city: null, state: null, postalCode: null, country: null, isPrimary: false } },
    ]);
  });

  it('the server-kept values are never sent: not on a new customer made from a profile, not on an edit', () => {
    const copy = createBody(valuesOf(base));
    const edit = updateBody({ ...valuesOf(base), notes: 'changed' }, base);
    for (const body of [copy, edit]) for (const field of ['lifetimeValue', 'totalValue']) expect(body).not.toHaveProperty(field);
  });

  it('a new individual is sent without company fields or empty custom values', () => {
    const body = createBody({ ...EMPTY_CUSTOMER, type: 'individual', firstName: ' Lan ', companyName: 'x', taxId: '1', custom: { tier: null, vip: true } });
    expect(body).toMatchObject({ type: 'individual', firstName: 'Lan', companyName: null, taxId: null, custom: { vip: true }, addresses: [] });
    expect(body).not.toHaveProperty('ownerId');
  });
});

describe('list filter as query parameters', () => {
  it('lists are comma lists, custom values JSON, empty parts left out', () => {
    const f = compactFilter({ q: '', status: ['LEAD', 'PROSPECT'], tags: [], custom: { tier: 'gold' }, ownerId: 'me' });
    expect(f).toEqual({ status: ['LEAD', 'PROSPECT'], custom: { tier: 'gold' }, ownerId: 'me' });
    expect(filterQuery(f)).toMatchObject({ status: 'LEAD,PROSPECT', custom: '{"tier":"gold"}', ownerId: 'me', q: undefined, tags: undefined });
  });
});
