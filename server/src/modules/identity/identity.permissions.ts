import { definePermissions } from '../../platform/permissions/roles.ts';

/** The identity module's permissions and the roles granted each (IAM-2). */
export const identityPermissions = definePermissions({
  'users.read': { roles: ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor'], description: 'The staff directory (pickers, assignment): names, roles, teams.' },
  'users.manage': { roles: ['admin'], description: 'Create, edit, deactivate staff and client accounts.' },
  'org.read': { roles: ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor'], description: 'Read branches and teams.' },
  'org.manage': { roles: ['admin'], description: 'Create and edit branches and teams.' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof identityPermissions, true> {}
}
