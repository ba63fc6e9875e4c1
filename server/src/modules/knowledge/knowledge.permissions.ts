import { definePermissions } from '../../platform/permissions/roles.ts';

/**
 * The knowledge base's permissions and the roles granted each (IAM-2). Clients read (published public
 * articles only: knowledge.policy.ts); who may publish is the admin setting knowledge.publishRoles.
 */
export const knowledgePermissions = definePermissions({
  'knowledge.read': { roles: ['admin', 'manager', 'sales', 'agent', 'marketing', 'auditor', 'client'], description: 'KB-1/2: read articles (clients: published public ones).' },
  'knowledge.write': { roles: ['admin', 'manager', 'agent'], description: 'KB-1: write and edit articles, categories and translations (publishing: setting knowledge.publishRoles).' },
  'knowledge.analytics': { roles: ['admin', 'manager', 'auditor'], description: 'KB analytics: most viewed, most and least helpful, searches without result.' },
});

declare module '../../platform/permissions/roles.ts' {
  interface PermissionRegistry extends Record<keyof typeof knowledgePermissions, true> {}
}
