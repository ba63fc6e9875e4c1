import { IconTransfer } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';

const HandoversPage = lazy(() => import('./HandoversPage.tsx'));
const HandoverPage = lazy(() => import('./HandoverPage.tsx'));

/** Customer handovers between owners. */
export const handover: WebModule = {
  name: 'handover',
  routes: [
    {
      element: <RequirePermission permission="handovers.read" />,
      children: [
        { path: 'handovers', element: <HandoversPage /> },
        { path: 'handovers/:id', element: <HandoverPage /> },
      ],
    },
  ],
  nav: [{ to: '/handovers', label: 'handover.nav', description: 'handover.navHint', icon: IconTransfer, permission: 'handovers.read' }],
};
