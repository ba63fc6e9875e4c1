import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { createdChange, historyInsert } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { applyCustomValues } from '../../../platform/custom-fields/custom-fields.ts';
import type { Db } from '../../../platform/db/database.ts';
import { eventInsert } from '../../../platform/events/outbox.ts';
import { conflict, type FieldError, forbidden, invalid, unprocessable } from '../../../platform/http/errors.ts';
import type { CreateCustomerInput } from '../customers.contracts.ts';
import { onCustomerCreated } from '../customers.links.ts';
import { canAssign } from '../customers.policy.ts';
import * as repo from '../customers.repository.ts';
import { duplicateError, profileValues, uniqueViolationField } from './profile-rules.ts';

/** Owner and team must be real; only managers and admins give a customer to someone else. */
export async function checkAssignment(tx: Db, actor: Actor, v: { ownerId?: string | null; teamId?: string | null }) {
  await assignmentAgainst(actor, v, { activeStaff: (id) => repo.isActiveStaff(tx, id), activeTeam: (id) => repo.teamExists(tx, id) });
}

/** checkAssignment's rules, asking `facts` (queries, or what a create already looked up) only about what is named. */
async function assignmentAgainst(actor: Actor, v: { ownerId?: string | null; teamId?: string | null }, facts: { activeStaff(id: string): Promise<boolean> | boolean; activeTeam(id: string): Promise<boolean> | boolean }) {
  if ((v.ownerId !== undefined && v.ownerId !== actor.userId) || v.teamId) {
    if (!canAssign(actor)) throw forbidden('Only managers and admins choose another owner or a team.');
  }
  const errors: FieldError[] = [];
  if (v.ownerId && !(await facts.activeStaff(v.ownerId))) errors.push({ field: 'ownerId', message: 'No such active staff user.' });
  if (v.teamId && !(await facts.activeTeam(v.teamId))) errors.push({ field: 'teamId', message: 'No such active team.' });
  if (errors.length) throw unprocessable('invalid_reference', errors.map((e) => e.message).join(' '), errors);
}

/** Exactly one primary address: the one marked, else the first. */
export function withOnePrimary<T extends { isPrimary: boolean }>(addresses: T[]): T[] {
  const marked = addresses.filter((a) => a.isPrimary).length;
  if (marked > 1) throw invalid([{ field: 'addresses', message: 'Only one address can be primary.' }]);
  return addresses.map((a, i) => ({ ...a, isPrimary: marked ? a.isPrimary : i === 0 }));
}

/**
 * CUS-1/CUS-2/CUS-4 create: validated profile, number from the sequence, duplicates refused (first by
 * a friendly check, and under a race by the partial unique indexes), addresses, history, the other
 * modules' rows (the "customer created" activity) and customer.created. What it checks against is
 * looked up in ONE statement; what it writes is ONE statement, atomic by itself (no BEGIN/COMMIT:
 * Database.single), which also answers the record it made with its addresses.
 */
export async function createCustomer(ctx: AppContext, actor: Actor, input: CreateCustomerInput) {
  const addresses = withOnePrimary(input.addresses);
  const primaryCountry = addresses.find((a) => a.isPrimary)?.country ?? null;
  const { values, errors } = profileValues(input, null, primaryCountry);
  const facts = await repo.lookUpNewCustomer(ctx.database.db, values, { ownerId: input.ownerId, teamId: input.teamId });
  const custom = applyCustomValues(facts.definitions, input.custom, {}, 'create');
  errors.push(...custom.errors);
  if (errors.length) throw invalid(errors);
  if (facts.duplicates.length) throw duplicateError(facts.duplicates);
  await assignmentAgainst(actor, { ownerId: input.ownerId, teamId: input.teamId }, { activeStaff: () => facts.ownerActive === true, activeTeam: () => facts.teamActive === true });

  const id = randomUUID();
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
  try {
    const record = await ctx.database.single(async (db) => {
      const created = { id, name: values.name!, type: input.type };
      const history = historyInsert(
        {
          entityType: 'customer',
          entityId: id,
          actorId: actor.userId,
          action: 'created',
          changes: [
            { field: 'name', from: null, to: values.name },
            { field: 'status', from: null, to: values.status ?? 'LEAD' },
            { field: 'ownerId', from: null, to: ownerId },
          ],
        },
        [createdChange('number', sql`${repo.NEW_CUSTOMER}.number`)],
        repo.NEW_CUSTOMER,
      );
      const others = onCustomerCreated(ctx).map((write) => write(db, created, actor));
      const event = eventInsert('customer.created', { customerId: id, type: input.type, actorId: actor.userId }, { number: sql`${repo.NEW_CUSTOMER}.number` }, repo.NEW_CUSTOMER);
      return repo.insertCustomerReturningRecord(db, { ...values, id, name: values.name!, type: input.type, custom: custom.values, ownerId, teamId: input.teamId ?? null, createdBy: actor.userId }, addresses, [history, ...others, event]);
    });
    ctx.afterCommit();
    return record;
  } catch (error) {
    throw await explainRace(ctx, error, values);
  }
}

/** The `customer.created` payload (customers.events.ts), the same for every writer of new customers (the import adds its importId). */
export const customerCreatedPayload = (row: { id: string; number: string }, type: string, actorId: string) => ({ customerId: row.id, number: row.number, type, actorId });

/**
 * Another request wrote the same phone/e-mail/tax ID between our check and our write, and the
 * partial unique index refused ours: answer exactly as the check would have.
 */
export async function explainRace(ctx: AppContext, error: unknown, values: Parameters<typeof repo.findDuplicates>[1], exceptId?: string) {
  const field = uniqueViolationField(error);
  if (!field) return error;
  const duplicates = await repo.findDuplicates(ctx.database.db, values, exceptId);
  if (duplicates.length) return duplicateError(duplicates);
  return conflict('duplicate_customer', 'An active customer already has this value.', [{ field, message: 'Already used by another active customer.' }]);
}
