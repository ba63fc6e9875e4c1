/**
 * PLT-9 import at size: 100,000 CSV rows through the real app (upload with a full encoding/CSV check,
 * preview = validation of every row as the create use case does it + de-duplication within the file
 * and against the database, rows staged), then the background import of the staged rows in set-based
 * batches of 5,000), beside a raw COPY of
 * the same file into a scratch table on the same engine in the same run. Goal: import ≥ 0.3× COPY.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn, startApp } from '../lib/app-server.ts';
import { type Engine, type EngineKind, openEngine } from '../lib/engine.ts';
import { assertLoopback } from '../lib/load.ts';
import { fmt, table } from '../lib/markdown.ts';
import type { Scenario, ScenarioContext } from '../lib/scenario.ts';

const HEADER = 'fullName,email,phone,industry,source';
/** The issue's own figure for a COPY of such a file "here" (PLT-9 goal: import ≥ 0.3× that rate). */
const ISSUE_COPY_ROWS_PER_S = 49_000;

/** A demo customer's e-mail, as the seed writes it (server/src/modules/customers/seed.ts). */
const demoEmail = (k: number) => `customer${k}@${['en', 'vi', 'bg', 'zh'][k % 4]}.demo.test`;

/** n rows: ~1 % invalid e-mails, ~1 % repeating an earlier row's e-mail, ~0.5 % e-mails of demo customers. */
function writeCsv(file: string, n: number) {
  const out = fs.createWriteStream(file);
  let chunk = `${HEADER}\n`;
  for (let i = 0; i < n; i++) {
    const email = i % 100 === 7 ? `broken-${i}` : i % 100 === 13 ? `bench${i - 1}@import.bench` : i % 200 === 29 ? demoEmail(Math.floor(i / 200) % 3000) : `bench${i}@import.bench`;
    chunk += `"Bench Person ${i}",${email},09${String(13_000_000 + i).padStart(8, '0')},Retail,bench\n`;
    if (chunk.length > 1 << 20) {
      out.write(chunk);
      chunk = '';
    }
  }
  out.end(chunk);
  return new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject));
}

/** COPY of the same file by the engine itself: PGlite reads it from its data directory, PostgreSQL from the local disk. */
async function rawCopy(engine: Engine, csv: string) {
  const q = (text: string) => engine.database.executor.query(text);
  await q('create table bench_copy_plain (full_name text, email text, phone text, industry text, source text)');
  let source = csv;
  if (engine.kind === 'pglite') {
    const [{ data_directory: dir }] = (await q('show data_directory')).rows as { data_directory: string }[];
    fs.copyFileSync(csv, path.join(engine.dataDir, 'pgdata', 'bench-import.csv'));
    source = `${dir}/bench-import.csv`;
  }
  const started = performance.now();
  const result = await q(`copy bench_copy_plain from '${source}' with (format csv, header true)`);
  const ms = performance.now() - started;
  await q('drop table bench_copy_plain');
  // The same COPY into a copy of the customers table with its non-unique indexes (trigram search,
  // sorting, …): how much of an import is index maintenance. Unique indexes are left out (the file has
  // duplicates, which the import skips and COPY would fail on).
  await q('create table bench_copy_indexed (like customers including defaults including generated including indexes)');
  await q(`alter table bench_copy_indexed alter column number set default gen_random_uuid()::text`);
  const { rows: constraints } = await q(`select conname from pg_constraint where conrelid = 'bench_copy_indexed'::regclass and contype = 'u'`);
  for (const c of constraints as { conname: string }[]) await q(`alter table bench_copy_indexed drop constraint ${c.conname}`);
  const { rows: unique } = await q(`select indexrelid::regclass::text as name from pg_index where indrelid = 'bench_copy_indexed'::regclass and indisunique and not indisprimary`);
  for (const u of unique as { name: string }[]) await q(`drop index ${u.name}`);
  const startedIndexed = performance.now();
  await q(`copy bench_copy_indexed (name, email, phone, industry, source) from '${source}' with (format csv, header true)`);
  const indexedMs = performance.now() - startedIndexed;
  await q('drop table bench_copy_indexed');
  if (engine.kind === 'pglite') fs.rmSync(path.join(engine.dataDir, 'pgdata', 'bench-import.csv'), { force: true });
  return { ms, indexedMs, rows: result.rowCount };
}

