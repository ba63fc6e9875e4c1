import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/database.ts';
import { CUSTOMER_NUMBER } from '../../../platform/http/common-schemas.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { can } from '../../../platform/permissions/roles.ts';
import { customersByEmail, customersByNumber, customersByPhoneDigits, customerVisibleTo } from '../../customers/index.ts';
import { staffByEmail } from '../../identity/index.ts';
import { listTicketComponents } from '../../tickets/index.ts';
import type { RowRefs } from '../ticket-fields.ts';

const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** A phone's digits without national leading zeros; fewer than 7 would match too many numbers. */
const phoneDigits = (v: string) => (/^[\d\s+().-]+$/.test(v) ? v.replace(/\D/g, '').replace(/^0+/, '') : '');

/**
 * The customer (number, e-mail or phone), component (key or name) and processor (e-mail) cells of
 * every row, resolved in a few statements for the whole file. Customers go through the customers
 * policy: one the caller cannot see is "not found", exactly like one that does not exist.
 */
export async function resolveRefs(db: Db, actor: Actor, rows: Map<string, string>[]) {
  const cell = (r: Map<string, string>, c: string) => r.get(c)?.trim() ?? '';
  const customers = [...new Set(rows.map((r) => cell(r, 'customer')).filter(Boolean))];
  const visible = customerVisibleTo(actor);
  const numbers = customers.filter((c) => CUSTOMER_NUMBER.test(c)).map((c) => c.toUpperCase());
  const emails = customers.filter((c) => EMAIL.test(c)).map((c) => c.toLowerCase());
  const phones = [...new Set(customers.map(phoneDigits).filter((d) => d.length >= 7))];
  const [byNumber, byEmail, byPhone] = await Promise.all([
    numbers.length ? customersByNumber(db, visible, numbers) : [],
    emails.length ? customersByEmail(db, visible, emails) : [],
    phones.length ? customersByPhoneDigits(db, visible, phones) : [],
  ]);
  const matches = new Map<string, Set<string>>();
  for (const m of [...byNumber, ...byEmail, ...byPhone]) (matches.get(m.ref) ?? matches.set(m.ref, new Set()).get(m.ref)!).add(m.id);

  // By key, or by name as the export writes it (a key wins over another component's name).
  const active = (await listTicketComponents(db)).filter((c) => c.active);
  const components = new Map([...active.map((c) => [c.name.toLowerCase(), c.id] as const), ...active.map((c) => [c.key.toLowerCase(), c.id] as const)]);
  const assigner = can(actor.role, 'tickets.assign');
  const processorEmails = [...new Set(rows.map((r) => cell(r, 'processor').toLowerCase()).filter(Boolean))];
  const staff = assigner && processorEmails.length ? await staffByEmail(db, processorEmails) : new Map<string, string>();

  return rows.map((r) => {
    const refs: RowRefs = {};
    const errors: FieldError[] = [];
    const customer = cell(r, 'customer');
    if (customer) {
      const key = CUSTOMER_NUMBER.test(customer) ? customer.toUpperCase() : EMAIL.test(customer) ? customer.toLowerCase() : phoneDigits(customer);
      const ids = key ? matches.get(key) : undefined;
      if (!ids?.size) errors.push({ field: 'customer', message: 'No customer visible to you with this number, e-mail or phone.' });
      else if (ids.size > 1) errors.push({ field: 'customer', message: 'Several customers match this phone; use the customer number.' });
      else refs.customerId = [...ids][0];
    }
    const component = cell(r, 'component').toLowerCase();
    if (component) {
      if (components.has(component)) refs.componentId = components.get(component);
      else errors.push({ field: 'component', message: 'No active component with this key or name.' });
    }
    const processor = cell(r, 'processor').toLowerCase();
    if (processor) {
      if (!assigner) errors.push({ field: 'processor', message: 'You may not choose the processor.' });
      else if (staff.has(processor)) refs.processorId = staff.get(processor);
      else errors.push({ field: 'processor', message: 'No active staff member with this e-mail.' });
    }
    return { refs, errors };
  });
}
