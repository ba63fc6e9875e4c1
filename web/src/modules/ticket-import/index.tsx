import { IconFileUpload } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';

const TicketImportPage = lazy(() => import('./TicketImportPage.tsx'));

/** Importing tickets in bulk. */
export const ticketImport: WebModule = {
  name: 'ticket-import',
  routes: [{ element: <RequirePermission permission="tickets.bulk" />, children: [{ path: 'tickets/import', element: <TicketImportPage /> }] }],
  nav: [{ to: '/tickets/import', label: 'ticketImport.nav', description: 'ticketImport.navHint', icon: IconFileUpload, permission: 'tickets.bulk' }],
};
