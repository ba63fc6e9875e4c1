import pg from 'pg';
import type { QueryOptions, QueryResult, SqlExecutor, SqlSession } from './executor.ts';
import { RAW_DATE_TYPE_OIDS } from './executor.ts';

const rawDateTypes = {
  getTypeParser(oid: number, format?: any) {
    if ((RAW_DATE_TYPE_OIDS as readonly number[]).includes(oid)) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

type Queryable = pg.Pool | pg.PoolClient;

async function run(target: Queryable, sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
  const config: pg.QueryConfig = {
    text: sql,
    values: params as unknown[],
    types: options.rawDates ? (rawDateTypes as pg.CustomTypesConfig) : undefined,
  };
  if (options.rowMode === 'array') (config as pg.QueryArrayConfig).rowMode = 'array';
  const result: pg.QueryResult = await target.query(config);
  return {
    rows: result.rows,
    rowCount: result.rowCount ?? 0,
    fields: result.fields?.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) ?? [],
  };
}

export class PgExecutor implements SqlExecutor {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;

  constructor(connectionString: string, options: { max?: number; searchPath?: string } = {}) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
    });
    // An idle client that errors (server restart) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  query<R = any>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<R>> {
    return run(this.pool, sql, params, options);
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const session: SqlSession = { query: (sql, params, options) => run(client, sql, params, options) };
      const result = await fn(session);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
