import { definePermissions } from '../../platform/permissions/roles.ts';

/** The customers module's permissions and the roles granted each (IAM-2). */
export const customersPermissions = definePermissions({
  'customers.read': { roles: ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor'], description: 'CUS-1: read customers in scope (customers.policy.ts).' },
  'customers.write': { roles: ['admin', 'manager', 'sales'], description: 'Create and edit customers in the actor\'s scope (customers.policy.ts); agents read only.' },
  'customers.assign': { roles: ['admin', 'manager'], description: 'Choose or change a customer\'s owner and team.' },
  'customers.merge': { roles: ['admin', 'manager', 'sales'], description: 'CUS-4 merge two visible customers (the second becomes INACTIVE; its records move).' },
  'billing.write': { roles: ['admin', 'manager', 'sales'], description: 'CUS-5 contracts and invoices of visible customers.' },
  'portal.customer.read': { roles: ['client'], description: 'A client\'s own customer profile in the portal.' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof customersPermissions, true> {}
}
