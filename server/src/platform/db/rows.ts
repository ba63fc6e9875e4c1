import { Column, fillPlaceholders, is, noopDecoder, SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { sessionOf, type Db } from './database.ts';

/**
 * Reading a page of rows without Drizzle's generic row mapping. `mapResultRow` decides every cell's
 * decoder anew on every row — `is()` entity checks that walk prototype chains, a path iterator per
 * cell — which was 10–12 % of the main thread on the ticket list and the customer search under load
 * (`npm run bench:profile`, docs/performance-notes.md). A flat selection's decoders are decided once
 * per statement here, and cells that need no decoding (text, uuid, integers: the driver's value is the
 * answer) are copied as they are.
 *
 * Only for flat selections (`db.select({ a: t.a, b: sql<…>… })`): a nested object or a join's nullable
 * table is Drizzle's job and throws here.
 */

type Decoder = { mapFromDriverValue(value: unknown): unknown };
type Row = Record<string, unknown>;

/** A Drizzle select, on a handle or on an unbound `QueryBuilder`; `_.result` is its row array type. */
interface BuiltSelect {
  toSQL(): { sql: string; params: unknown[] };
  readonly _: { readonly result: unknown; readonly selectedFields: unknown };
}
type RowsOf<Q extends BuiltSelect> = Q['_']['result'];

/** The decoders that return the driver's value unchanged: a column type without its own mapping, and `sql`'s default. */
const identities = new Set<unknown>([Column.prototype.mapFromDriverValue, noopDecoder.mapFromDriverValue]);

function decoderOf(key: string, field: unknown): Decoder | null {
  let decoder: Decoder;
  if (is(field, Column)) decoder = field;
  // `decoder` is Drizzle-internal in its types; mapResultRow reads the same property.
  else if (is(field, SQL)) decoder = (field as unknown as { decoder: Decoder }).decoder;
  else if (is(field, SQL.Aliased)) decoder = (field.sql as unknown as { decoder: Decoder }).decoder;
  else throw new Error(`rows.ts maps flat selections only; "${key}" is not a column or SQL expression`);
  // Identity decoders are skipped: the cell is copied.
  return identities.has(decoder.mapFromDriverValue) ? null : decoder;
}

/** One function from a row in array mode to the selection's object, decided once per statement. */
function mapperFor(fields: Record<string, unknown>): (cells: unknown[]) => Row {
  const keys = Object.keys(fields);
  const decoders = keys.map((key) => decoderOf(key, fields[key]));
  return (cells) => {
    const row: Row = {};
    for (let i = 0; i < keys.length; i++) {
      const value = cells[i];
      const decoder = decoders[i];
      row[keys[i]] = value === null || decoder === null ? value : decoder.mapFromDriverValue(value);
    }
    return row;
  };
}

async function run(db: Db, statement: { sql: string; params: unknown[] }, map: (cells: unknown[]) => Row): Promise<Row[]> {
  const result = await sessionOf(db).query<unknown[]>(statement.sql, statement.params, { rowMode: 'array', rawDates: true });
  return result.rows.map(map);
}

/** Runs a Drizzle select built for this call (its SQL varies: filters, cursors) and maps its rows. */
export async function selectRows<Q extends BuiltSelect>(db: Db, query: Q): Promise<RowsOf<Q>> {
  return run(db, query.toSQL(), mapperFor(query._.selectedFields as Record<string, unknown>));
}

/**
 * A select whose SQL text is the same on every call, built once: `build` gets `sql.placeholder(name)`
 * where the values go (the shape of `query.prepare`, without a server-side prepared statement, so it
 * runs on any handle — the pool or a transaction's). Returns a function of the handle and the values.
 */
export function compiledSelect<Q extends BuiltSelect, V extends Record<string, unknown>>(build: (qb: QueryBuilder) => Q): (db: Db, values: V) => Promise<RowsOf<Q>> {
  let compiled: { sql: string; params: unknown[]; map: (cells: unknown[]) => Row } | undefined;
  return async (db, values) => {
    if (!compiled) {
      const query = build(new QueryBuilder());
      compiled = { ...query.toSQL(), map: mapperFor(query._.selectedFields as Record<string, unknown>) };
    }
    return run(db, { sql: compiled.sql, params: fillPlaceholders(compiled.params, values) }, compiled.map);
  };
}
