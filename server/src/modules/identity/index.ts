export { users, branches, teams, teamMembers, sessions, apiTokens } from './identity.tables.ts';
export { authRoutes } from './identity.routes.ts';
export { userRoutes } from './users.routes.ts';
export { organisationRoutes } from './organisation.routes.ts';
export { actorResolver } from './use-cases/resolve-actor.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
export { seedIdentity } from './seed.ts';
export { deleteExpiredSessions } from './identity.repository.ts';
export { notificationRecipients } from './recipients.ts';
