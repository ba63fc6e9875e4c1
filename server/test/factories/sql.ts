import type { TestApp } from '../harness.ts';

/** Raw SQL against the file's own database: for arranging states no endpoint reaches, and for asserting rows. */
export async function query<T = Record<string, unknown>>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.database.executor.query<T>(sql, params)).rows;
}

export const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });

let counter = 0;
/** A value no other call in this run returns: e-mail addresses and names that unique indexes accept. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid.toString(36)}${Date.now().toString(36)}${counter}`;
}
