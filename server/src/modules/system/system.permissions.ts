import { definePermissions } from '../../platform/permissions/roles.ts';

/** The system module's permissions and the roles granted each (IAM-2). */
export const systemPermissions = definePermissions({
  'audit.read': { roles: ['admin', 'manager', 'auditor'], description: 'Read the change history of records.' },
  'jobs.manage': { roles: ['admin'], description: 'See background jobs and run one now.' },
  'mail.read': { roles: ['admin'], description: 'Read the mail outbox.' },
  'settings.manage': { roles: ['admin'], description: 'Change admin settings.' },
  'files.upload': { roles: ['admin', 'manager', 'sales', 'agent', 'marketing', 'client'], description: 'Upload files (attachments).' },
  'custom_fields.read': { roles: ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor', 'client'], description: 'Read custom field definitions (clients: the ticket fields shown to them).' },
  'custom_fields.manage': { roles: ['admin'], description: 'Define custom fields.' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof systemPermissions, true> {}
}
