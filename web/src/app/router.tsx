import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../ui/NotFoundPage.tsx';
import { RouteError } from '../ui/RouteError.tsx';
import { RequireSession } from './guards.tsx';
import { WEB_MODULES } from './modules.ts';

// Each module brings its pages with their permission guards (modules/<name>/index.tsx).
export const router = createBrowserRouter([
  ...WEB_MODULES.flatMap((m) => m.publicRoutes ?? []).map((route) => ({ ...route, errorElement: <RouteError /> })),
  {
    path: '/',
    element: <RequireSession area="staff" />,
    errorElement: <RouteError />,
    children: [...WEB_MODULES.flatMap((m) => m.routes ?? []), { path: '*', element: <NotFoundPage /> }],
  },
  {
    path: '/portal',
    element: <RequireSession area="portal" />,
    errorElement: <RouteError />,
    children: [...WEB_MODULES.flatMap((m) => m.portalRoutes ?? []), { path: '*', element: <NotFoundPage /> }],
  },
]);
