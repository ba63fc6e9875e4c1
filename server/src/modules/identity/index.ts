export { actorResolver } from './use-cases/resolve-actor.ts';
export { createInitialAdmin, hasNoAccounts } from './use-cases/initial-admin.ts';
export { DEMO_ACCOUNTS, DEMO_CUSTOMERS, DEMO_PASSWORD } from './demo-accounts.ts';
export { linkDemoClients } from './seed.ts';
export { deleteExpiredSessions } from './identity.repository.ts';
export { notificationRecipients } from './recipients.ts';
export { staffByEmail } from './staff.repository.ts';
// People, branches and teams for other modules: scope subqueries, {id, name} references, reads (directory.ts).
export {
  activeAdmins,
  activeStaffByEmail,
  activeStaffIds,
  isActiveTeamSql,
  activeUserIds,
  customerHolder,
  isActiveStaffSql,
  isActiveTeam,
  lockUser,
  mailActiveStaffIn,
  mailPeople,
  responsibleManagers,
  teamIdsManagedBy,
  teamRef,
  userContact,
  userContactJson,
  userIsActive,
  userName,
  userNames,
  userLanguage,
  userRef,
  usersOfBranch,
  usersOfTeams,
  type MailPerson,
} from './directory.ts';

import { defineModule } from '../../platform/module.ts';
import { identityPermissions } from './identity.permissions.ts';
import { identityEvents } from './identity.events.ts';
import { authRoutes as auth } from './identity.routes.ts';
import { organisationRoutes as organisation } from './organisation.routes.ts';
import { seedIdentity as seed } from './seed.ts';
import { userRoutes } from './users.routes.ts';

/** Identity and access: sign-in, sessions, API tokens, staff and client accounts, branches and teams. */
export const identityModule = defineModule({
  name: 'identity',
  permissions: identityPermissions,
  events: identityEvents,
  scopes: {
    admin: 'every account, branch and team',
    manager: 'the staff directory (read)',
    sales: 'the staff directory (read)',
    agent: 'the staff directory (read)',
    marketing: 'the staff directory (read)',
    auditor: 'the staff directory (read)',
    client: 'their own account',
  },
  routes: [auth, userRoutes, organisation],
  async seed(tx, shared) {
    for (const [email, id] of await seed(tx)) shared.userIds.set(email, id);
  },
});