async function call(baseUrl: string, cookie: string, csrf: string, method: string, url: string, body?: unknown) {
  assertLoopback(baseUrl + url);
  const response = await fetch(baseUrl + url, {
    method,
    headers: { cookie, 'x-csrf-token': csrf, ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** The app's main-thread JS heap, sampled while the import runs (PGlite's heap lives in its worker). */
let peakHeap = 0;
async function waitStatus(get: () => Promise<any>, status: string) {
  for (;;) {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    const imp = await get();
    if (imp.status === status) return imp;
    if (imp.status === 'failed') throw new Error(`import failed: ${imp.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function runEngine(kind: EngineKind, rows: number, csv: string, context: ScenarioContext) {
  peakHeap = 0;
  const engine = await openEngine(kind);
  try {
    const copy = await rawCopy(engine, csv);
    context.log(`  ${kind}: raw COPY ${fmt.int(copy.rows)} rows in ${fmt.ms(copy.ms)} ms (indexed table: ${fmt.ms(copy.indexedMs)} ms)`);
    const app = await startApp(engine);
    try {
      const admin = await signIn(app.baseUrl, 'admin@demo.test');
      const api = (method: string, url: string, body?: unknown) => call(app.baseUrl, admin.cookie, admin.csrfToken, method, url, body);
      const t0 = performance.now();
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(csv)], { type: 'text/csv' }), 'bench.csv');
      const imp = await api('POST', '/api/v1/customer-imports', form);
      const t1 = performance.now();
      await api('POST', `/api/v1/customer-imports/${imp.id}/preview`, { mapping: imp.mapping });
      const previewed = await waitStatus(() => api('GET', `/api/v1/customer-imports/${imp.id}`), 'ready');
      const t2 = performance.now();
      await api('POST', `/api/v1/customer-imports/${imp.id}/start`, { duplicateMode: 'skip' });
      const done = await waitStatus(() => api('GET', `/api/v1/customer-imports/${imp.id}`), 'completed');
      const t3 = performance.now();
      const [{ n }] = (await engine.database.executor.query<{ n: number }>(`select count(*)::int as n from customers where source = 'bench'`)).rows;
      if (n !== done.result.created) throw new Error(`created ${done.result.created} but found ${n}`);
      context.log(`  ${kind}: import ${fmt.int(rows)} rows: upload ${fmt.ms(t1 - t0)} ms, preview ${fmt.ms(t2 - t1)} ms, import ${fmt.ms(t3 - t2)} ms`);
      return { kind, rows, copy, upload: t1 - t0, preview: t2 - t1, importMs: t3 - t2, previewed, done, peakHeap };
    } finally {
      await app.close();
    }
  } finally {
    await engine.cleanup();
  }
}

export const customerImport: Scenario = {
  name: 'customer-import',
  async run(context) {
    const rows = context.quick ? 10_000 : 100_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-bench-import-'));
    // PostgreSQL's server process (another OS user) reads the file for its COPY.
    fs.chmodSync(dir, 0o755);
    const csv = path.join(dir, 'customers.csv');
    try {
      await writeCsv(csv, rows);
      fs.chmodSync(csv, 0o644);
      const size = fs.statSync(csv).size;
      const runs = [];
      for (const kind of ['postgres', 'pglite'] as EngineKind[]) runs.push(await runEngine(kind, rows, csv, context));
      const name = (k: EngineKind) => (k === 'postgres' ? 'PostgreSQL' : 'PGlite (worker)');
      const timing = runs.map((r) => {
        const total = r.upload + r.preview + r.importMs;
        const ratio = r.copy.ms / total;
        const indexed = r.copy.indexedMs / total;
        return [name(r.kind), fmt.int(r.copy.ms), fmt.int(r.copy.indexedMs), fmt.int(r.upload), fmt.int(r.preview), fmt.int(r.importMs), fmt.int(total), fmt.int((r.rows / total) * 1000), fmt.int((r.copy.rows / r.copy.ms) * 1000), `${ratio.toFixed(4)}×`, ratio >= 0.3 ? 'yes' : 'NO', `${indexed.toFixed(2)}×`, indexed >= 0.3 ? 'yes' : 'NO', `${((r.rows / total) * 1000 / ISSUE_COPY_ROWS_PER_S).toFixed(2)}×`];
      });
      const outcome = runs.map((r) => [name(r.kind), fmt.int(r.previewed.preview.valid), fmt.int(r.previewed.preview.invalid), fmt.int(r.previewed.preview.duplicates), fmt.int(r.previewed.preview.fileDuplicates), fmt.int(r.done.result.created), fmt.int(r.done.result.skipped), fmt.int(r.done.result.failed)]);
      const body = [
        `Data: one generated CSV of ${fmt.int(rows)} rows (${(size / 1024 / 1024).toFixed(1)} MB; name, e-mail, Vietnamese phone in national format, industry, source) with ~1 % invalid e-mails, ~1 % rows repeating an earlier row's e-mail and ~0.5 % e-mails of demo customers, on a fresh database with the 3,000 demo customers. **Raw COPY** is \`COPY … FROM '<file>' (FORMAT csv, HEADER)\` into a scratch table of five text columns without indexes, run by the engine itself (PostgreSQL reads the file from disk; PGlite from its data directory). **Import** goes through the real app over HTTP as admin: upload (streamed to disk, whole file decoded and parsed once), preview (every row validated by the create use case's schema and rules — E.164 phones, e-mail, custom fields — every row staged with its keys and the values to write, duplicates within the file and against active customers found by SQL), then the background job (pg-boss), which does not read the file again: per batch of 5,000 staged rows, one transaction re-checks what can have changed since the preview (active customers with the same phone, e-mail or tax ID: one query) and creates the rest in one statement (customers with numbers from the sequence, addresses, one history row each, the event), then issues and counts. Times in ms, measured by the client, including the UI's 100 ms polling granularity.`,
        table(['Engine', 'raw COPY', 'COPY, indexed table', 'upload + check', 'preview', 'import', 'import total', 'import rows/s', 'COPY rows/s', 'import ÷ COPY', '≥ 0.3×', 'import ÷ indexed COPY', '≥ 0.3×', 'import ÷ 49,000 rows/s'], timing),
        table(['Engine', 'valid', 'invalid', 'already customers', 'repeated in file', 'created', 'skipped', 'failed'], outcome),
        `**Reading.** The gap to COPY is not the batching: a COPY into a bare table does no validation, no phone parsing, no de-duplication and maintains no index, while each imported customer row maintains the customers table's 17 indexes (three trigram GIN indexes over the stored search columns, the partial unique indexes of CUS-2, four sort indexes carrying the list's filter columns, tags, custom fields, owner, team, status) and gets a history row. Every row is parsed and validated once, in the preview (phone parsing to E.164 dominates that JavaScript time), in slices of 250 rows with a turn of the event loop between them so the staging writes of the previous batch proceed meanwhile; the import trusts the staged rows while the validation context (custom field definitions, active staff, the actor) is unchanged, validates them again otherwise, and always re-checks duplicates against active customers, with the partial unique indexes as the last word (a clash fails only its own row). Memory stays bounded: the file is streamed once, rows go to the database 5,000 at a time, and in-file duplicates are found by SQL over staged keys rather than in a Map; the app's main-thread JS heap peaked at ${runs.map((r) => `${fmt.int(r.peakHeap / 1024 / 1024)} MB (${name(r.kind)})`).join(' and ')} (sampled while polling; PGlite's WebAssembly heap is in its worker and not included). **Goal.** The issue asks for at least 0.3× the rate of a raw COPY of the same file; which COPY decides the verdict, so the table gives all three. Against a COPY into a bare five-column table (${fmt.int((runs[0].copy.rows / runs[0].copy.ms) * 1000)} rows/s on PostgreSQL here) it is not met and cannot be by any import that validates, de-duplicates and indexes: 0.3× would mean the whole upload + preview + import of ${fmt.int(rows)} rows in ${fmt.int(runs[0].copy.ms / 0.3)} ms, while the same COPY into a table carrying only the customers table's non-unique indexes — no validation, no de-duplication, no history, no unique index — already takes ${fmt.int(runs[0].copy.indexedMs)} ms (~${fmt.int(runs[0].copy.indexedMs / runs[0].copy.ms)}× the bare COPY). Against that COPY into the customers table's indexes — the same destination, the fairest raw baseline — the whole import runs at ${runs.map((r) => `${(r.copy.indexedMs / (r.upload + r.preview + r.importMs)).toFixed(2)}× (${name(r.kind)})`).join(' and ')}, ${runs.every((r) => r.copy.indexedMs / (r.upload + r.preview + r.importMs) >= 0.3) ? 'meeting' : 'short of'} 0.3×. Against the issue's own figure for such a COPY (~49,000 rows/s, so 0.3× = 14,700 rows/s) it runs at ${runs.map((r) => `${fmt.int((r.rows / (r.upload + r.preview + r.importMs)) * 1000)} rows/s (${((r.rows / (r.upload + r.preview + r.importMs)) * 1000 / ISSUE_COPY_ROWS_PER_S).toFixed(2)}×, ${name(r.kind)})`).join(' and ')}: short of it, because on this machine index maintenance alone (the indexed COPY) already runs below 49,000 rows/s. Of the import's parts, the import step alone (staged rows to customers) is ${runs.map((r) => `${(r.copy.indexedMs / r.importMs).toFixed(2)}× (${name(r.kind)})`).join(' and ')} the indexed COPY's rate.`,
      ].join('\n\n');
      return { title: 'Customer CSV import: 100,000 rows vs raw COPY', body };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
