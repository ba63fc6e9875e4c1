import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { type FieldError, unprocessable } from '../../../platform/http/errors.ts';
import { type CheckedTicket, checkNewTicket, createMemo, type CreateTicketInput, listTicketTypes, type Memo } from '../../tickets/index.ts';
import { readUpload } from '../read-upload.ts';
import { columnOf, readHeader, rowInput } from '../rows.ts';
import * as repo from '../ticket-import.repository.ts';
import { resolveRefs } from './resolve-refs.ts';

/** Rows shown in the preview (the counts cover the whole file); invalid rows get their own list. */
export const PREVIEW_ROWS = 200;

export interface StoredRow {
  line: number;
  input: CreateTicketInput;
  extra: { campaignRef: string | null; productInterest: string[] };
}

/**
 * Checks one row by POST /tickets' own rules (schema, then checkNewTicket): the row's errors by
 * column, and what to write when there are none. An error already found on a column (say an
 * unknown customer) is not repeated by the create rules ("customer required").
 */
export async function checkRow(db: Db, actor: Actor, input: CreateTicketInput | null, known: FieldError[], memo: Memo): Promise<{ errors: FieldError[]; checked: CheckedTicket | null }> {
  const errors = [...known];
  if (!input) return { errors, checked: null };
  const check = await checkNewTicket(db, actor, input, memo);
  const seen = new Set(known.map((e) => e.field));
  for (const e of [...check.refusals, ...check.errors]) {
    const field = columnOf(e.field);
    if (!seen.has(field)) errors.push({ field, message: e.message });
  }
  return { errors, checked: errors.length ? null : check.checked };
}

/** POST /tickets/import/preview: parse, check every row, keep the valid ones server-side (ticket_imports). */
export async function previewImport(ctx: AppContext, actor: Actor, request: FastifyRequest) {
  // Each new preview first clears previews and commit markers older than a day: the table stays small.
  await repo.deleteOldImports(ctx.database.db);
  const upload = await readUpload(request, { tmpDir: path.join(ctx.config.filesDir, 'tmp'), maxMb: await ctx.settings.get('uploads.maxMb') });
  const head = readHeader(upload.header);
  // Columns the import cannot use: the file's content is refused (422), as an unusable customer-import mapping is.
  if ('error' in head) throw unprocessable('invalid_mapping', head.error, [{ field: 'file', message: head.error }]);
  const { columns } = head;
  const db = ctx.database.db;
  const cells = upload.records.map((r) => Object.fromEntries(columns.map((c, i) => [c, r.values[i] ?? ''])));
  const types = new Map((await listTicketTypes(db)).map((t) => [t.key, t]));
  const refs = await resolveRefs(db, actor, cells);
  const memo = createMemo();

  const shown: { line: number; values: Record<string, string>; errors: FieldError[] }[] = [];
  const errorRows: typeof shown = [];
  const valid: StoredRow[] = [];
  for (const [i, record] of upload.records.entries()) {
    const row = rowInput(cells[i], refs[i].refs, types);
    const known = [...refs[i].errors, ...row.errors];
    if (record.values.slice(columns.length).some((v) => v.trim())) known.push({ field: 'file', message: `More values than the ${columns.length} columns of the header.` });
    const { errors } = await checkRow(db, actor, row.input, known, memo);
    if (!errors.length) valid.push({ line: record.line, input: row.input!, extra: row.extra });
    const entry = { line: record.line, values: cells[i], errors };
    if (shown.length < PREVIEW_ROWS) shown.push(entry);
    if (errors.length && errorRows.length < PREVIEW_ROWS) errorRows.push(entry);
  }

  const importId = randomUUID();
  const total = upload.records.length;
  // Kept until the commit: the valid rows as they will be written, and the errors shown.
  await repo.insertImport(db, { id: importId, ownerId: actor.userId, total, valid: valid.length, rows: valid, errors: errorRows });
  return { importId, fileName: upload.fileName, total, valid: valid.length, invalid: total - valid.length, columns, rows: shown, errorRows };
}
