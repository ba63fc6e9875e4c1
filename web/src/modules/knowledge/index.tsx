import { IconBook2 } from '@tabler/icons-react';
import { lazy } from 'react';
import { RequirePermission } from '../../app/RequirePermission.tsx';
import type { WebModule } from '../../app/module.ts';

const KnowledgePage = lazy(() => import('./KnowledgePage.tsx'));
const ArticlePage = lazy(() => import('./ArticlePage.tsx'));
const NewArticlePage = lazy(() => import('./ArticlePage.tsx').then((m) => ({ default: m.NewArticlePage })));

/** KB-1/KB-2 for staff: search and browse articles, write and translate them, versions, analytics. */
export const knowledge: WebModule = {
  name: 'knowledge',
  routes: [
    {
      element: <RequirePermission permission="knowledge.read" />,
      children: [
        { path: 'kb', element: <KnowledgePage /> },
        { path: 'kb/:id', element: <ArticlePage /> },
      ],
    },
    {
      element: <RequirePermission permission="knowledge.write" />,
      children: [{ path: 'kb/new', element: <NewArticlePage /> }],
    },
  ],
  nav: [{ to: '/kb', label: 'knowledge.nav.kb', description: 'knowledge.nav.kbHint', icon: IconBook2, permission: 'knowledge.read' }],
};
