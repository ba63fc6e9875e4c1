import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomePage } from '../modules/identity/HomePage.tsx';
import { LoginPage } from '../modules/identity/LoginPage.tsx';
import { ProfilePage } from '../modules/identity/ProfilePage.tsx';
import { PortalHome } from '../modules/portal/PortalHome.tsx';
import { NotFoundPage } from '../ui/NotFoundPage.tsx';
import { RequirePermission, RequireSession } from './guards.tsx';

// Admin pages load on first visit (the layouts wrap the outlet in Suspense): most users never need them.
const UsersPage = lazy(() => import('../modules/admin/users/UsersPage.tsx'));
const BranchesPage = lazy(() => import('../modules/admin/branches/BranchesPage.tsx'));
const TeamsPage = lazy(() => import('../modules/admin/teams/TeamsPage.tsx'));
const JobsPage = lazy(() => import('../modules/admin/jobs/JobsPage.tsx'));
const MailPage = lazy(() => import('../modules/admin/mail/MailPage.tsx'));
const SettingsPage = lazy(() => import('../modules/admin/settings/SettingsPage.tsx'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <RequireSession area="staff" />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'profile', element: <ProfilePage /> },
      {
        element: <RequirePermission permission="users.manage" />,
        children: [{ path: 'admin/users', element: <UsersPage /> }],
      },
      {
        element: <RequirePermission permission="org.manage" />,
        children: [
          { path: 'admin/branches', element: <BranchesPage /> },
          { path: 'admin/teams', element: <TeamsPage /> },
        ],
      },
      { element: <RequirePermission permission="jobs.manage" />, children: [{ path: 'admin/jobs', element: <JobsPage /> }] },
      { element: <RequirePermission permission="mail.read" />, children: [{ path: 'admin/mail', element: <MailPage /> }] },
      {
        element: <RequirePermission permission="settings.manage" />,
        children: [{ path: 'admin/settings', element: <SettingsPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/portal',
    element: <RequireSession area="portal" />,
    children: [
      { index: true, element: <PortalHome /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
