import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import type { Db } from '../../../platform/db/database.ts';
import { postgresError } from '../../../platform/db/pg-error.ts';
import { dataRecords, type FileEncoding } from '../../../platform/imports/csv-file.ts';
import { type RowContext, validateRow, type ValidRow } from '../import-rows.ts';
import * as repo from '../import.repository.ts';
import * as staging from '../staging.repository.ts';
import { activeStaffByEmail } from '../staff.repository.ts';
import { updateFromRow } from './update-from-row.ts';
import { importFile } from './upload-import.ts';
import { customerImportTexts as t } from '../customer-import.texts.ts';

/**
 * Rows per batch (one transaction each, counts committed with it): large enough that the per-statement
 * cost disappears, small enough that the progress bar moves and a unique-violation retry stays short.
 */
export const BATCH_ROWS = 5000;

/**
 * Validation is synchronous JavaScript (about 20 µs a row): done for a whole batch in one go it would
 * hold the event loop for ~100 ms at a time, stalling every other request and the batch's own database
 * round trips (measured: the 100,000-row preview took 5.9 s, 3.8 s with these pauses). Between slices
 * of this many rows the loop serves what is waiting.
 */
const YIELD_EVERY = 250;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The data records of an import's file, with their spreadsheet row numbers, in batches. */
async function* batches(ctx: AppContext, imp: repo.ImportRow): AsyncGenerator<{ line: number; values: string[] }[]> {
  let batch: { line: number; values: string[] }[] = [];
  for await (const record of dataRecords(importFile(ctx, imp.id), imp.encoding as FileEncoding, imp.delimiter)) {
    batch.push(record);
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

/** Everything a row's validation depends on besides the row: the import trusts staged rows only while it is the same. */
function contextHash(rc: RowContext): string {
  const staff = [...rc.staff.entries()].sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify({ actor: [rc.actor.userId, rc.actor.role], defs: rc.defs, staff })).digest('hex');
}

const keysOf = (r: ValidRow) => ({ phone: r.values.phone ?? null, email: r.values.email ?? null, tax_id: r.values.taxId ?? null });
const NO_KEYS = { phone: null, email: null, tax_id: null };
const errorIssues = (line: number, values: string[], errors: { field: string; message: string }[]): repo.IssueInsert[] =>
  errors.map((e, i) => ({ line, kind: 'error', field: e.field, message: e.message, raw: i === 0 ? values : null }));

/**
 * The preview, the one pass that parses and validates the file: every row validated exactly as the
 * create use case would, staged with its keys and the values to write, then the duplicates within the
 * file and against active customers found by SQL. Nothing is imported.
 */
export async function previewPass(ctx: AppContext, actor: Actor, imp: repo.ImportRow) {
  await ctx.database.transaction(async (tx) => {
    await repo.clearPhase(tx, imp.id, 'preview');
    await repo.setImport(tx, imp.id, { processedRows: 0, validRows: 0, invalidRows: 0, duplicateRows: 0, fileDuplicateRows: 0, contextHash: null });
  });
  const rc = await rowContext(ctx, actor);
  // Validating is JavaScript work and staging is the database's: the next batch is validated while the
  // previous one is written (never more than one write in flight, so memory stays at two batches).
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const batch of batches(ctx, imp)) {
      const staged: staging.StagedRow[] = [];
      const issues: repo.IssueInsert[] = [];
      let valid = 0;
      for (const [i, { line, values }] of batch.entries()) {
        if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
        const result = validateRow(values, imp.headers, imp.mapping!, rc);
        if (result.row) {
          valid++;
          staged.push({ line, ...keysOf(result.row), raw: values, data: staging.stagedData(result.row) });
        } else {
          staged.push({ line, ...NO_KEYS, raw: values, data: null });
          issues.push(...errorIssues(line, values, result.errors));
        }
      }
      await writing;
      writing = ctx.database.transaction(async (tx) => {
        await staging.stageRows(tx, imp.id, staged);
        await repo.insertIssues(tx, imp.id, 'preview', issues);
        await repo.addCounts(tx, imp.id, { processedRows: batch.length, validRows: valid, invalidRows: batch.length - valid });
      });
      writing.catch(() => undefined); // awaited below or at the next batch; never an unhandled rejection
    }
  } finally {
    await writing;
  }
  await ctx.database.transaction(async (tx) => {
    const dup = await repo.markDuplicates(tx, imp.id);
    await repo.setImport(tx, imp.id, { status: 'ready', duplicateRows: dup.existing, fileDuplicateRows: dup.file, contextHash: contextHash(rc) }, ['validating']);
  });
}

