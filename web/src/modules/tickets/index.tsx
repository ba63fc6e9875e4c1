import { IconCategory, IconClockExclamation, IconStack2, IconTicket } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';

const TicketsPage = lazy(() => import('./TicketsPage.tsx'));
const TicketPage = lazy(() => import('./TicketPage.tsx'));
const TicketTypesPage = lazy(() => import('./admin/TicketTypesPage.tsx'));
const TicketComponentsPage = lazy(() => import('./admin/TicketComponentsPage.tsx'));
const SlaPoliciesPage = lazy(() => import('./admin/SlaPoliciesPage.tsx'));

/** The staff ticket workspace, and the administration of ticket types, components and SLA policies. */
export const tickets: WebModule = {
  name: 'tickets',
  routes: [
    {
      element: <RequirePermission permission="tickets.read" />,
      children: [
        { path: 'tickets', element: <TicketsPage /> },
        { path: 'tickets/:idOrNumber', element: <TicketPage /> },
      ],
    },
    {
      element: <RequirePermission permission="tickets.manage" />,
      children: [
        { path: 'admin/ticket-types', element: <TicketTypesPage /> },
        { path: 'admin/ticket-components', element: <TicketComponentsPage /> },
        { path: 'admin/sla', element: <SlaPoliciesPage /> },
      ],
    },
  ],
  nav: [{ to: '/tickets', label: 'tickets.nav.tickets', description: 'tickets.nav.ticketsHint', icon: IconTicket, permission: 'tickets.read' }],
  adminNav: [
    { to: '/admin/ticket-types', label: 'tickets.nav.types', description: 'tickets.nav.typesHint', icon: IconCategory, permission: 'tickets.manage', order: 70 },
    { to: '/admin/ticket-components', label: 'tickets.nav.components', description: 'tickets.nav.componentsHint', icon: IconStack2, permission: 'tickets.manage', order: 80 },
    { to: '/admin/sla', label: 'tickets.nav.sla', description: 'tickets.nav.slaHint', icon: IconClockExclamation, permission: 'tickets.manage', order: 90 },
  ],
};
