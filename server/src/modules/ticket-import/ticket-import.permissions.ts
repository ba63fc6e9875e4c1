import { definePermissions } from '../../platform/permissions/roles.ts';

/** The ticket-import module's permissions and the roles granted each (IAM-2). */
export const ticketImportPermissions = definePermissions({
  'tickets.bulk': { roles: ['admin', 'manager', 'sales', 'agent'], description: 'TKT-11: create many tickets at once from a CSV (e.g. a telesales call list).' },
  'tickets.export': { roles: ['admin', 'manager', 'sales', 'agent', 'auditor'], description: 'PLT-9: the ticket list in scope as CSV (staff only: never message bodies or internal notes).' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof ticketImportPermissions, true> {}
}
