import { IconAddressBook } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';

const CustomersPage = lazy(() => import('./CustomersPage.tsx'));
const CustomerPage = lazy(() => import('./CustomerPage.tsx'));

/** The customer list and the 360° customer page. */
export const customers: WebModule = {
  name: 'customers',
  routes: [
    {
      element: <RequirePermission permission="customers.read" />,
      children: [
        { path: 'customers', element: <CustomersPage /> },
        { path: 'customers/:idOrNumber', element: <CustomerPage /> },
      ],
    },
  ],
  nav: [{ to: '/customers', label: 'customers.nav.customers', description: 'customers.nav.customersHint', icon: IconAddressBook, permission: 'customers.read' }],
};
