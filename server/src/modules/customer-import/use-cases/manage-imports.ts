import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import { notFound, unprocessable } from '../../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/pagination.ts';
import { csvLine, UTF8_BOM } from '../../../platform/csv/csv.ts';
import { checkMapping, customLabels, mappingTargets, proposeMapping } from '../../../platform/imports/mapping.ts';
import { CUSTOMER_FIELDS } from '../import-rows.ts';
import * as repo from '../import.repository.ts';
import { issueCursor } from '../customer-import.contracts.ts';
import { importPass, previewPass } from './import-passes.ts';
import { importFile } from './upload-import.ts';

export const IMPORT_JOB = 'customer-import.run';

/** Serialisable snapshot of the requesting actor: the job acts with the rights of whoever started it. */
type JobData = { importId: string; phase: 'preview' | 'import'; actor: Actor };

/** The actor as the job keeps it: who and what role, never the session's id or CSRF token. */
const jobActor = ({ sessionId: _s, csrfToken: _c, ...actor }: Actor): Actor => actor;

/** Only its creator (and admins) see an import: it holds their file's rows. */
export async function loadImport(ctx: AppContext, actor: Actor, id: string) {
  const imp = await repo.getImport(ctx.database.db, id);
  if (!imp || (imp.createdBy !== actor.userId && actor.role !== 'admin')) throw notFound('import');
  return imp;
}

/** The import as the wizard shows it: the mapping chosen (or proposed) and every target it may use. */
export async function presentImport(ctx: AppContext, imp: repo.ImportRow) {
  const defs = (await definitionsFor(ctx.database.db, 'customer')).filter((d) => d.active);
  return {
    id: imp.id,
    fileName: imp.fileName,
    size: imp.size,
    encoding: imp.encoding,
    delimiter: imp.delimiter,
    headers: imp.headers,
    sample: imp.sample,
    totalRows: imp.totalRows,
    mapping: imp.mapping ?? proposeMapping(imp.headers, CUSTOMER_FIELDS, defs),
    mappingConfirmed: imp.mapping !== null,
    targets: mappingTargets(CUSTOMER_FIELDS, defs),
    customLabels: customLabels(defs),
    duplicateMode: (imp.duplicateMode ?? null) as 'skip' | 'update' | null,
    status: imp.status as 'uploaded' | 'validating' | 'ready' | 'queued' | 'importing' | 'completed' | 'failed',
    processedRows: imp.processedRows,
    preview: { valid: imp.validRows, invalid: imp.invalidRows, duplicates: imp.duplicateRows, fileDuplicates: imp.fileDuplicateRows },
    result: { created: imp.createdCount, updated: imp.updatedCount, skipped: imp.skippedCount, failed: imp.failedCount },
    error: imp.error,
    createdAt: imp.createdAt.toISOString(),
    finishedAt: imp.finishedAt ? imp.finishedAt.toISOString() : null,
  };
}

/** Confirms the mapping and validates the whole file in the background. Refused mappings change nothing. */
export async function requestPreview(ctx: AppContext, actor: Actor, id: string, mapping: (string | null)[]) {
  const imp = await loadImport(ctx, actor, id);
  if (!['uploaded', 'ready', 'failed'].includes(imp.status)) throw unprocessable('import_busy', `The import is ${imp.status}; it cannot be previewed again.`, [{ field: 'status', message: imp.status }]);
  const errors = checkMapping(mapping, imp.headers, CUSTOMER_FIELDS, await definitionsFor(ctx.database.db, 'customer'));
  if (errors.length) throw unprocessable('invalid_mapping', errors.map((e) => e.message).join(' '), errors);
  await ctx.database.transaction(async (tx) => {
    if (!(await repo.setImport(tx, id, { mapping, status: 'validating', error: null }, ['uploaded', 'ready', 'failed']))) throw unprocessable('import_busy', 'The import changed meanwhile.');
    await ctx.jobs.send(IMPORT_JOB, { importId: id, phase: 'preview', actor: jobActor(actor) } satisfies JobData, { tx });
  });
  ctx.jobs.wake(IMPORT_JOB);
  return loadImport(ctx, actor, id);
}

