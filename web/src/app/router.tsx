import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomePage } from '../modules/identity/HomePage.tsx';
import { LoginPage } from '../modules/identity/LoginPage.tsx';
import { ProfilePage } from '../modules/identity/ProfilePage.tsx';
import { PortalHome } from '../modules/portal/PortalHome.tsx';
import { NotFoundPage } from '../ui/NotFoundPage.tsx';
import { RouteError } from '../ui/RouteError.tsx';
import { RequirePermission, RequireSession } from './guards.tsx';

// Admin pages load on first visit (the layouts wrap the outlet in Suspense): most users never need them.
const UsersPage = lazy(() => import('../modules/admin/users/UsersPage.tsx'));
const BranchesPage = lazy(() => import('../modules/admin/branches/BranchesPage.tsx'));
const TeamsPage = lazy(() => import('../modules/admin/teams/TeamsPage.tsx'));
const JobsPage = lazy(() => import('../modules/admin/jobs/JobsPage.tsx'));
const MailPage = lazy(() => import('../modules/admin/mail/MailPage.tsx'));
const SettingsPage = lazy(() => import('../modules/admin/settings/SettingsPage.tsx'));
const PoolPage = lazy(() => import('../modules/pool/PoolPage.tsx'));
const HandoversPage = lazy(() => import('../modules/handover/HandoversPage.tsx'));
const HandoverPage = lazy(() => import('../modules/handover/HandoverPage.tsx'));
const CustomFieldsPage = lazy(() => import('../modules/admin/custom-fields/CustomFieldsPage.tsx'));
const CustomersPage = lazy(() => import('../modules/customers/CustomersPage.tsx'));
const CustomerPage = lazy(() => import('../modules/customers/CustomerPage.tsx'));
const MyDayPage = lazy(() => import('../modules/activities/MyDayPage.tsx'));
const ImportPage = lazy(() => import('../modules/customer-import/ImportPage.tsx'));
const TicketsPage = lazy(() => import('../modules/tickets/TicketsPage.tsx'));
const TicketPage = lazy(() => import('../modules/tickets/TicketPage.tsx'));
const TicketImportPage = lazy(() => import('../modules/ticket-import/TicketImportPage.tsx'));
const TicketTypesPage = lazy(() => import('../modules/admin/tickets/TicketTypesPage.tsx'));
const TicketComponentsPage = lazy(() => import('../modules/admin/tickets/TicketComponentsPage.tsx'));
const SlaPoliciesPage = lazy(() => import('../modules/admin/tickets/SlaPoliciesPage.tsx'));
const PortalTicketsPage = lazy(() => import('../modules/portal/PortalTicketsPage.tsx'));
const PortalNewTicketPage = lazy(() => import('../modules/portal/NewTicketPage.tsx'));
const PortalTicketPage = lazy(() => import('../modules/portal/TicketPage.tsx'));
const PortalReportProblemPage = lazy(() => import('../modules/portal/PortalFormPage.tsx').then((m) => ({ default: m.ReportProblemPage })));
const PortalFeedbackPage = lazy(() => import('../modules/portal/PortalFormPage.tsx').then((m) => ({ default: m.FeedbackPage })));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireSession area="staff" />,
    errorElement: <RouteError />,
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
      {
        element: <RequirePermission permission="customers.read" />,
        children: [
          { path: 'customers', element: <CustomersPage /> },
          { path: 'customers/:idOrNumber', element: <CustomerPage /> },
        ],
      },
      { element: <RequirePermission permission="activities.read" />, children: [{ path: 'activities', element: <MyDayPage /> }] },
      {
        element: <RequirePermission permission="custom_fields.manage" />,
        children: [{ path: 'admin/custom-fields', element: <CustomFieldsPage /> }],
      },
      { element: <RequirePermission permission="pool.read" />, children: [{ path: 'customers/pool', element: <PoolPage /> }] },
      { element: <RequirePermission permission="customers.import" />, children: [{ path: 'customers/import', element: <ImportPage /> }] },
      {
        element: <RequirePermission permission="handovers.read" />,
        children: [
          { path: 'handovers', element: <HandoversPage /> },
          { path: 'handovers/:id', element: <HandoverPage /> },
        ],
      },
      {
        element: <RequirePermission permission="tickets.read" />,
        children: [
          { path: 'tickets', element: <TicketsPage /> },
          { path: 'tickets/:idOrNumber', element: <TicketPage /> },
        ],
      },
      { element: <RequirePermission permission="tickets.bulk" />, children: [{ path: 'tickets/import', element: <TicketImportPage /> }] },
      {
        element: <RequirePermission permission="tickets.manage" />,
        children: [
          { path: 'admin/ticket-types', element: <TicketTypesPage /> },
          { path: 'admin/ticket-components', element: <TicketComponentsPage /> },
          { path: 'admin/sla', element: <SlaPoliciesPage /> },
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
    errorElement: <RouteError />,
    children: [
      { index: true, element: <PortalHome /> },
      { path: 'tickets', element: <PortalTicketsPage /> },
      { path: 'tickets/new', element: <PortalNewTicketPage /> },
      { path: 'tickets/:number', element: <PortalTicketPage /> },
      { path: 'report-problem', element: <PortalReportProblemPage /> },
      { path: 'feedback', element: <PortalFeedbackPage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
