import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { applyCustomValues } from '../../../platform/custom-fields/custom-fields.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, type FieldError, unprocessable } from '../../../platform/http/errors.ts';
import { unescapeCell } from '../../../platform/imports/cells.ts';
import { checkMapping, customLabels, mappedCells } from '../../../platform/imports/mapping.ts';
import { type CheckedTicket, checkNewTicket, createMemo, type CreateTicketInput, type DuplicateKey, type Memo, ticketsByKey, ticketVisibleTo, type UpdateTicketInput } from '../../tickets/index.ts';
import { rowValues, targetOf } from '../ticket-fields.ts';
import * as repo from '../ticket-import.repository.ts';
import { resolveRefs } from './resolve-refs.ts';
import { ownImport, ticketTargets } from './upload-import.ts';

/** Rows shown in the preview (the counts cover the whole file); problem and duplicate rows get their own lists. */
export const PREVIEW_ROWS = 200;

/** A valid row as the commit writes it: a new ticket, or the PATCH of the existing ticket it duplicates. */
export type StoredRow =
  | { line: number; kind: 'create'; input: CreateTicketInput; extra: { campaignRef: string | null; productInterest: string[]; externalRef: string | null; createdAt: string | null } }
  | { line: number; kind: 'duplicate'; ticket: { id: string; number: string }; update: UpdateTicketInput | null };

/**
 * Checks one new ticket by POST /tickets' own rules (schema, then checkNewTicket): the row's errors
 * by target, and what to write when there are none. An error already found on a target (say an
 * unknown customer) is not repeated by the create rules ("customer required").
 */
export async function checkRow(db: Db, actor: Actor, input: CreateTicketInput | null, known: FieldError[], memo: Memo): Promise<{ errors: FieldError[]; checked: CheckedTicket | null }> {
  const errors = [...known];
  if (!input) return { errors, checked: null };
  const check = await checkNewTicket(db, actor, input, memo);
  const seen = new Set(known.map((e) => e.field));
  for (const e of [...check.refusals, ...check.errors]) {
    const field = targetOf(e.field);
    if (!seen.has(field)) errors.push({ field, message: e.message });
  }
  return { errors, checked: errors.length ? null : check.checked };
}

/** The existing tickets the rows' duplicate key names, in one statement: key → ticket (or several). */
async function existingByKey(db: Db, actor: Actor, key: DuplicateKey, cells: Map<string, string>[]) {
  const norm = (v: string) => (key === 'number' ? v.toUpperCase() : v);
  const values = [...new Set(cells.map((c) => c.get(key)).filter((v): v is string => Boolean(v)).map(norm))];
  const found = new Map<string, { id: string; number: string }[]>();
  for (const t of await ticketsByKey(db, ticketVisibleTo(actor), key, values)) (found.get(t.key) ?? found.set(t.key, []).get(t.key)!).push({ id: t.id, number: t.number });
  return (c: Map<string, string>) => {
    const value = c.get(key);
    return value === undefined ? undefined : { value, tickets: found.get(norm(value)) ?? [] };
  };
}

/**
 * POST /tickets/import/:id/preview: the chosen mapping checked (refused whole, 422 naming
 * `mapping.<column>`), then every row — as a new ticket by POST /tickets' rules, or, when its
 * duplicate key matches a ticket the caller sees, as that ticket's duplicate (its cells parsed by
 * PATCH's schema). Nothing is written but the preview, which replaces an earlier one.
 */