/** Starts the import after a preview; skip or update decides what happens to duplicates of active customers. */
export async function startImport(ctx: AppContext, actor: Actor, id: string, duplicateMode: 'skip' | 'update') {
  await loadImport(ctx, actor, id);
  await ctx.database.transaction(async (tx) => {
    const ok = await repo.setImport(tx, id, { duplicateMode, status: 'queued', startedAt: new Date(), processedRows: 0, lastLine: 0 }, ['ready']);
    if (!ok) throw unprocessable('import_not_ready', 'Preview the file first; an import runs once.', [{ field: 'status', message: 'Not ready.' }]);
    await ctx.jobs.send(IMPORT_JOB, { importId: id, phase: 'import', actor: jobActor(actor) } satisfies JobData, { tx, singletonKey: `import:${id}` });
  });
  ctx.jobs.wake(IMPORT_JOB);
  return loadImport(ctx, actor, id);
}

export async function listImportIssues(ctx: AppContext, actor: Actor, id: string, q: { phase?: 'preview' | 'import'; kind?: string; limit: number; cursor?: string }) {
  const imp = await loadImport(ctx, actor, id);
  const phase = q.phase ?? (imp.status === 'completed' || imp.status === 'importing' ? 'import' : 'preview');
  const rows = await repo.listIssues(ctx.database.db, id, phase, decodeCursor(q.cursor, issueCursor), q.limit + 1, q.kind);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.line, last.id]) : null };
}

/** The error report: one line per problem row with the row as it was, so it can be fixed and imported again. */
export async function importReport(ctx: AppContext, actor: Actor, id: string): Promise<{ name: string; stream: Readable }> {
  const imp = await loadImport(ctx, actor, id);
  const phase = imp.status === 'completed' ? 'import' : 'preview';
  const db = ctx.database.db;
  async function* lines() {
    yield UTF8_BOM + csvLine(['row', 'problems', ...imp.headers]);
    let after = 0;
    for (;;) {
      const page = await repo.reportPage(db, id, phase, after, 1000);
      for (const r of page) yield csvLine([r.line, r.problems, ...(r.raw ?? [])]);
      if (page.length < 1000) return;
      after = page[page.length - 1].line;
    }
  }
  return { name: `${imp.fileName.replace(/\.csv$/i, '')}-errors.csv`, stream: Readable.from(lines()) };
}

/** Days an unfinished import (and its uploaded file) is kept before the daily sweep removes it. */
export const STALE_IMPORT_DAYS = 7;

/** Unfinished imports hold a copy of someone's customer data on disk: not forever. */
export async function purgeStaleImports(ctx: AppContext): Promise<number> {
  const ids = await repo.deleteStaleImports(ctx.database.db, STALE_IMPORT_DAYS);
  for (const id of ids) await fs.promises.rm(importFile(ctx, id), { force: true });
  return ids.length;
}

/** One queue for both passes; a failure is recorded on the import for the user to see. */
export function defineImportJobs(ctx: AppContext) {
  ctx.jobs.define({
    name: 'customer-import.cleanup',
    description: `Removes customer imports left unfinished for ${STALE_IMPORT_DAYS} days, with their uploaded files.`,
    cron: '45 2 * * *',
    retryLimit: 1,
    handler: async () => ({ removed: await purgeStaleImports(ctx) }),
  });
  ctx.jobs.define<JobData>({
    name: IMPORT_JOB,
    description: 'Validates (preview) or imports a customer CSV file in batches of 5,000 rows.',
    retryLimit: 2,
    retryDelaySeconds: 5,
    expireInSeconds: 4 * 3600,
    handler: async ({ importId, phase, actor }, run) => {
      const imp = await repo.getImport(ctx.database.db, importId);
      if (!imp) return { skipped: 'gone' };
      try {
        if (phase === 'preview') {
          if (imp.status !== 'validating') return { skipped: imp.status };
          await previewPass(ctx, actor, imp);
        } else {
          if (imp.status !== 'queued' && imp.status !== 'importing') return { skipped: imp.status };
          await repo.setImport(ctx.database.db, importId, { status: 'importing' });
          await importPass(ctx, actor, { ...imp, status: 'importing' });
        }
        return { importId, phase };
      } catch (error) {
        if (run.retryCount >= run.retryLimit) {
          await repo.setImport(ctx.database.db, importId, { status: 'failed', error: 'The import stopped on an internal error; rows already imported stay imported.' });
        }
        throw error;
      }
    },
  });
}
