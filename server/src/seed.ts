import type { Database } from './platform/db/database.ts';
import { settings } from './platform/platform.tables.ts';
import { seedIdentity } from './modules/identity/index.ts';
import { seedCustomers } from './modules/customers/index.ts';
import { seedActivities } from './modules/activities/index.ts';
import { seedHandovers } from './modules/handover/index.ts';
import { seedPool } from './modules/pool/index.ts';
import { seedTickets } from './modules/tickets/index.ts';

/**
 * Demo data for every module, in one transaction: a half-seeded database never exists. With
 * `filesDir`, demo attachments (an image, a PDF) are written there too.
 */
export async function seedDemo(database: Database, options: { filesDir?: string } = {}): Promise<void> {
  await database.transaction(async (tx) => {
    const userIds = await seedIdentity(tx);
    await seedCustomers(tx, userIds);
    await seedActivities(tx, userIds);
    await seedHandovers(tx, userIds);
    await seedPool(tx, userIds);
    await seedTickets(tx, userIds, options.filesDir);
    await tx.insert(settings).values({ key: 'demo.seeded', value: true });
  });
}
