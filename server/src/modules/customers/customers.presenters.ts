import { iso } from '../../platform/http/common-schemas.ts';
import type { AddressRow, CustomerRow } from './customers.repository.ts';

/** Shapes a customer for the API: explicit fields only. */
export function presentCustomer(c: CustomerRow) {
  return {
    id: c.id,
    number: c.number,
    type: c.type as 'individual' | 'company',
    name: c.name,
    firstName: c.firstName,
    lastName: c.lastName,
    companyName: c.companyName,
    title: c.title,
    email: c.email,
    phone: c.phone,
    mobile: c.mobile,
    taxId: c.taxId,
    industry: c.industry,
    employeeCount: c.employeeCount,
    annualRevenue: c.annualRevenue,
    website: c.website,
    country: c.country,
    level: c.level as 'important' | 'normal' | 'potential',
    status: c.status as 'LEAD' | 'PROSPECT' | 'CUSTOMER' | 'INACTIVE',
    priority: c.priority as 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL',
    source: c.source,
    tags: c.tags ?? [],
    owner: c.owner,
    team: c.team,
    notes: c.notes,
    lastContactAt: iso(c.lastContactAt),
    nextContactAt: iso(c.nextContactAt),
    totalValue: c.totalValue,
    lifetimeValue: c.lifetimeValue,
    custom: (c.custom ?? {}) as Record<string, unknown>,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

export function presentAddress(a: AddressRow) {
  return { ...a, kind: a.kind as 'billing' | 'shipping' | 'office' | 'home' | 'other' };
}

export function presentCustomerDetail(c: CustomerRow, addresses: AddressRow[]) {
  return { ...presentCustomer(c), addresses: addresses.map(presentAddress) };
}

/** What a client sees of their own customer in the portal: no internal notes, ratings, tags or figures. */
export function presentPortalCustomer(c: CustomerRow, addresses: AddressRow[]) {
  return {
    id: c.id,
    number: c.number,
    type: c.type as 'individual' | 'company',
    name: c.name,
    email: c.email,
    phone: c.phone,
    mobile: c.mobile,
    taxId: c.taxId,
    website: c.website,
    country: c.country,
    /** Their contact person at the company. */
    contact: c.owner ? { name: c.owner.name } : null,
    addresses: addresses.map(presentAddress),
  };
}
