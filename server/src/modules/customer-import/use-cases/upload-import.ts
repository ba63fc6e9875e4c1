import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { AppContext } from '../../../platform/context.ts';
import { csvProblems } from '../../../platform/csv/csv-problems.ts';
import type { Encoding } from '../../../platform/csv/csv.ts';
import { receiveUpload } from '../../../platform/files/upload.ts';
import { analyseCsv } from '../../../platform/imports/csv-file.ts';
import * as repo from '../import.repository.ts';

/**
 * A CSV file is larger than an attachment: uploads.maxMb (≤ 50 MB) would cap an import near 300,000
 * rows. Imports have their own limit, enough for well over a million rows of a typical export.
 */
export const IMPORT_MAX_MB = 256;
export const MAX_ROWS = 1_000_000;

export const importFile = (ctx: AppContext, id: string) => path.join(ctx.config.filesDir, 'imports', `${id}.csv`);

/** POST /customer-imports: receive, check, record. A refused file leaves nothing behind. */
export async function uploadImport(ctx: AppContext, actor: Actor, request: FastifyRequest, encoding: Encoding) {
  const id = randomUUID();
  const target = importFile(ctx, id);
  const received = await receiveUpload(request, { target, maxMb: IMPORT_MAX_MB, limitName: 'import' });
  try {
    if (received.size === 0) throw csvProblems.empty();
    const a = await analyseCsv(target, encoding, MAX_ROWS);
    return await repo.insertImport(ctx.database.db, {
      id,
      createdBy: actor.userId,
      fileName: received.name,
      size: received.size,
      encoding: a.encoding,
      delimiter: a.delimiter,
      headers: a.headers,
      sample: a.sample,
      totalRows: a.totalRows,
    });
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    throw error;
  }
}
