import { definePermissions } from '../../platform/permissions/roles.ts';

/** The customer-import module's permissions and the roles granted each (IAM-2). */
export const customerImportPermissions = definePermissions({
  'customers.import': { roles: ['admin', 'manager', 'sales'], description: 'PLT-9 CSV: import customers (owner: the importer unless they may assign).' },
  'customers.export': { roles: ['admin', 'manager', 'sales', 'marketing', 'auditor'], description: 'PLT-9 CSV: export the customer list in scope.' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof customerImportPermissions, true> {}
}
