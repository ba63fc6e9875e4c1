import { IconFileImport } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';

const ImportPage = lazy(() => import('./ImportPage.tsx'));

/** Importing customers from a file. */
export const customerImport: WebModule = {
  name: 'customer-import',
  routes: [{ element: <RequirePermission permission="customers.import" />, children: [{ path: 'customers/import', element: <ImportPage /> }] }],
  nav: [{ to: '/customers/import', label: 'customerImport.nav', description: 'customerImport.navHint', icon: IconFileImport, permission: 'customers.import' }],
};
