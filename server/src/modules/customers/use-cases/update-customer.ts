import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { applyCustomValues } from '../../../platform/custom-fields/custom-fields.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { invalid, notFound, staleVersion } from '../../../platform/http/errors.ts';
import type { UpdateCustomerInput } from '../customers.contracts.ts';
import { visibleTo } from '../customers.policy.ts';
import * as repo from '../customers.repository.ts';
import { checkAssignment, explainRace } from './create-customer.ts';
import { duplicateError, profileValues } from './profile-rules.ts';
import { type CustomerRecord, writtenCustomer } from './written-customer.ts';
import { customerTexts as t } from '../customers.texts.ts';

/** PATCH a customer (If-Match): same rules as create, checked against the merged record. */
export async function updateCustomer(ctx: AppContext, actor: Actor, idOrNumber: string, version: number, input: UpdateCustomerInput) {
  const defs = await definitionsFor(ctx.database.db, 'customer');
  let written: Parameters<typeof repo.findDuplicates>[1] = {};
  let customerId: string | undefined;
  let record: CustomerRecord;
  try {
    record = await ctx.database.transaction(async (tx) => {
      const before = await repo.findCustomerForUpdate(tx, idOrNumber, visibleTo(actor));
      if (!before) throw notFound('customer');
      customerId = before.id;
      if (before.version !== version) throw staleVersion();
      const addresses = await repo.listAddresses(tx, before.id);
      const { custom: customInput, ...profileInput } = input;
      const { values, errors } = profileValues(profileInput, before, addresses.find((a) => a.isPrimary)?.country ?? null);
      if (customInput) {
        const custom = applyCustomValues(defs, customInput, before.custom as Record<string, unknown>, 'update');
        errors.push(...custom.errors);
        values.custom = custom.values;
      }
      if (errors.length) throw invalid(errors);

      const changes = diff(before as unknown as Record<string, unknown>, values as Record<string, unknown>);
      if (!changes.length) return writtenCustomer(tx, before.id);
      // Uniqueness holds among active customers: check what changed, and everything on reactivation.
      const reactivated = before.status === 'INACTIVE' && values.status !== undefined && values.status !== 'INACTIVE';
      const stillActive = (values.status ?? before.status) !== 'INACTIVE';
      const changed = (f: 'phone' | 'email' | 'taxId') => changes.some((c) => c.field === f) || reactivated;
      written = {
        phone: changed('phone') ? (values.phone ?? before.phone) : null,
        email: changed('email') ? (values.email ?? before.email) : null,
        taxId: changed('taxId') ? (values.taxId ?? before.taxId) : null,
      };
      if (stillActive) {
        const duplicates = await repo.findDuplicates(tx, written, before.id);
        if (duplicates.length) throw duplicateError(duplicates);
      }
      if (!(await repo.updateCustomer(tx, before.id, version, values))) throw staleVersion();
      await appendHistory(tx, { entityType: 'customer', entityId: before.id, actorId: actor.userId, action: 'updated', changes });
      await recordEvent(tx, 'customer.updated', { customerId: before.id, number: before.number, fields: changes.map((c) => c.field), actorId: actor.userId });
      return writtenCustomer(tx, before.id);
    });
  } catch (error) {
    throw await explainRace(ctx, error, written, customerId);
  }
  ctx.afterCommit();
  return record;
}

/** Gives the customer to another owner and/or team (customers.assign); the new owner is notified. */
export async function assignCustomer(ctx: AppContext, actor: Actor, idOrNumber: string, input: { ownerId?: string | null; teamId?: string | null }) {
  const record = await ctx.database.transaction(async (tx) => {
    const before = await repo.findCustomerForUpdate(tx, idOrNumber, visibleTo(actor));
    if (!before) throw notFound('customer');
    await checkAssignment(tx, actor, input);
    const values: { ownerId?: string | null; teamId?: string | null } = {};
    if (input.ownerId !== undefined) values.ownerId = input.ownerId;
    if (input.teamId !== undefined) values.teamId = input.teamId;
    const changes = diff(before as unknown as Record<string, unknown>, values);
    if (!changes.length) return writtenCustomer(tx, before.id);
    await repo.updateCustomer(tx, before.id, before.version, values);
    await appendHistory(tx, { entityType: 'customer', entityId: before.id, actorId: actor.userId, action: 'assigned', changes });
    await recordEvent(tx, 'customer.assigned', { customerId: before.id, number: before.number, changes, actorId: actor.userId });
    if (values.ownerId && values.ownerId !== before.ownerId && values.ownerId !== actor.userId) {
      await ctx.notifications.notify(tx, values.ownerId, {
        kind: 'customer.assigned',
        title: t.localized('assigned.title', { number: before.number, name: before.name }),
        body: t.localized('assigned.body', { actor: actor.name }),
        link: `/customers/${before.number}`,
      });
    }
    return writtenCustomer(tx, before.id);
  });
  ctx.afterCommit();
  return record;
}
