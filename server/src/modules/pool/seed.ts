import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';

/**
 * Demo pool (CUS-7): six of sales2's least recently contacted customers recycled by the rule over
 * the last days, and two of the manager's put back by hand. A few statements, no loops.
 */
export async function seedPool(tx: Db, userIds: Map<string, string>): Promise<void> {
  const sales2 = userIds.get('sales2@demo.test')!;
  const manager = userIds.get('manager@demo.test')!;
  await tx.execute(sql`
    with picked as (
      select c.id, c.owner_id, c.team_id, row_number() over (order by coalesce(c.last_contact_at, '-infinity'::timestamptz), c.number) as k
      from customers c
      where c.owner_id = ${sales2} and c.status <> 'INACTIVE'
        and not exists (select 1 from handovers h where h.customer_id = c.id)
      order by coalesce(c.last_contact_at, '-infinity'::timestamptz), c.number limit 6
    )
    insert into pool_entries (customer_id, original_owner_id, original_team_id, reason, created_at)
    select id, owner_id, team_id, 'inactive_days', now() - make_interval(days => k::int) from picked`);
  await tx.execute(sql`
    with picked as (
      select c.id, c.owner_id, c.team_id from customers c
      where c.owner_id = ${manager} and c.status <> 'INACTIVE' order by c.number limit 2
    )
    insert into pool_entries (customer_id, original_owner_id, original_team_id, reason, note, recycled_by, created_at)
    select id, owner_id, team_id, 'manual', 'Asked for a contact who speaks their language', owner_id, now() - interval '3 hours' from picked`);
  await tx.execute(sql`update customers c set owner_id = null from pool_entries p where p.customer_id = c.id and p.status = 'available'`);
  await tx.execute(sql`insert into history (entity_type, entity_id, actor_id, action, changes, at)
    select 'customer', p.customer_id, p.recycled_by, 'pool.recycled',
      jsonb_build_array(jsonb_build_object('field', 'ownerId', 'from', p.original_owner_id, 'to', null), jsonb_build_object('field', 'pool', 'from', null, 'to', p.reason)),
      p.created_at
    from pool_entries p`);
}
