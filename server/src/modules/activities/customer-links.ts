import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { CustomerContribution, CustomerSection } from '../../platform/module.ts';
import { can } from '../../platform/permissions/roles.ts';
import { insertActivitySql } from './activities.repository.ts';

/** Activities in a customer's 360° view: counts, the latest few, and a timeline row each. */
export const activitySection: CustomerSection = {
  name: 'activities',
  visibleTo: (actor: Actor) => can(actor.role, 'activities.read'),
  summary: (id) => sql`(select json_build_object(
      'count', count(*),
      'open', count(*) filter (where a.status in ('PLANNED', 'IN_PROGRESS')),
      'completed', count(*) filter (where a.status = 'COMPLETED'),
      'latest', coalesce((select json_agg(x) from (
        select a2.id, a2.type, a2.subject, a2.status,
               to_char(a2.start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "startAt", a2.owner_id as "ownerId"
        from activities a2 where a2.customer_id = ${id} order by a2.start_at desc, a2.id desc limit 5) x), '[]'::json))
    from activities a where a.customer_id = ${id})`,
  // Placed when it happened (a logged call) or when it was planned (a future meeting), never in the future.
  timeline: (id) => sql`select least(a.start_at, coalesce(a.completed_at, a.created_at)) as at, 'activity'::text as kind, a.id::text as id, a.subject as title,
      jsonb_build_object('type', a.type, 'status', a.status, 'outcome', a.outcome, 'ownerId', a.owner_id,
        'startAt', to_char(a.start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) as data
    from activities a where a.customer_id = ${id}`,
};

/** CUS-4: creating a customer records a completed NOTE "Customer created" in the same transaction. */
export const activityCustomerLinks: CustomerContribution = {
  sections: [activitySection],
  onCreated: [
    (db, customer, actor) =>
      insertActivitySql(db, {
        type: 'NOTE',
        subject: 'Customer created',
        description: `New ${customer.type} customer created: ${customer.name}`,
        customerId: customer.id,
        startAt: new Date(),
        status: 'COMPLETED',
        completedAt: new Date(),
        ownerId: actor.userId,
        createdBy: actor.userId,
      }),
  ],
};
