import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import * as repo from './handover.repository.ts';
import { startHandoversInTx } from './use-cases/start-handovers.ts';

export const DEPARTED_EMAIL = 'dana.departed@demo.test';

/**
 * Demo handovers (CUS-6): a sales rep who left (inactive, cannot sign in) with three customers, one
 * of whose handovers waits in review (receiver: sales1), the others in preparation.
 */
export async function seedHandovers(tx: Db, userIds: Map<string, string>): Promise<void> {
  const admin = userIds.get('admin@demo.test')!;
  const [departed] = (await tx.execute(sql`
    insert into users (email, name, role, language, time_zone, branch_id, active, deactivated_at)
    select ${DEPARTED_EMAIL}, 'Dana Departed', 'sales', 'en', 'Asia/Ho_Chi_Minh', branch_id, false, now() - interval '1 day'
    from users where email = 'sales2@demo.test' returning id`)) as unknown as { id: string }[];
  await tx.execute(sql`insert into team_members (team_id, user_id) select id, ${departed.id} from teams where kind = 'SALES'`);
  // Customers with an active contract first, so the checklist shows real records.
  await tx.execute(sql`update customers set owner_id = ${departed.id} where id in (
    select c.id from customers c where c.owner_id = ${userIds.get('sales2@demo.test')!} and c.status <> 'INACTIVE'
    order by exists (select 1 from contracts k where k.customer_id = c.id and k.status = 'ACTIVE') desc, c.number limit 3)`);
  const [first] = await startHandoversInTx(tx, null, { userId: departed.id, reason: 'resignation', actorId: admin });
  await repo.completeAllItems(tx, first, admin);
  await repo.moveStage(tx, first, 'preparation', { stage: 'review', toOwnerId: userIds.get('sales1@demo.test')!, submittedAt: new Date() });
  await tx.execute(sql`insert into history (entity_type, entity_id, actor_id, action, changes) values
    ('handover', ${first}, ${admin}, 'receiver_chosen', ${JSON.stringify([{ field: 'toOwnerId', from: null, to: userIds.get('sales1@demo.test') }])}::jsonb),
    ('handover', ${first}, ${admin}, 'submitted', '[{"field":"stage","from":"preparation","to":"review"}]'::jsonb)`);
}
