import type { Actor } from '../../../platform/auth/actor.ts';
import { applyCustomValues, type CustomValues } from '../../../platform/custom-fields/custom-fields.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import type { TypeRow } from '../config.repository.ts';
import * as config from '../config.repository.ts';
import { canAssign, isClient } from '../tickets.policy.ts';

/** TKT-2: the type's declared fields, checked like custom fields; errors name `typeFields.<key>`. */
export function checkTypeFields(type: TypeRow, input: CustomValues | undefined, current: CustomValues, mode: 'create' | 'update') {
  const defs = type.fields.map((f) => ({ ...f, options: f.options ?? [] }));
  const { values, errors } = applyCustomValues(defs, input, current, mode);
  return { values, errors: errors.map((e) => ({ ...e, field: e.field.replace(/^custom\./, 'typeFields.') })) };
}

export async function checkCustomFields(db: Db, input: CustomValues | undefined, current: CustomValues, mode: 'create' | 'update') {
  if (input === undefined && mode === 'update') return { values: current, errors: [] as FieldError[] };
  return applyCustomValues(await definitionsFor(db, 'ticket'), input, current, mode);
}

const notYours = (field: string): FieldError => ({ field, message: 'Clients cannot set this field.' });

/**
 * SPEC §10: what a client may not set is refused by name, never silently dropped. Clients write
 * title, description, type fields, priority and component on create; title, description and type
 * fields later.
 */
export function clientRefusals(actor: Actor, input: Record<string, unknown>, mode: 'create' | 'update'): FieldError[] {
  if (!isClient(actor)) return [];
  const errors: FieldError[] = [];
  const refused = mode === 'create' ? ['processorId', 'custom', 'tags', 'campaignRef', 'productInterest'] : ['processorId', 'componentId', 'customerId', 'custom', 'tags', 'category', 'priority', 'followUpAt', 'campaignRef', 'productInterest'];
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
export async function checkReferences(db: Db, actor: Actor, input: { processorId?: string | null; componentId?: string | null; customerId?: string }, current: { processorId: string | null; componentId: string | null; customerId: string | null }, creating: boolean) {
  const errors: FieldError[] = [];
  if (input.processorId !== undefined && input.processorId !== current.processorId) {
    if (!canAssign(actor) && !(input.processorId === null && current.processorId === actor.userId)) errors.push({ field: 'processorId', message: 'You may not choose the processor.' });
    else if (input.processorId && !(await config.activeStaffIds(db, [input.processorId])).length) errors.push({ field: 'processorId', message: 'Not an active staff member.' });
  }
  if (input.componentId !== undefined && input.componentId !== current.componentId) {
    if (!creating && !canAssign(actor)) errors.push({ field: 'componentId', message: 'You may not move tickets between components.' });
    else if (input.componentId && !(await config.activeComponentExists(db, input.componentId))) errors.push({ field: 'componentId', message: 'No such active component.' });
  }
  if (input.customerId !== undefined && input.customerId !== current.customerId && !isClient(actor)) {
    if (!(await config.customerContact(db, input.customerId, actor))) errors.push({ field: 'customerId', message: 'No such customer visible to you.' });
  }
  return errors;
}