interface Tally {
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  failedCount: number;
}

/**
 * Validates a batch's staged rows again (custom fields, staff or the actor changed since the preview):
 * new keys and values staged, the row problems of now. Returns those problems.
 */
async function revalidate(tx: Db, imp: repo.ImportRow, rc: RowContext, lines: number[]): Promise<{ issues: repo.IssueInsert[]; failed: number }> {
  const raw = await staging.stagedRaw(tx, imp.id, lines);
  const rows: Omit<staging.StagedRow, 'raw'>[] = [];
  const issues: repo.IssueInsert[] = [];
  let failed = 0;
  for (const [i, line] of lines.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
    const values = raw.get(line)!;
    const result = validateRow(values, imp.headers, imp.mapping!, rc);
    if (result.row) rows.push({ line, ...keysOf(result.row), data: staging.stagedData(result.row) });
    else {
      failed++;
      rows.push({ line, ...NO_KEYS, data: null });
      issues.push(...errorIssues(line, values, result.errors));
    }
  }
  await staging.restageRows(tx, imp.id, rows);
  return { issues, failed };
}

/**
 * Writes one batch of staged lines in one transaction, set-based: what can have changed since the
 * preview — active customers with the same keys — is checked again by one query; the new customers
 * (with addresses, history and the event) are one statement. `careful` creates line by line, so a
 * customer created concurrently with the same key fails only its own line.
 */
