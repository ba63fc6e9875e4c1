import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import { applyCustomValues } from '../../../platform/custom-fields/custom-fields.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { customerVisibleTo, findCustomerForUpdate, findDuplicateCustomers, listAddresses, profileValues, updateCustomerRow } from '../../customers/index.ts';
import type { RowContext, ValidRow } from '../import-rows.ts';

const NOT_PROFILE = new Set(['ownerEmail', 'street', 'city', 'state', 'postalCode', 'addressCountry']);

/**
 * "Update" for a duplicate row: the cells that have a value overwrite the existing customer's fields
 * (empty cells never clear anything), by the update use case's rules: profileValues against the
 * record, custom values merged, uniqueness kept, history appended. Owner and addresses stay as they
 * are (assignment has its own permission and history). Only customers the importer can see.
 */
export async function updateFromRow(tx: Db, actor: Actor, rc: RowContext, customerId: string, row: ValidRow, importId: string): Promise<'updated' | 'unchanged' | FieldError> {
  const before = await findCustomerForUpdate(tx, customerId, customerVisibleTo(actor));
  if (!before) return { field: 'row', message: 'Matches a customer you cannot edit.' };
  if (before.status === 'INACTIVE') return { field: 'row', message: 'Matches an inactive customer.' };
  const input: Record<string, unknown> = {};
  for (const target of row.present) {
    if (NOT_PROFILE.has(target) || target.startsWith('custom.')) continue;
    input[target] = row.input[target];
  }
  const addresses = await listAddresses(tx, before.id);
  const { values, errors } = profileValues(input, before, addresses.find((a) => a.isPrimary)?.country ?? null);
  const customInput = Object.fromEntries([...row.present].filter((t) => t.startsWith('custom.')).map((t) => [t.slice(7), (row.input.custom as Record<string, unknown>)[t.slice(7)]]));
  if (Object.keys(customInput).length) {
    const custom = applyCustomValues(rc.defs, customInput, before.custom as Record<string, unknown>, 'update');
    errors.push(...custom.errors);
    values.custom = custom.values;
  }
  if (errors.length) return errors[0];
  const changes = diff(before as unknown as Record<string, unknown>, values as Record<string, unknown>);
  if (!changes.length) return 'unchanged';
  const changed = (f: string) => changes.some((c) => c.field === f);
  const others = await findDuplicateCustomers(
    tx,
    { phone: changed('phone') ? values.phone : null, email: changed('email') ? values.email : null, taxId: changed('taxId') ? values.taxId : null },
    before.id,
  );
  if (others.length) return { field: 'row', message: `Would duplicate ${others[0].number} (${others[0].name}).` };
  if (!(await updateCustomerRow(tx, before.id, before.version, values))) return { field: 'row', message: 'The customer changed meanwhile.' };
  await appendHistory(tx, { entityType: 'customer', entityId: before.id, actorId: actor.userId, action: 'updated', changes: [...changes, { field: 'import', from: null, to: importId }] });
  return 'updated';
}
