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
    admin: 'all jobs, mail, settings and custom fields',
    manager: 'history of the records they can read',
    auditor: 'history of the records they can read',
  },
  routes: [platformRoutes, customFieldRoutes],
  jobs: defineMaintenanceJobs,
});
