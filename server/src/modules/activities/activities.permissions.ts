import { definePermissions } from '../../platform/permissions/roles.ts';

/** The activities module's permissions and the roles granted each (IAM-2). */
export const activitiesPermissions = definePermissions({
  'activities.read': { roles: ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor'], description: 'SAL-6: read activities in scope.' },
  'activities.write': { roles: ['admin', 'manager', 'sales', 'agent', 'marketing'], description: 'SAL-6: log and edit own activities (managers and admins: those they can see).' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof activitiesPermissions, true> {}
}
