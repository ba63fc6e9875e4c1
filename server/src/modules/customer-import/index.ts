import { defineModule } from '../../platform/module.ts';
import { customerImportPermissions } from './customer-import.permissions.ts';
import { customerImportEvents } from './customer-import.events.ts';
import { customerImportRoutes } from './customer-import.routes.ts';
import { defineImportJobs } from './use-cases/manage-imports.ts';

export { IMPORT_JOB } from './use-cases/manage-imports.ts';

/** PLT-9: customers from CSV (mapping, preview, background import) and the list in scope as CSV. */
export const customerImportModule = defineModule({
  name: 'customer-import',
  permissions: customerImportPermissions,
  events: customerImportEvents,
  scopes: {
    admin: 'their own imports; exports every customer',
    manager: 'their own imports; exports the customers they see',
    sales: 'their own imports; exports the customers they see',
    marketing: 'exports every customer',
    auditor: 'exports every customer',
  },
  routes: [customerImportRoutes],
  jobs: defineImportJobs,
});
