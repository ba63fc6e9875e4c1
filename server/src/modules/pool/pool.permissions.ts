import { definePermissions } from '../../platform/permissions/roles.ts';

/** The pool module's permissions and the roles granted each (IAM-2). */
export const poolPermissions = definePermissions({
  'pool.read': { roles: ['admin', 'manager', 'sales', 'auditor'], description: 'CUS-7: see the customer pool.' },
  'pool.claim': { roles: ['manager', 'sales'], description: 'CUS-7: claim a customer from the pool (holding limit, cool-down).' },
  'pool.recycle': { roles: ['admin', 'manager', 'sales'], description: 'CUS-7: put a customer back into the pool by hand.' },
  'pool.manage': { roles: ['admin', 'manager'], description: 'CUS-7: assign customers from the pool.' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof poolPermissions, true> {}
}
