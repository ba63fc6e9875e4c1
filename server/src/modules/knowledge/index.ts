import { defineModule } from '../../platform/module.ts';
import { helpRoutes } from './help.routes.ts';
import { knowledgeEvents } from './knowledge.events.ts';
import { subscribeArticleUses } from './knowledge.jobs.ts';
import { knowledgePermissions } from './knowledge.permissions.ts';
import { audienceOf, visibleArticles } from './knowledge.policy.ts';
import { fileShownBy } from './knowledge.repository.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';
import { articleSearch } from './knowledge.search.ts';
import { seedKnowledge } from './seed.ts';

/**
 * KB-1/KB-2: the knowledge base and FAQ — multilingual articles with versions, ranked search,
 * suggestions beside conversations, the public help centre. An image in an answer is readable by
 * whoever may read the article.
 */
export const knowledgeModule = defineModule({
  name: 'knowledge',
  permissions: knowledgePermissions,
  events: knowledgeEvents,
  scopes: {
    admin: 'every article',
    manager: 'every article',
    agent: 'every article',
    sales: 'every article',
    marketing: 'every article',
    auditor: 'every article (read only)',
    client: 'published public articles',
  },
  routes: [knowledgeRoutes, helpRoutes],
  subscribers: subscribeArticleUses,
  fileAccess: [(db, actor, file) => fileShownBy(db, file.id, visibleArticles(audienceOf(actor)))],
  search: [articleSearch],
  seed: (tx, shared) => seedKnowledge(tx, shared.userIds),
});
