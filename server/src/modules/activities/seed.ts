import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';

/**
 * Demo activities: a few per owned customer over the last two months and the next, completed in
 * the past and planned ahead; plus for each sales user something overdue and something today, so
 * "my day" and the calendar show data. Insert…select: a handful of statements.
 */
export async function seedActivities(tx: Db, userIds: Map<string, string>): Promise<void> {
  await tx.execute(sql`
    insert into activities (type, subject, customer_id, start_at, end_at, duration_minutes, status, priority, owner_id, outcome, completed_at, created_at)
    select t.type, t.subject || ' — ' || c.name, c.id, s.start_at, s.start_at + interval '30 minutes', 30,
      case when s.start_at < now() then 'COMPLETED' else 'PLANNED' end,
      (array['LOW', 'NORMAL', 'NORMAL', 'HIGH'])[1 + abs(hashtext(c.id::text || g::text)) % 4],
      c.owner_id,
      case when s.start_at < now() then (array['Interested', 'Call back later', 'Sent a quote', 'No answer'])[1 + abs(hashtext(c.number || g::text)) % 4] end,
      case when s.start_at < now() then s.start_at + interval '30 minutes' end,
      least(s.start_at, now()) - interval '1 day'
    from customers c
    cross join generate_series(1, 3) g
    cross join lateral (select (array['CALL', 'EMAIL', 'MEETING', 'TASK', 'SMS', 'DEMO'])[1 + abs(hashtext(c.id::text || 't' || g::text)) % 6] as type) k
    cross join lateral (select k.type as type, case k.type when 'CALL' then 'Call' when 'EMAIL' then 'E-mail' when 'MEETING' then 'Meeting'
      when 'TASK' then 'Prepare offer' when 'SMS' then 'SMS' else 'Product demo' end as subject) t
    cross join lateral (select date_trunc('hour', now()) + make_interval(days => (abs(hashtext(c.id::text || 'd' || g::text)) % 90) - 60,
      hours => abs(hashtext(c.id::text || 'h' || g::text)) % 9) as start_at) s
    where c.owner_id is not null and c.status <> 'INACTIVE' and g <= 1 + abs(hashtext(c.id::text)) % 3`);
  for (const email of ['sales1@demo.test', 'sales2@demo.test', 'manager@demo.test']) {
    const owner = userIds.get(email)!;
    await tx.execute(sql`
      insert into activities (type, subject, customer_id, start_at, duration_minutes, status, priority, owner_id)
      select v.type, v.subject, (select id from customers where owner_id = ${owner} and status <> 'INACTIVE' order by number limit 1 offset v.n),
        date_trunc('day', now()) + v.at, 30, 'PLANNED', v.priority, ${owner}
      from (values (0, 'CALL', 'Overdue call-back', interval '-2 days 10 hours', 'HIGH'),
                   (1, 'MEETING', 'Quarterly review', interval '15 hours', 'NORMAL'),
                   (2, 'TASK', 'Send the revised quote', interval '17 hours', 'URGENT')) v(n, type, subject, at, priority)`);
  }
}
