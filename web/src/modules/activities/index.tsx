import { IconCalendarEvent } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';

const MyDayPage = lazy(() => import('./MyDayPage.tsx'));
const ActivityPage = lazy(() => import('./ActivityPage.tsx'));

/** My day: the activities calendar; one activity's page (where a reminder links to). */
export const activities: WebModule = {
  name: 'activities',
  routes: [
    {
      element: <RequirePermission permission="activities.read" />,
      children: [
        { path: 'activities', element: <MyDayPage /> },
        { path: 'activities/:id', element: <ActivityPage /> },
      ],
    },
  ],
  nav: [{ to: '/activities', label: 'activities.nav.myDay', description: 'activities.nav.myDayHint', icon: IconCalendarEvent, permission: 'activities.read' }],
};
