import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, diff } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { postgresError } from '../../../platform/db/pg-error.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { AppError, conflict, forbidden, notFound, staleVersion, unprocessable } from '../../../platform/http/errors.ts';
import { canAssign, visibleTo } from '../customers.policy.ts';
import * as repo from '../customers.repository.ts';
import type { CustomerRow } from '../customers.repository.ts';
import * as merge from '../merge.repository.ts';
import { duplicateError } from './profile-rules.ts';
import { writtenCustomer } from './written-customer.ts';

export const MERGE_RULES = ['primary', 'secondary', 'combine', 'latest'] as const;
type Rule = (typeof MERGE_RULES)[number];

/** Field → the columns it carries together (a name is its type and parts; an owner is owner and team). */
const FIELDS = {
  name: ['type', 'name', 'firstName', 'lastName', 'companyName'],
  title: ['title'],
  email: ['email'],
  phone: ['phone'],
  mobile: ['mobile'],
  taxId: ['taxId'],
  industry: ['industry'],
  employeeCount: ['employeeCount'],
  annualRevenue: ['annualRevenue'],
  website: ['website'],
  country: ['country'],
  level: ['level'],
  status: ['status'],
  priority: ['priority'],
  source: ['source'],
  owner: ['ownerId', 'teamId'],
  nextContactAt: ['nextContactAt'],
  tags: ['tags'],
  notes: ['notes'],
  custom: ['custom'],
} as const satisfies Record<string, readonly (keyof CustomerRow)[]>;
export type MergeField = keyof typeof FIELDS;
export const MERGE_FIELDS = Object.keys(FIELDS) as MergeField[];
const COMBINABLE = new Set<MergeField>(['tags', 'notes', 'custom']);
export const DEFAULT_RULES: Record<MergeField, Rule> = Object.fromEntries(MERGE_FIELDS.map((f) => [f, COMBINABLE.has(f) ? 'combine' : 'primary'])) as Record<MergeField, Rule>;

export const mergeBody = z.strictObject({
  primary: z.string().min(1).max(60),
  secondary: z.string().min(1).max(60),
  rules: z.partialRecord(z.enum(MERGE_FIELDS as [MergeField, ...MergeField[]]), z.enum(MERGE_RULES)).default({}),
  /** The versions the user saw in the preview: a change since then is a 412, not a surprise. */
  primaryVersion: z.number().int().optional(),
  secondaryVersion: z.number().int().optional(),
  note: z.string().trim().max(1000).optional(),
});
export type MergeInput = z.infer<typeof mergeBody>;

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The merged record's column values for one field under one rule. */
function pick(field: MergeField, rule: Rule, p: CustomerRow, s: CustomerRow): Partial<CustomerRow> {
  const cols = FIELDS[field] as readonly (keyof CustomerRow)[];
  const from = (c: CustomerRow) => Object.fromEntries(cols.map((k) => [k, c[k]])) as Partial<CustomerRow>;
  const lead = cols[0] === 'type' ? 'name' : cols[0];
  // primary/secondary/latest prefer their side and fall back to the other when it is empty.
  const prefer = (a: CustomerRow, b: CustomerRow) => (empty(a[lead]) && !empty(b[lead]) ? from(b) : from(a));
  if (rule === 'combine') {
    if (field === 'tags') return { tags: [...new Set([...(p.tags ?? []), ...(s.tags ?? [])])] };
    if (field === 'notes') return { notes: [p.notes, s.notes].filter((n) => !empty(n)).join('\n\n') || null };
    if (field === 'custom') return { custom: { ...(s.custom as object), ...(p.custom as object) } };
    throw unprocessable('invalid_merge_rule', `"${field}" cannot be combined.`, [{ field: `rules.${field}`, message: 'Use primary, secondary or latest.' }]);
  }
  if (rule === 'secondary') return prefer(s, p);
  if (rule === 'latest') return s.updatedAt > p.updatedAt ? prefer(s, p) : prefer(p, s);
  return prefer(p, s);
}

/** Both customers, locked in id order (two merges of the same pair cannot deadlock), visible to the actor. */
async function lockPair(tx: Db, actor: Actor, input: Pick<MergeInput, 'primary' | 'secondary'>) {
  const visible = visibleTo(actor);
  const a = await repo.findCustomer(tx, input.primary, visible);
  const b = await repo.findCustomer(tx, input.secondary, visible);
  if (!a) throw notFound('primary customer');
  if (!b) throw notFound('secondary customer');
  if (a.id === b.id) throw unprocessable('merge_with_itself', 'A customer cannot be merged with itself.', [{ field: 'secondary', message: 'Choose another customer.' }]);
  for (const id of [a.id, b.id].sort()) await repo.findCustomerForUpdate(tx, id, visible);
  const p = (await repo.findCustomer(tx, a.id, visible))!;
  const s = (await repo.findCustomer(tx, b.id, visible))!;
  for (const [c, field] of [[p, 'primary'], [s, 'secondary']] as const) {
    if (c.status === 'INACTIVE') throw unprocessable('merge_inactive', `${c.number} is inactive; only active customers are merged.`, [{ field, message: 'Inactive customer.' }]);
  }
  return { p, s };
}

