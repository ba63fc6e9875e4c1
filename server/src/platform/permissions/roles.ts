/**
 * Roles and the permission matrix (IAM-2). One place, in code, enforced on the server for every
 * endpoint: a route declares the permission it needs and the auth hook refuses everyone else.
 */
export const ROLES = ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor', 'client'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ROLES.filter((r) => r !== 'client');

export const PERMISSIONS = {
  /** The staff directory (pickers, assignment): names, roles, teams. */
  'users.read': ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor'],
  'users.manage': ['admin'],
  'org.read': ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor'],
  'org.manage': ['admin'],
  'audit.read': ['admin', 'manager', 'auditor'],
  'jobs.manage': ['admin'],
  'mail.read': ['admin'],
  'settings.manage': ['admin'],
  'files.upload': ['admin', 'manager', 'sales', 'agent', 'marketing', 'client'],
  'customers.read': ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor'],
  /** Create and edit customers in the actor's scope (customers.policy.ts); agents read only. */
  'customers.write': ['admin', 'manager', 'sales'],
  /** Choose or change a customer's owner and team. */
  'customers.assign': ['admin', 'manager'],
  /** PLT-9 CSV: import customers (owner: the importer unless they may assign); export the list in scope. */
  'customers.import': ['admin', 'manager', 'sales'],
  'customers.export': ['admin', 'manager', 'sales', 'marketing', 'auditor'],
  /** CUS-4 merge two visible customers (the second becomes INACTIVE; its records move). */
  'customers.merge': ['admin', 'manager', 'sales'],
  /** CUS-5 contracts and invoices of visible customers. */
  'billing.write': ['admin', 'manager', 'sales'],
  /** A client's own customer profile in the portal. */
  'portal.customer.read': ['client'],
  'custom_fields.read': ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor'],
  'custom_fields.manage': ['admin'],
  /** SAL-6 activities: read in scope; log and edit own (managers and admins: those they can see). */
  'activities.read': ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor'],
  'activities.write': ['admin', 'manager', 'sales', 'agent', 'marketing'],
  /** CUS-7 customer pool: see it; claim from it (holding limit, cool-down); recycle by hand; assign from it. */
  'pool.read': ['admin', 'manager', 'sales', 'auditor'],
  'pool.claim': ['manager', 'sales'],
  'pool.recycle': ['admin', 'manager', 'sales'],
  'pool.manage': ['admin', 'manager'],
  /** CUS-6 handovers: read those that concern you; work on your step; choose receivers and review. */
  'handovers.read': ['admin', 'manager', 'sales', 'auditor'],
  'handovers.work': ['admin', 'manager', 'sales'],
  'handovers.manage': ['admin', 'manager'],
  /** TKT: read tickets in scope (clients: their own customer's, never internal notes); write: create, reply, status. */
  'tickets.read': ['admin', 'manager', 'sales', 'agent', 'auditor', 'client'],
  'tickets.write': ['admin', 'manager', 'sales', 'agent', 'client'],
  /** Choose a ticket's processor and component (agents take tickets; managers distribute). */
  'tickets.assign': ['admin', 'manager', 'agent'],
  /** TKT-9: read the SLA policies (staff only: clients never see the desk's yardsticks). */
  'tickets.sla.read': ['admin', 'manager', 'sales', 'agent', 'auditor'],
  /** TKT-11: create many tickets at once from a CSV (e.g. a telesales call list). */
  'tickets.bulk': ['admin', 'manager', 'sales', 'agent'],
  /** PLT-9: the ticket list in scope as CSV (staff only: never message bodies or internal notes). */
  'tickets.export': ['admin', 'manager', 'sales', 'agent', 'auditor'],
  /** Ticket types with their fields, and components with their responsible staff. */
  'tickets.manage': ['admin'],
  /** TKT-12: the satisfaction rating is the client's voice; staff never rate their own work. */
  'tickets.rate': ['client'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
/** What a route declares: a permission, any signed-in user, or nobody at all (public). */
export type RouteAccess = Permission | 'authenticated' | 'public';

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

/** IAM-3: how far a staff member's reads reach by default. Modules refine it in their policies. */
export type Scope = 'all' | 'branch' | 'team' | 'own' | 'customer';
export const DEFAULT_SCOPE: Record<Role, Scope> = {
  admin: 'all',
  manager: 'branch',
  sales: 'team',
  agent: 'team',
  marketing: 'all',
  auditor: 'all',
  client: 'customer',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
