import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { appendHistory, type HistoryEntry } from '../../../platform/audit/history.ts';
import type { AppContext } from '../../../platform/context.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import type { Db } from '../../../platform/db/database.ts';
import { postgresError } from '../../../platform/db/pg-error.ts';
import { recordEvent } from '../../../platform/events/outbox.ts';
import { isBlank, readRecords } from '../csv.ts';
import { type RowContext, validateRow, type ValidRow } from '../import-rows.ts';
import * as repo from '../import.repository.ts';
import { activeStaffByEmail } from '../staff.repository.ts';
import { updateFromRow } from './update-from-row.ts';
import { importFile } from './upload-import.ts';

export const BATCH_ROWS = 1000;

/** The data records of an import's file, with their spreadsheet row numbers, in batches. */
async function* batches(ctx: AppContext, imp: repo.ImportRow, afterLine = 0): AsyncGenerator<{ line: number; values: string[] }[]> {
  let batch: { line: number; values: string[] }[] = [];
  let header = false;
  for await (const { row, values } of readRecords(importFile(ctx, imp.id), imp.encoding as 'utf-8', imp.delimiter)) {
    if (isBlank(values)) continue;
    if (!header) {
      header = true;
      continue;
    }
    if (row <= afterLine) continue;
    batch.push({ line: row, values });
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function rowContext(ctx: AppContext, actor: Actor): Promise<RowContext> {
  return { actor, defs: await definitionsFor(ctx.database.db, 'customer'), staff: await activeStaffByEmail(ctx.database.db) };
}

const keysOf = (r: ValidRow) => ({ phone: r.values.phone ?? null, email: r.values.email ?? null, taxId: r.values.taxId ?? null });

/**
 * The preview: every row validated exactly as the create use case would, its keys staged, then the
 * duplicates within the file and against active customers found by SQL. Nothing is imported.
 */
export async function previewPass(ctx: AppContext, actor: Actor, imp: repo.ImportRow) {
  await ctx.database.transaction(async (tx) => {
    await repo.clearPhase(tx, imp.id, 'preview');
    await repo.setImport(tx, imp.id, { processedRows: 0, validRows: 0, invalidRows: 0, duplicateRows: 0, fileDuplicateRows: 0 });
  });
  const rc = await rowContext(ctx, actor);
  for await (const batch of batches(ctx, imp)) {
    const keyRows: Parameters<typeof repo.insertKeys>[2] = [];
    const issues: repo.IssueInsert[] = [];
    for (const { line, values } of batch) {
      const result = validateRow(values, imp.headers, imp.mapping!, rc);
      if (result.row) keyRows.push({ line, ...keysOf(result.row) });
      else issues.push(...result.errors.map((e, i) => ({ line, kind: 'error', field: e.field, message: e.message, raw: i === 0 ? values : null })));
    }
    await ctx.database.transaction(async (tx) => {
      await repo.insertKeys(tx, imp.id, keyRows);
      await repo.insertIssues(tx, imp.id, 'preview', issues);
      await repo.addCounts(tx, imp.id, { processedRows: batch.length, validRows: keyRows.length, invalidRows: batch.length - keyRows.length });
    });
  }
  await ctx.database.transaction(async (tx) => {
    const dup = await repo.markDuplicates(tx, imp.id);
    await repo.setImport(tx, imp.id, { status: 'ready', duplicateRows: dup.existing, fileDuplicateRows: dup.file }, ['validating']);
  });
}

interface Tally {
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  failedCount: number;
}

/** Writes one batch in one transaction; `careful` isolates each new row (after a concurrent duplicate). */
async function writeBatch(ctx: AppContext, tx: Db, actor: Actor, imp: repo.ImportRow, rc: RowContext, batch: { line: number; values: string[] }[], careful: boolean) {
  const tally: Tally = { createdCount: 0, updatedCount: 0, skippedCount: 0, failedCount: 0 };
  const issues: repo.IssueInsert[] = [];
  const from = batch[0].line;
  const last = batch[batch.length - 1].line;
  const fileDups = await repo.fileDuplicateLines(tx, imp.id, from, last);
  const valid: { line: number; values: string[]; row: ValidRow }[] = [];
  for (const { line, values } of batch) {
    const result = validateRow(values, imp.headers, imp.mapping!, rc);
    if (!result.row) {
      tally.failedCount++;
      issues.push(...result.errors.map((e, i) => ({ line, kind: 'error', field: e.field, message: e.message, raw: i === 0 ? values : null })));
    } else if (fileDups.has(line)) {
      tally.skippedCount++;
      issues.push({ line, kind: 'file_duplicate', field: null, message: 'Skipped: an earlier row of the file has the same phone, e-mail or tax ID.', raw: values });
    } else valid.push({ line, values, row: result.row });
  }
  const existing = await repo.existingByKeys(tx, {
    phones: valid.flatMap((v) => (v.row.values.phone ? [v.row.values.phone] : [])),
    emails: valid.flatMap((v) => (v.row.values.email ? [v.row.values.email] : [])),
    taxIds: valid.flatMap((v) => (v.row.values.taxId ? [v.row.values.taxId] : [])),
  });
  const creates: typeof valid = [];
  for (const v of valid) {
    const k = keysOf(v.row);
    const matches = existing.filter((e) => (k.phone && e.phone === k.phone) || (k.email && e.email?.toLowerCase() === k.email) || (k.taxId && e.taxId === k.taxId));
    if (!matches.length) creates.push(v);
    else if (imp.duplicateMode !== 'update') {
      tally.skippedCount++;
      const m = matches[0];
      issues.push({ line: v.line, kind: 'duplicate', field: null, message: `Skipped: duplicate of ${m.number} (${m.name}).`, existingId: m.id, existingNumber: m.number, existingName: m.name, raw: v.values });
    } else if (new Set(matches.map((m) => m.id)).size > 1) {
      tally.failedCount++;
      issues.push({ line: v.line, kind: 'error', field: null, message: `Matches several customers: ${[...new Set(matches.map((m) => m.number))].join(', ')}.`, raw: v.values });
    } else {
      const outcome = await updateFromRow(tx, actor, rc, matches[0].id, v.row, imp.id);
      if (outcome === 'updated') tally.updatedCount++;
      else if (outcome === 'unchanged') tally.skippedCount++;
      else {
        tally.failedCount++;
        issues.push({ line: v.line, kind: 'error', field: outcome.field, message: outcome.message, existingNumber: matches[0].number, raw: v.values });
      }
    }
  }
  const created: { id: string; number: string; v: (typeof creates)[number] }[] = [];
  if (!careful) {
    const ids = await repo.insertCustomers(tx, creates.map((c) => c.row.values));
    ids.forEach((r, i) => created.push({ ...r, v: creates[i] }));
  } else {
    for (const c of creates) {
      await tx.execute(sql`savepoint import_row`);
      try {
        const [r] = await repo.insertCustomers(tx, [c.row.values]);
        await tx.execute(sql`release savepoint import_row`);
        created.push({ ...r, v: c });
      } catch (error) {
        if (postgresError(error)?.code !== '23505') throw error;
        await tx.execute(sql`rollback to savepoint import_row`);
        tally.failedCount++;
        issues.push({ line: c.line, kind: 'duplicate', field: null, message: 'Another user created a customer with the same phone, e-mail or tax ID meanwhile.', raw: c.values });
      }
    }
  }
  tally.createdCount = created.length;
  await repo.insertAddresses(tx, created.flatMap((c) => (c.v.row.address ? [{ ...c.v.row.address, customerId: c.id }] : [])));
  const history: HistoryEntry[] = created.map((c) => ({
    entityType: 'customer',
    entityId: c.id,
    actorId: actor.userId,
    action: 'imported',
    changes: [
      { field: 'number', from: null, to: c.number },
      { field: 'name', from: null, to: c.v.row.values.name },
      { field: 'status', from: null, to: c.v.row.values.status ?? 'LEAD' },
      { field: 'ownerId', from: null, to: c.v.row.values.ownerId },
      { field: 'import', from: null, to: `${imp.fileName} row ${c.v.line}` },
    ],
  }));
  await appendHistory(tx, history);
  if (created.length) await recordEvent(tx, 'customers.imported', { importId: imp.id, customerIds: created.map((c) => c.id), actorId: actor.userId });
  await repo.insertIssues(tx, imp.id, 'import', issues);
  await repo.addCounts(tx, imp.id, { processedRows: batch.length, ...tally }, last);
}

/** The end-of-import notification in the importer's language (PLT-6): the bell shows it as written. */
const FINISHED = {
  en: { title: (f: string) => `Import of ${f} finished`, body: (c: number, u: number, s: number, x: number) => `${c} created, ${u} updated, ${s} skipped, ${x} failed.` },
  vi: { title: (f: string) => `Đã nhập xong ${f}`, body: (c: number, u: number, s: number, x: number) => `${c} đã tạo, ${u} đã cập nhật, ${s} bỏ qua, ${x} thất bại.` },
  bg: { title: (f: string) => `Импортът на ${f} приключи`, body: (c: number, u: number, s: number, x: number) => `${c} създадени, ${u} обновени, ${s} пропуснати, ${x} неуспешни.` },
  zh: { title: (f: string) => `${f} 导入完成`, body: (c: number, u: number, s: number, x: number) => `已创建 ${c}，已更新 ${u}，已跳过 ${s}，失败 ${x}。` },
};

/** The import: batches of 1,000 rows, each in its own transaction with its counts (a retry resumes). */
export async function importPass(ctx: AppContext, actor: Actor, imp: repo.ImportRow) {
  const rc = await rowContext(ctx, actor);
  for await (const batch of batches(ctx, imp, imp.lastLine)) {
    try {
      await ctx.database.transaction((tx) => writeBatch(ctx, tx, actor, imp, rc, batch, false));
    } catch (error) {
      // A customer with the same key was created between our check and our insert: redo row by row.
      if (postgresError(error)?.code !== '23505') throw error;
      await ctx.database.transaction((tx) => writeBatch(ctx, tx, actor, imp, rc, batch, true));
    }
    ctx.afterCommit();
  }
  await ctx.database.transaction(async (tx) => {
    const done = await repo.lockImport(tx, imp.id);
    await repo.setImport(tx, imp.id, { status: 'completed', finishedAt: new Date() }, ['importing']);
    await repo.dropKeys(tx, imp.id);
    const words = FINISHED[actor.language as keyof typeof FINISHED] ?? FINISHED.en;
    await ctx.notifications.notify(tx, imp.createdBy, {
      kind: 'customer_import.finished',
      title: words.title(imp.fileName).slice(0, 200),
      body: words.body(done!.createdCount, done!.updatedCount, done!.skippedCount, done!.failedCount),
      link: `/customers/import?id=${imp.id}`,
      data: { importId: imp.id },
    });
  });
  ctx.afterCommit();
  await fs.promises.rm(importFile(ctx, imp.id), { force: true });
}
