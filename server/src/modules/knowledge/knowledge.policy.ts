import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/permissions/roles.ts';
import { publishedPublic } from './knowledge.repository.ts';

/**
 * Who sees which articles (KB-1/2): staff see every article, internal and drafts included; a client
 * and an anonymous reader only published public ones — in lists, search, suggestions, the global
 * search, the help centre and its files. An article outside the reader's view answers 404.
 */
export type Audience = 'staff' | 'client' | 'public';

export const audienceOf = (actor: Actor | null): Audience => (!actor ? 'public' : actor.role === 'client' ? 'client' : 'staff');

export function visibleArticles(audience: Audience): SQL {
  return audience === 'staff' ? sql`true` : publishedPublic;
}

export const canWrite = (actor: Actor) => can(actor.role, 'knowledge.write');

/** Publishing (and un-publishing) needs a role the admin setting knowledge.publishRoles names. */
export const canPublish = (actor: Actor, publishRoles: readonly string[]) => canWrite(actor) && publishRoles.includes(actor.role);
