import { definePermissions } from '../../platform/permissions/roles.ts';

/** The handover module's permissions and the roles granted each (IAM-2). */
export const handoverPermissions = definePermissions({
  'handovers.read': { roles: ['admin', 'manager', 'sales', 'auditor'], description: 'CUS-6: read the handovers that concern you.' },
  'handovers.work': { roles: ['admin', 'manager', 'sales'], description: 'CUS-6: work on your step of a handover.' },
  'handovers.manage': { roles: ['admin', 'manager'], description: 'CUS-6: choose receivers and review handovers.' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof handoverPermissions, true> {}
}
