import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { CustomerSection } from '../../platform/module.ts';
import { can } from '../../platform/permissions/roles.ts';
import { visibleTo } from './tickets.policy.ts';

const LATEST = 5;
const utc = (col: unknown) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * CUS-3: the customer's tickets in the 360° view — counts, the latest few, and one timeline row per
 * ticket (when it was opened) — each through the tickets policy, so a caller sees exactly the tickets
 * the ticket list would show them. Walks tickets_customer_idx (customer_id, created_at, id).
 */
export const ticketsCustomerSection: CustomerSection = {
  name: 'tickets',
  visibleTo: (actor: Actor) => can(actor.role, 'tickets.read'),
  summary: (id, actor) => sql`(select json_build_object(
      'count', count(*),
      'open', count(*) filter (where tickets.status not in ('resolved', 'closed')),
      'latest', coalesce((select json_agg(x) from (
        select tickets.id, tickets.number, tickets.title, tickets.status, tickets.priority,
               ${utc(sql`tickets.created_at`)} as "createdAt"
        from tickets where tickets.customer_id = ${id} and ${visibleTo(actor)}
        order by tickets.created_at desc, tickets.id desc limit ${LATEST}) x), '[]'::json))
    from tickets where tickets.customer_id = ${id} and ${visibleTo(actor)})`,
  timeline: (id, actor) => sql`select tickets.created_at as at, 'ticket'::text as kind, tickets.id::text as id,
      tickets.number || ' ' || tickets.title as title,
      jsonb_build_object('number', tickets.number, 'status', tickets.status, 'priority', tickets.priority, 'source', tickets.source) as data
    from tickets where tickets.customer_id = ${id} and ${visibleTo(actor)}`,
};
