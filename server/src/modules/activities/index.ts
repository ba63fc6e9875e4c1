export { activities, activityParticipants } from './activities.tables.ts';
export { activityRoutes } from './activities.routes.ts';
export { activityCustomerLinks, activitySection } from './customer-links.ts';
export { defineActivityJobs, sendDueReminders } from './activities.jobs.ts';
export { seedActivities } from './seed.ts';
