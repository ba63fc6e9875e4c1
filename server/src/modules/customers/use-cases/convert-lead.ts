import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../../../platform/http/errors.ts';
import { visibleTo } from '../customers.policy.ts';
import * as repo from '../customers.repository.ts';
import { writtenCustomer } from './written-customer.ts';

/**
 * CUS-4 convert: a LEAD (or PROSPECT) becomes a CUSTOMER. Checks: visible and writable, still a lead
 * or prospect, reachable (an e-mail, phone or mobile) and owned by someone. History and the
 * customer.converted event (PLT-4) in the same transaction. The optional first opportunity belongs to
 * the sales module and is not created here.
 */
export async function convertLead(ctx: AppContext, actor: Actor, idOrNumber: string, version: number) {
  const record = await ctx.database.transaction(async (tx) => {
    const c = await repo.findCustomerForUpdate(tx, idOrNumber, visibleTo(actor));
    if (!c) throw notFound('customer');
    if (c.version !== version) throw staleVersion();
    if (c.status === 'CUSTOMER') throw conflict('already_customer', `${c.number} is already a customer.`, [{ field: 'status', message: 'Already CUSTOMER.' }]);
    if (c.status === 'INACTIVE') throw unprocessable('inactive_customer', `${c.number} is inactive; reactivate it before converting.`, [{ field: 'status', message: 'INACTIVE.' }]);
    const missing = [];
    if (!c.email && !c.phone && !c.mobile) missing.push({ field: 'email', message: 'A customer needs an e-mail, phone or mobile to be contacted.' });
    if (!c.ownerId) missing.push({ field: 'ownerId', message: 'Assign an owner before converting.' });
    if (missing.length) throw unprocessable('conversion_incomplete', missing.map((m) => m.message).join(' '), missing);
    if (!(await repo.updateCustomer(tx, c.id, c.version, { status: 'CUSTOMER' }))) throw staleVersion();
    await appendHistory(tx, { entityType: 'customer', entityId: c.id, actorId: actor.userId, action: 'converted', changes: [{ field: 'status', from: c.status, to: 'CUSTOMER' }] });
    await recordEvent(tx, 'customer.converted', { customerId: c.id, number: c.number, from: c.status, actorId: actor.userId });
    return writtenCustomer(tx, c.id);
  });
  ctx.afterCommit();
  return record;
}
