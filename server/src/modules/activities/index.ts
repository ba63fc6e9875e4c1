import { defineModule } from '../../platform/module.ts';
import { activitiesPermissions } from './activities.permissions.ts';
import { activitiesEvents } from './activities.events.ts';
import { defineActivityJobs } from './activities.jobs.ts';
import { activityRoutes } from './activities.routes.ts';
import { activityCustomerLinks } from './customer-links.ts';
import { seedActivities } from './seed.ts';

export { sendDueReminders } from './activities.jobs.ts';
export { transferOpenActivities } from './activities.repository.ts';

/** SAL-6: calls, meetings, tasks, notes…, my day, the calendar and reminders. */
export const activitiesModule = defineModule({
  name: 'activities',
  permissions: activitiesPermissions,
  events: activitiesEvents,
  scopes: {
    admin: 'every activity',
    auditor: 'every activity (read only)',
    marketing: 'every activity',
    manager: 'their own, those they take part in, those of visible customers and of the teams they manage',
    sales: 'their own, those they take part in, those of visible customers',
    agent: 'their own, those they take part in, those of visible customers',
  },
  routes: [activityRoutes],
  jobs: defineActivityJobs,
  customer: activityCustomerLinks,
  seed: (tx, shared) => seedActivities(tx, shared.userIds),
});
