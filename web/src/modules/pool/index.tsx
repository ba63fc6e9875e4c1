import { IconRecycle } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';

const PoolPage = lazy(() => import('./PoolPage.tsx'));

/** The customer pool. */
export const pool: WebModule = {
  name: 'pool',
  routes: [{ element: <RequirePermission permission="pool.read" />, children: [{ path: 'customers/pool', element: <PoolPage /> }] }],
  nav: [{ to: '/customers/pool', label: 'pool.nav', description: 'pool.navHint', icon: IconRecycle, permission: 'pool.read' }],
};