export async function previewImport(ctx: AppContext, actor: Actor, importId: string, mapping: (string | null)[], duplicateKey: DuplicateKey) {
  const db = ctx.database.db;
  const imp = await ownImport(db, actor, importId);
  if (imp.committedAt) throw conflict('import_committed', `This file was already imported at ${imp.committedAt.toISOString()}; upload it again to import it anew.`);
  const { types, defs, fields } = await ticketTargets(db);
  const mappingErrors = checkMapping(mapping, imp.headers, fields, defs);
  if (mappingErrors.length) throw unprocessable('invalid_mapping', mappingErrors.map((e) => e.message).join(' '), mappingErrors);

  const cells = imp.records.map((r) => mappedCells(r.values, mapping, unescapeCell));
  const typeMap = new Map(types.map((t) => [t.key, t]));
  const refs = await resolveRefs(db, actor, cells);
  const duplicateOf = await existingByKey(db, actor, duplicateKey, cells);
  const memo = createMemo();
  const firstLineOf = new Map<string, number>();

  type Shown = { line: number; values: Record<string, string>; errors: FieldError[]; duplicateOf: { id: string; number: string } | null };
  const shown: Shown[] = [];
  const errorRows: Shown[] = [];
  const duplicateRows: Shown[] = [];
  const valid: StoredRow[] = [];
  for (const [i, record] of imp.records.entries()) {
    const row = rowValues(cells[i], refs[i].refs, typeMap, defs);
    const known: FieldError[] = [...refs[i].errors];
    if (record.values.length !== imp.headers.length) known.push({ field: 'row', message: `The row has ${record.values.length} values; the header has ${imp.headers.length}.` });
    const dup = duplicateOf(cells[i]);
    let match: { id: string; number: string } | null = null;
    if (dup) {
      // Two rows for one ticket: the first decides, the second is a problem (as the customer import skips a file duplicate).
      const earlier = firstLineOf.get(dup.value);
      if (earlier !== undefined) known.push({ field: duplicateKey, message: `Row ${earlier} has the same ${duplicateKey === 'number' ? 'ticket number' : 'external reference'}.` });
      else firstLineOf.set(dup.value, record.line);
      if (dup.tickets.length > 1) known.push({ field: duplicateKey, message: `Matches several tickets: ${dup.tickets.map((t) => t.number).join(', ')}.` });
      else if (dup.tickets.length === 1) match = dup.tickets[0];
      else if (duplicateKey === 'number') known.push({ field: 'number', message: 'No ticket you can see has this number; leave the cell empty to create a new ticket.' });
    }
    let errors: FieldError[];
    if (dup && !match && duplicateKey === 'number') {
      // The row names a ticket to change that is not there: it is not meant as a new ticket, so only that is its problem.
      errors = known;
    } else if (match) {
      // A duplicate is never created: its cells must make a valid change of that ticket — PATCH's schema and
      // the custom field rules here; the rest of PATCH's rules (and the ticket's version) at the commit.
      const custom = row.update?.custom ? applyCustomValues(defs, row.update.custom, {}, 'update').errors : [];
      errors = [...known, ...row.updateErrors, ...custom];
      if (!errors.length) valid.push({ line: record.line, kind: 'duplicate', ticket: match, update: row.update });
    } else {
      errors = (await checkRow(db, actor, row.input, [...known, ...row.errors], memo)).errors;
      if (!errors.length) valid.push({ line: record.line, kind: 'create', input: row.input!, extra: row.extra });
    }
    const entry: Shown = { line: record.line, values: Object.fromEntries(cells[i]), errors, duplicateOf: match };
    if (shown.length < PREVIEW_ROWS) shown.push(entry);
    if (errors.length && errorRows.length < PREVIEW_ROWS) errorRows.push(entry);
    if (match && !errors.length && duplicateRows.length < PREVIEW_ROWS) duplicateRows.push(entry);
  }

  const total = imp.records.length;
  const duplicates = valid.filter((r) => r.kind === 'duplicate').length;
  await repo.savePreview(db, importId, { mapping, duplicateKey, valid: valid.length, rows: valid, errors: errorRows });
  return {
    importId,
    fileName: imp.fileName,
    total,
    valid: valid.length,
    invalid: total - valid.length,
    duplicates,
    columns: mapping.filter((m): m is string => Boolean(m)),
    customLabels: customLabels(defs),
    rows: shown,
    errorRows,
    duplicateRows,
  };
}
