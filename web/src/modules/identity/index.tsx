import { IconBuildingCommunity, IconHome, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';
import { HomePage } from './HomePage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { ProfilePage } from './ProfilePage.tsx';

// Admin pages load on first visit (the layouts wrap the outlet in Suspense): most users never need them.
const UsersPage = lazy(() => import('./admin/users/UsersPage.tsx'));
const BranchesPage = lazy(() => import('./admin/branches/BranchesPage.tsx'));
const TeamsPage = lazy(() => import('./admin/teams/TeamsPage.tsx'));

/** Sign-in, the home page, one's profile, and the administration of users and the organisation. */
export const identity: WebModule = {
  name: 'identity',
  publicRoutes: [{ path: '/login', element: <LoginPage /> }],
  routes: [
    { index: true, element: <HomePage /> },
    { path: 'profile', element: <ProfilePage /> },
    { element: <RequirePermission permission="users.manage" />, children: [{ path: 'admin/users', element: <UsersPage /> }] },
    {
      element: <RequirePermission permission="org.manage" />,
      children: [
        { path: 'admin/branches', element: <BranchesPage /> },
        { path: 'admin/teams', element: <TeamsPage /> },
      ],
    },
  ],
  portalRoutes: [{ path: 'profile', element: <ProfilePage /> }],
  nav: [{ to: '/', label: 'nav.home', description: 'nav.homeHint', icon: IconHome }],
  adminNav: [
    { to: '/admin/users', label: 'nav.users', description: 'nav.usersHint', icon: IconUsers, permission: 'users.manage', order: 10 },
    { to: '/admin/branches', label: 'nav.branches', description: 'nav.branchesHint', icon: IconBuildingCommunity, permission: 'org.manage', order: 20 },
    { to: '/admin/teams', label: 'nav.teams', description: 'nav.teamsHint', icon: IconUsersGroup, permission: 'org.manage', order: 30 },
  ],
};