async function writeBatch(tx: Db, actor: Actor, imp: repo.ImportRow, rc: RowContext, batch: { line: number; valid: boolean }[], careful: boolean, fresh: boolean) {
  const tally: Tally = { createdCount: 0, updatedCount: 0, skippedCount: 0, failedCount: 0 };
  const issues: repo.IssueInsert[] = [];
  const from = batch[0].line;
  const last = batch[batch.length - 1].line;
  let valid = new Set(batch.filter((b) => b.valid).map((b) => b.line));
  if (fresh) {
    await staging.copyPreviewErrors(tx, imp.id, from, last);
    tally.failedCount = batch.length - valid.size;
  } else {
    const again = await revalidate(tx, imp, rc, batch.map((b) => b.line));
    issues.push(...again.issues);
    tally.failedCount = again.failed;
    const bad = new Set(again.issues.map((i) => i.line));
    valid = new Set(batch.map((b) => b.line).filter((l) => !bad.has(l)));
  }
  const fileDups = [...(await repo.fileDuplicateLines(tx, imp.id, from, last))].filter((l) => valid.has(l));
  const matches = new Map<number, staging.Match[]>();
  for (const m of await staging.activeMatches(tx, imp.id, from, last)) if (!fileDups.includes(m.line)) matches.set(m.line, [...(matches.get(m.line) ?? []), m]);
  // Rows written into an issue are reported as they were in the file; rows to update are validated again for their cells.
  const raw = await staging.stagedRaw(tx, imp.id, [...fileDups, ...matches.keys()]);
  for (const line of fileDups) {
    tally.skippedCount++;
    issues.push({ line, kind: 'file_duplicate', field: null, message: 'Skipped: an earlier row of the file has the same phone, e-mail or tax ID.', raw: raw.get(line)! });
  }
  for (const [line, found] of matches) {
    const values = raw.get(line)!;
    const ids = new Set(found.map((m) => m.id));
    if (imp.duplicateMode !== 'update') {
      tally.skippedCount++;
      const m = found[0];
      issues.push({ line, kind: 'duplicate', field: null, message: `Skipped: duplicate of ${m.number} (${m.name}).`, existingId: m.id, existingNumber: m.number, existingName: m.name, raw: values });
    } else if (ids.size > 1) {
      tally.failedCount++;
      issues.push({ line, kind: 'error', field: null, message: `Matches several customers: ${[...new Set(found.map((m) => m.number))].join(', ')}.`, raw: values });
    } else {
      const { row, errors } = validateRow(values, imp.headers, imp.mapping!, rc);
      const outcome = row ? await updateFromRow(tx, actor, rc, found[0].id, row, imp.id) : errors[0];
      if (outcome === 'updated') tally.updatedCount++;
      else if (outcome === 'unchanged') tally.skippedCount++;
      else {
        tally.failedCount++;
        issues.push({ line, kind: 'error', field: outcome.field, message: outcome.message, existingNumber: found[0].number, raw: values });
      }
    }
  }
  const exclude = [...fileDups, ...matches.keys()];
  const create = { importId: imp.id, actorId: actor.userId, fileName: imp.fileName, exclude };
  if (!careful) tally.createdCount = await staging.createStaged(tx, { ...create, from, to: last });
  else {
    const skip = new Set(exclude);
    const lines = [...valid].filter((l) => !skip.has(l)).sort((a, b) => a - b);
    const raws = await staging.stagedRaw(tx, imp.id, lines);
    for (const line of lines) {
      await tx.execute(sql`savepoint import_row`);
      try {
        tally.createdCount += await staging.createStaged(tx, { ...create, from: line, to: line });
        await tx.execute(sql`release savepoint import_row`);
      } catch (error) {
        if (postgresError(error)?.code !== '23505') throw error;
        await tx.execute(sql`rollback to savepoint import_row`);
        tally.failedCount++;
        issues.push({ line, kind: 'duplicate', field: null, message: 'Another user created a customer with the same phone, e-mail or tax ID meanwhile.', raw: raws.get(line)! });
      }
    }
  }
  await repo.insertIssues(tx, imp.id, 'import', issues);
  await repo.addCounts(tx, imp.id, { processedRows: batch.length, ...tally }, last);
}

/** The end-of-import notification in the importer's language (PLT-6): the bell shows it as written. */
/** The import: batches of staged rows, each in its own transaction with its counts (a retry resumes after lastLine). */
export async function importPass(ctx: AppContext, actor: Actor, imp: repo.ImportRow) {
  const rc = await rowContext(ctx, actor);
  const fresh = imp.contextHash === contextHash(rc);
  let after = imp.lastLine;
  for (;;) {
    const batch = await staging.nextLines(ctx.database.db, imp.id, after, BATCH_ROWS);
    if (!batch.length) break;
    try {
      await ctx.database.transaction((tx) => writeBatch(tx, actor, imp, rc, batch, false, fresh));
    } catch (error) {
      // A customer with the same key was created between our check and our insert: redo row by row.
      if (postgresError(error)?.code !== '23505') throw error;
      await ctx.database.transaction((tx) => writeBatch(tx, actor, imp, rc, batch, true, fresh));
    }
    ctx.afterCommit();
    after = batch[batch.length - 1].line;
  }
  await ctx.database.transaction(async (tx) => {
    const done = await repo.lockImport(tx, imp.id);
    await repo.setImport(tx, imp.id, { status: 'completed', finishedAt: new Date() }, ['importing']);
    await repo.dropKeys(tx, imp.id);
    await ctx.notifications.notify(tx, imp.createdBy, {
      kind: 'customer_import.finished',
      title: t.localized('finished.title', { file: imp.fileName }),
      body: t.localized('finished.body', { created: done!.createdCount, updated: done!.updatedCount, skipped: done!.skippedCount, failed: done!.failedCount }),
      link: `/customers/import?id=${imp.id}`,
      data: { importId: imp.id },
    });
  });
  ctx.afterCommit();
  await fs.promises.rm(importFile(ctx, imp.id), { force: true });
}
