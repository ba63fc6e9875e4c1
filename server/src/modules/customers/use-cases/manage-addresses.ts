import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { AddressInput, AddressPatch } from '../customers.contracts.ts';
import { visibleTo } from '../customers.policy.ts';
import * as repo from '../customers.repository.ts';

/**
 * Several addresses, exactly one primary: the first address is primary; marking another primary
 * moves the mark; removing the primary promotes the oldest remaining one. Each change is in the
 * customer's history.
 */
async function lockCustomer(tx: Db, actor: Actor, idOrNumber: string) {
  const customer = await repo.findCustomerForUpdate(tx, idOrNumber, visibleTo(actor));
  if (!customer) throw notFound('customer');
  return customer;
}

async function logged(tx: Db, actor: Actor, customerId: string, action: string, changes: { field: string; from: unknown; to: unknown }[]) {
  await appendHistory(tx, { entityType: 'customer', entityId: customerId, actorId: actor.userId, action, changes });
  await recordEvent(tx, 'customer.updated', { customerId, fields: ['addresses'], actorId: actor.userId });
}

export async function addAddress(ctx: AppContext, actor: Actor, idOrNumber: string, input: AddressInput) {
  const row = await ctx.database.transaction(async (tx) => {
    const customer = await lockCustomer(tx, actor, idOrNumber);
    const existing = await repo.listAddresses(tx, customer.id);
    const isPrimary = input.isPrimary || existing.length === 0;
    if (isPrimary) await repo.clearPrimary(tx, customer.id);
    const [row] = await repo.insertAddresses(tx, customer.id, [{ ...input, isPrimary }]);
    await logged(tx, actor, customer.id, 'address_added', [{ field: 'address', from: null, to: row }]);
    return row;
  });
  ctx.afterCommit();
  return row;
}

export async function updateAddress(ctx: AppContext, actor: Actor, idOrNumber: string, addressId: string, input: AddressPatch) {
  const row = await ctx.database.transaction(async (tx) => {
    const customer = await lockCustomer(tx, actor, idOrNumber);
    const before = (await repo.listAddresses(tx, customer.id)).find((a) => a.id === addressId);
    if (!before) throw notFound('address');
    const changes = diff(before as unknown as Record<string, unknown>, input as Record<string, unknown>);
    if (!changes.length) return before;
    if (input.isPrimary && !before.isPrimary) await repo.clearPrimary(tx, customer.id);
    const row = (await repo.updateAddress(tx, customer.id, addressId, input))!;
    await logged(tx, actor, customer.id, 'address_updated', changes.map((c) => ({ ...c, field: `address.${c.field}` })));
    return row;
  });
  ctx.afterCommit();
  return row;
}

export async function removeAddress(ctx: AppContext, actor: Actor, idOrNumber: string, addressId: string) {
  await ctx.database.transaction(async (tx) => {
    const customer = await lockCustomer(tx, actor, idOrNumber);
    const removed = await repo.deleteAddress(tx, customer.id, addressId);
    if (!removed) throw notFound('address');
    if (removed.isPrimary) await repo.promoteOldestAddress(tx, customer.id);
    await logged(tx, actor, customer.id, 'address_removed', [{ field: 'address', from: removed, to: null }]);
  });
  ctx.afterCommit();
}
