import { customFieldRoutes } from '../../platform/custom-fields/custom-fields.routes.ts';
import { defineModule } from '../../platform/module.ts';
import { defineMaintenanceJobs } from './maintenance.jobs.ts';
import { platformRoutes } from './platform.routes.ts';
import { systemPermissions } from './system.permissions.ts';

export { systemRoutes } from './system.routes.ts';

/**
 * The HTTP face and housekeeping of the platform services: jobs, mail outbox, settings, files,
 * notifications, history and custom field definitions. (Health, readiness and metrics are the
 * app's own routes: app.ts registers them before any module.)
 */
export const systemModule = defineModule({
  name: 'system',
  permissions: systemPermissions,
  scopes: {
    admin: 'jobs, the mail outbox, settings, custom field definitions; history and files of every record',
    manager: 'custom field definitions; history and files of the records they can read',
    sales: 'custom field definitions; files of the records they can read',
    agent: 'custom field definitions; files of the records they can read',
    marketing: 'custom field definitions; files of the records they can read',
    auditor: 'custom field definitions; history and files of the records they can read',
    client: 'the ticket custom field definitions shown to clients; files of their own customer’s tickets (never of internal notes)',
  },
  routes: [platformRoutes, customFieldRoutes],
  jobs: defineMaintenanceJobs,
});
