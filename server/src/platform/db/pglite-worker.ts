/**
 * Runs PGlite off the HTTP event loop. The main thread sends one message per operation; this thread
 * answers in order. Exclusivity of transactions is the main thread's job (see pglite-executor.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { EMBEDDED_SHARED_BUFFERS_MB, RAW_DATE_TYPE_OIDS } from './executor.ts';

export interface WorkerOpen {
  dataDir: string; // a path, or 'memory://'
  /** WebAssembly memory to start with, in bytes; it grows on demand (to 2 GiB). Default: PGlite's minimum. */
  initialMemory?: number;
  /** PostgreSQL's shared_buffers in MiB. Default: EMBEDDED_SHARED_BUFFERS_MB. */
  sharedBuffersMb?: number;
  loadDataDir?: Uint8Array;
  /** TurboFan for PGlite's WebAssembly (default off: Liftoff only, see main()). */
  optimizeWasm?: boolean;
}

/** Index builds (migrations, restores) may use this much; the WebAssembly memory never shrinks after. */
const MAINTENANCE_WORK_MEM = '16MB';


type Request =
  | { id: number; op: 'query'; sql: string; params: unknown[]; rowMode?: 'array' | 'object'; rawDates?: boolean }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

const identity = (value: string) => value;
// Same shapes as node-postgres: bigint and numeric stay exact strings.
const pgCompatibleParsers = { 20: identity, 1700: identity };
const rawDateParsers = Object.fromEntries(RAW_DATE_TYPE_OIDS.map((oid) => [oid, identity]));

function serializeError(error: any) {
  const out: Record<string, unknown> = { message: String(error?.message ?? error) };
  for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'where', 'position']) {
    if (error?.[key] !== undefined) out[key] = error[key];
  }
  return out;
}

function pickLast<T extends { fields: unknown[] }>(results: T[]): T {
  return [...results].reverse().find((r) => r.fields.length > 0) ?? results[results.length - 1];
}

async function main() {
  const open = workerData as WorkerOpen;
  // Liftoff only, unless asked otherwise: V8's optimising tier (TurboFan) for PGlite's large WebAssembly
  // module cost 35-45 MB of resident memory for queries measured 10-25 % faster in steady state and no
  // faster over HTTP (docs/performance-notes.md). The flag is process-wide — PGlite is the only
  // WebAssembly of consequence here (undici's HTTP parser is the other) — and is read when a module is
  // compiled, so setting it before PGlite.create is enough.
  setFlagsFromString(open.optimizeWasm ? '--no-liftoff-only' : '--liftoff-only');
  const settings = { shared_buffers: `${open.sharedBuffersMb ?? EMBEDDED_SHARED_BUFFERS_MB}MB`, maintenance_work_mem: MAINTENANCE_WORK_MEM };
  const db = await PGlite.create(open.dataDir, {
    extensions: { pg_trgm, unaccent },
    initialMemory: open.initialMemory,
    startParams: [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    parsers: pgCompatibleParsers,
    loadDataDir: open.loadDataDir ? new Blob([open.loadDataDir as Uint8Array<ArrayBuffer>]) : undefined,
  });
  const port = parentPort!;

  async function handle(req: Request): Promise<unknown> {
    switch (req.op) {
      case 'query': {
        const options = { rowMode: req.rowMode, parsers: req.rawDates ? rawDateParsers : undefined };
        // Without parameters a caller may send several statements at once (pg-boss does): that needs the
        // simple protocol, as node-postgres uses it; the answer is the last statement that returned rows.
        const result = req.params.length
          ? await db.query(req.sql, req.params, options)
          : pickLast(await db.exec(req.sql, options));
        return { rows: result.rows, rowCount: result.affectedRows || result.rows.length, fields: result.fields };
      }
      case 'exec': {
        await db.exec(req.sql);
        return null;
      }
      case 'dump': {
        const blob = await db.dumpDataDir('gzip');
        return new Uint8Array(await blob.arrayBuffer());
      }
      case 'close': {
        await db.close();
        return null;
      }
    }
  }

  port.on('message', async (req: Request) => {
    try {
      const result = await handle(req);
      port.postMessage({ id: req.id, ok: true, result });
      if (req.op === 'close') port.close();
    } catch (error) {
      port.postMessage({ id: req.id, ok: false, error: serializeError(error) });
    }
  });
  port.postMessage({ ready: true });
}

main().catch((error) => {
  parentPort!.postMessage({ ready: false, error: serializeError(error) });
});
