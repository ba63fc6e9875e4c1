import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { csvProblems } from '../../../platform/csv/csv-problems.ts';
import type { Encoding } from '../../../platform/csv/csv.ts';
import { definitionsFor } from '../../../platform/custom-fields/custom-fields.repository.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { analyseCsv, dataRecords } from '../../../platform/imports/csv-file.ts';
import { customLabels, mappingTargets, proposeMapping } from '../../../platform/imports/mapping.ts';
import { DUPLICATE_KEYS, listTicketTypes } from '../../tickets/index.ts';
import { receiveUpload } from '../../../platform/files/upload.ts';
import { ticketFields } from '../ticket-fields.ts';
import * as repo from '../ticket-import.repository.ts';

/** TKT-11: a bulk file is a call list, not a data migration; bigger lists go in several files. */
export const MAX_ROWS = 10_000;

/** What a column may fill for tickets: the ticket fields, the type fields, the active ticket custom fields. */
export async function ticketTargets(db: Db) {
  const [types, defs] = await Promise.all([listTicketTypes(db), definitionsFor(db, 'ticket')]);
  return { types, defs, fields: ticketFields(types) };
}

/** Only its uploader sees an import: another user's is "not found", as if it did not exist. */
export async function ownImport(db: Db, actor: Actor, id: string) {
  const imp = await repo.getImport(db, id);
  if (!imp || imp.ownerId !== actor.userId) throw notFound('import');
  return imp;
}

/**
 * POST /tickets/import: the file read through the platform's upload reader (bounded by
 * uploads.maxMb) and the shared CSV analysis (encoding, delimiter, header, the same 422 codes as the
 * customer import), its records kept for the preview; the answer proposes a mapping from the
 * header names. Nothing is kept of a refused file, and the bytes never stay on disk.
 */
export async function uploadImport(ctx: AppContext, actor: Actor, request: FastifyRequest, encoding: Encoding) {
  // Each new upload first clears uploads, previews and commit markers older than a day: the table stays small.
  await repo.deleteOldImports(ctx.database.db);
  const target = path.join(ctx.config.filesDir, 'tmp', `${randomUUID()}.csv`);
  const received = await receiveUpload(request, { target, maxMb: await ctx.settings.get('uploads.maxMb') });
  try {
    if (received.size === 0) throw csvProblems.empty();
    const file = await analyseCsv(received.path, encoding, MAX_ROWS);
    const records: { line: number; values: string[] }[] = [];
    for await (const record of dataRecords(received.path, file.encoding, file.delimiter)) records.push(record);
    const importId = randomUUID();
    const db = ctx.database.db;
    await repo.insertUpload(db, { id: importId, ownerId: actor.userId, fileName: received.name, encoding: file.encoding, delimiter: file.delimiter, headers: file.headers, sample: file.sample, records, total: records.length });
    const { defs, fields } = await ticketTargets(db);
    return {
      importId,
      fileName: received.name,
      encoding: file.encoding,
      delimiter: file.delimiter,
      headers: file.headers,
      sample: file.sample,
      totalRows: records.length,
      mapping: proposeMapping(file.headers, fields, defs),
      targets: mappingTargets(fields, defs),
      customLabels: customLabels(defs),
      duplicateKeys: [...DUPLICATE_KEYS],
    };
  } finally {
    await fs.promises.rm(received.path, { force: true });
  }
}
