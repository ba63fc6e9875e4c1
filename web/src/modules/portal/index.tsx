import { lazy } from 'react';
import type { WebModule } from '../../app/module.ts';
import { PortalHome } from './PortalHome.tsx';

const PortalTicketsPage = lazy(() => import('./PortalTicketsPage.tsx'));
const PortalNewTicketPage = lazy(() => import('./NewTicketPage.tsx'));
const PortalTicketPage = lazy(() => import('./TicketPage.tsx'));
const PortalReportProblemPage = lazy(() => import('./PortalFormPage.tsx').then((m) => ({ default: m.ReportProblemPage })));
const PortalFaqPage = lazy(() => import('./FaqPage.tsx'));
const PortalFaqArticlePage = lazy(() => import('./FaqArticlePage.tsx'));
const PortalFeedbackPage = lazy(() => import('./PortalFormPage.tsx').then((m) => ({ default: m.FeedbackPage })));

/** The client portal: the client's tickets and the ways to reach support. */
export const portal: WebModule = {
  name: 'portal',
  portalRoutes: [
    { index: true, element: <PortalHome /> },
    { path: 'tickets', element: <PortalTicketsPage /> },
    { path: 'tickets/new', element: <PortalNewTicketPage /> },
    { path: 'tickets/:number', element: <PortalTicketPage /> },
    { path: 'report-problem', element: <PortalReportProblemPage /> },
    { path: 'feedback', element: <PortalFeedbackPage /> },
    { path: 'faq', element: <PortalFaqPage /> },
    { path: 'faq/:language/:slug', element: <PortalFaqArticlePage /> },
  ],
};
