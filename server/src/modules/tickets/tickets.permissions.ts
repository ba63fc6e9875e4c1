import { definePermissions } from '../../platform/permissions/roles.ts';

/** The tickets module's permissions and the roles granted each (IAM-2). */
export const ticketsPermissions = definePermissions({
  'tickets.read': { roles: ['admin', 'manager', 'sales', 'agent', 'auditor', 'client'], description: 'TKT: read tickets in scope (clients: their own customer\'s, never internal notes).' },
  'tickets.write': { roles: ['admin', 'manager', 'sales', 'agent', 'client'], description: 'TKT: create tickets, reply, change status.' },
  'tickets.assign': { roles: ['admin', 'manager', 'agent'], description: 'Choose a ticket\'s processor and component (agents take tickets; managers distribute).' },
  'tickets.sla.read': { roles: ['admin', 'manager', 'sales', 'agent', 'auditor'], description: 'TKT-9: read the SLA policies (staff only: clients never see the desk\'s yardsticks).' },
  'tickets.manage': { roles: ['admin'], description: 'Ticket types with their fields, and components with their responsible staff.' },
  'tickets.rate': { roles: ['client'], description: 'TKT-12: the satisfaction rating is the client\'s voice; staff never rate their own work.' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof ticketsPermissions, true> {}
}
