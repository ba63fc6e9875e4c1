import type { Actor } from '../../../platform/auth/actor.ts';
import { applyCustomValues, type CustomFieldDefinition, type CustomValues } from '../../../platform/custom-fields/custom-fields.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import type { TypeRow } from '../config.repository.ts';
import * as config from '../config.repository.ts';
import { canAssign, isClient } from '../tickets.policy.ts';

/** TKT-2: the type's declared fields, checked like custom fields; errors name `typeFields.<key>`. */
export function checkTypeFields(type: TypeRow, input: CustomValues | undefined, current: CustomValues, mode: 'create' | 'update') {
  const defs = type.fields.map((f) => ({ ...f, options: f.options ?? [], clientAccess: 'editable' as const }));
  const { values, errors } = applyCustomValues(defs, input, current, mode);
  return { values, errors: errors.map((e) => ({ ...e, field: e.field.replace(/^custom\./, 'typeFields.') })) };
}

const notYours = (field: string): FieldError => ({ field, message: 'Clients cannot set this field.' });

/**
 * PLT-11 custom fields of a ticket being written (decision 0007). Staff: every field, each required
 * one on create. A client: only the active fields editable for clients (any other key, hidden, visible
 * or unknown alike, is a `refusal` naming `custom.<key>`), and only those are required of them — a
 * required field they cannot fill never blocks the portal; staff fill it before resolving.
 */
export async function checkCustomFields(db: Db, actor: Actor, input: CustomValues | undefined, current: CustomValues, mode: 'create' | 'update') {
  const none = [] as FieldError[];
  if (input === undefined && mode === 'update') return { values: current, errors: none, refusals: none };
  return customFieldsAgainst(await definitionsFor(db, 'ticket'), actor, input, current, mode);
}

/** checkCustomFields against definitions already read (POST /tickets reads them with its other lookups). */
export function customFieldsAgainst(defs: CustomFieldDefinition[], actor: Actor, input: CustomValues | undefined, current: CustomValues, mode: 'create' | 'update') {
  const none = [] as FieldError[];
  if (!isClient(actor)) return { ...applyCustomValues(defs, input, current, mode), refusals: none };
  const editable = defs.filter((d) => d.active && d.clientAccess === 'editable');
  const refusals = Object.keys(input ?? {}).filter((key) => !editable.some((d) => d.key === key)).map((key) => notYours(`custom.${key}`));
  if (refusals.length) return { values: current, errors: none, refusals };
  return { ...applyCustomValues(editable, input, current, mode), refusals: none };
}

/** TKT-3 + decision 0007: staff resolve a ticket only with every active required custom field filled. */
export async function missingRequiredFields(db: Db, custom: CustomValues): Promise<FieldError[]> {
  const defs = await definitionsFor(db, 'ticket');
  return defs.filter((d) => d.active && d.required && (custom[d.key] === undefined || custom[d.key] === null)).map((d) => ({ field: `custom.${d.key}`, message: 'Required.' }));
}

/**
 * SPEC §10: what a client may not set is refused by name, never silently dropped. Clients write
 * title, description, type fields, priority and component on create; title, description and type
 * fields later; custom fields editable for clients always (checkCustomFields refuses the others).
 */
export function clientRefusals(actor: Actor, input: Record<string, unknown>, mode: 'create' | 'update'): FieldError[] {
  if (!isClient(actor)) return [];
  const errors: FieldError[] = [];
  const refused = mode === 'create' ? ['processorId', 'tags', 'campaignRef', 'productInterest'] : ['processorId', 'componentId', 'customerId', 'tags', 'category', 'priority', 'followUpAt', 'campaignRef', 'productInterest'];
  for (const field of refused) if (input[field] !== undefined) errors.push(notYours(field));
  if (mode === 'create' && input.customerId !== undefined && input.customerId !== actor.customerId) errors.push({ field: 'customerId', message: 'Clients open tickets for their own customer only.' });
  if (mode === 'create' && input.source !== undefined && input.source !== 'portal') errors.push(notYours('source'));
  return errors;
}

/**
 * Processor, component and customer references: they must exist, be active and (customers) be
 * visible to the writer. Choosing a processor, or moving an existing ticket to another component, is
 * assignment; anyone who opens a ticket picks its queue.
 */
export async function checkReferences(db: Db, actor: Actor, input: ReferenceInput, current: { processorId: string | null; componentId: string | null; customerId: string | null }, creating: boolean) {
  return referenceErrors(actor, input, current, creating, {
    activeStaff: async (id) => (await config.activeStaffIds(db, [id])).length > 0,
    activeComponent: (id) => config.activeComponentExists(db, id),
    visibleCustomer: async (id) => Boolean(await config.customerContact(db, id, actor)),
  });
}

type ReferenceInput = { processorId?: string | null; componentId?: string | null; customerId?: string };

/** How referenceErrors learns whether a reference holds: queries, or facts already looked up. */
export interface ReferenceFacts {
  activeStaff(id: string): Promise<boolean> | boolean;
  activeComponent(id: string): Promise<boolean> | boolean;
  visibleCustomer(id: string): Promise<boolean> | boolean;
}

/** checkReferences' rules, asking `facts` only about the references the write changes. */
export async function referenceErrors(actor: Actor, input: ReferenceInput, current: { processorId: string | null; componentId: string | null; customerId: string | null }, creating: boolean, facts: ReferenceFacts) {
  const errors: FieldError[] = [];
  if (input.processorId !== undefined && input.processorId !== current.processorId) {
    if (!canAssign(actor) && !(input.processorId === null && current.processorId === actor.userId)) errors.push({ field: 'processorId', message: 'You may not choose the processor.' });
    else if (input.processorId && !(await facts.activeStaff(input.processorId))) errors.push({ field: 'processorId', message: 'Not an active staff member.' });
  }
  if (input.componentId !== undefined && input.componentId !== current.componentId) {
    if (!creating && !canAssign(actor)) errors.push({ field: 'componentId', message: 'You may not move tickets between components.' });
    else if (input.componentId && !(await facts.activeComponent(input.componentId))) errors.push({ field: 'componentId', message: 'No such active component.' });
  }
  if (input.customerId !== undefined && input.customerId !== current.customerId && !isClient(actor)) {
    if (!(await facts.visibleCustomer(input.customerId))) errors.push({ field: 'customerId', message: 'No such customer visible to you.' });
  }
  return errors;
}