function mergedValues(p: CustomerRow, s: CustomerRow, rules: Partial<Record<MergeField, Rule>>) {
  const values: Partial<CustomerRow> = {};
  for (const f of MERGE_FIELDS) Object.assign(values, pick(f, rules[f] ?? DEFAULT_RULES[f], p, s));
  if (values.type === 'individual' && values.taxId) {
    throw unprocessable('invalid_merge_rule', 'Only companies have a tax ID: the merged customer would be a person with one.', [{ field: 'rules.taxId', message: 'Take the name of the company, or drop the tax ID.' }]);
  }
  return values;
}

/** Side by side, with what the default (or given) rules would produce. */
export async function previewMerge(ctx: AppContext, actor: Actor, input: Pick<MergeInput, 'primary' | 'secondary' | 'rules'>) {
  return ctx.database.transaction(async (tx) => {
    const { p, s } = await lockPair(tx, actor, input);
    const merged = mergedValues(p, s, input.rules);
    const fields = MERGE_FIELDS.map((f) => {
      const lead = (FIELDS[f][0] === 'type' ? 'name' : FIELDS[f][0]) as keyof CustomerRow;
      const value = (c: Partial<CustomerRow>, owner: CustomerRow['owner']) => (f === 'owner' ? (owner?.name ?? null) : (c[lead] ?? null));
      const mergedOwner = merged.ownerId === p.ownerId ? p.owner : s.owner;
      return { field: f, rule: input.rules[f] ?? DEFAULT_RULES[f], combinable: COMBINABLE.has(f), primary: value(p, p.owner), secondary: value(s, s.owner), merged: value(merged, mergedOwner) };
    });
    return { primary: { id: p.id, number: p.number, name: p.name, version: p.version }, secondary: { id: s.id, number: s.number, name: s.name, version: s.version }, fields, references: await merge.customerReferences(tx) };
  });
}

/**
 * CUS-4 merge, atomic: the secondary becomes INACTIVE with a note, every record pointing at it moves
 * to the primary (tables found in the catalog), the primary takes the merged values, history on both.
 */
export async function mergeCustomers(ctx: AppContext, actor: Actor, input: MergeInput) {
  try {
    const result = await ctx.database.transaction(async (tx) => {
      const { p, s } = await lockPair(tx, actor, input);
      if ((input.primaryVersion !== undefined && input.primaryVersion !== p.version) || (input.secondaryVersion !== undefined && input.secondaryVersion !== s.version)) throw staleVersion();
      const merged = mergedValues(p, s, input.rules);
      if ((merged.ownerId !== p.ownerId || merged.teamId !== p.teamId) && !canAssign(actor)) throw forbidden('Only managers and admins take the owner from the other customer.');
      const when = new Date().toISOString().slice(0, 10);
      const mergeNote = `Merged into ${p.number} (${p.name}) on ${when} by ${actor.name}.${input.note ? ` ${input.note}` : ''}`;
      // The secondary leaves the active set first, so its phone/e-mail/tax ID may pass to the primary.
      await repo.updateCustomer(tx, s.id, s.version, { status: 'INACTIVE', notes: [s.notes, mergeNote].filter(Boolean).join('\n\n') });
      const duplicates = await repo.findDuplicates(tx, merged, p.id);
      if (duplicates.length) throw duplicateError(duplicates);
      await merge.demoteAddresses(tx, s.id);
      const moved: Record<string, number> = {};
      for (const ref of await merge.customerReferences(tx)) {
        const n = await merge.moveReference(tx, ref, s.id, p.id);
        if (n) moved[`${ref.table}.${ref.column}`] = n;
      }
      await repo.promoteOldestAddress(tx, p.id);
      await merge.addTotals(tx, p.id, s.id);
      const { owner: _o, team: _t, ...writable } = merged;
      const changes = diff(p as unknown as Record<string, unknown>, writable as Record<string, unknown>);
      if (!(await repo.updateCustomer(tx, p.id, p.version, writable))) throw staleVersion();
      await appendHistory(tx, [
        { entityType: 'customer', entityId: p.id, actorId: actor.userId, action: 'merged', changes: [...changes, { field: 'mergedFrom', from: null, to: s.number }, { field: 'movedRecords', from: null, to: moved }] },
        { entityType: 'customer', entityId: s.id, actorId: actor.userId, action: 'merged_into', changes: [{ field: 'status', from: s.status, to: 'INACTIVE' }, { field: 'mergedInto', from: null, to: p.number }] },
      ]);
      await recordEvent(tx, 'customer.merged', { customerId: p.id, number: p.number, mergedId: s.id, mergedNumber: s.number, moved, actorId: actor.userId });
      return { customer: await writtenCustomer(tx, p.id), moved };
    });
    ctx.afterCommit();
    return result;
  } catch (error) {
    const pg = postgresError(error);
    if (pg?.code === '23505' && !(error instanceof AppError)) {
      throw conflict('merge_conflict', 'Both customers have a record that can exist only once per customer (for example an open handover or a pool entry); finish one of them first.', [{ field: 'secondary', message: pg.constraint ?? 'unique' }]);
    }
    throw error;
  }
}
