import { expect } from 'vitest';
import type { Agent, TestApp } from '../../../../test/harness.ts';
import { multipart } from '../../../../test/multipart.ts';

export async function upload(agent: Agent, url: string, filename: string, contentType: string, data: Buffer | string) {
  const { body, headers } = multipart([{ filename, contentType, data }]);
  return agent.request('POST', url, body, { headers });
}

export async function query<T = Record<string, unknown>>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.database.executor.query<T>(sql, params)).rows;
}

export async function customerOf(t: TestApp, email: string): Promise<string> {
  const [row] = await query<{ customer_id: string }>(t, 'select customer_id from users where email = $1', [email]);
  return row.customer_id;
}

/** Valid type fields for the seeded types. */
export const FIELDS: Record<string, Record<string, unknown>> = {
  programming: { system: 'CRM', steps: 'Press Save' },
  functional: { module: 'Invoices' },
  hr: { topic: 'Leave' },
};

/** Opens a ticket and returns its detail (asserting 201). */
export async function openTicket(agent: Agent, body: Record<string, unknown>) {
  const response = await agent.post('/api/v1/tickets', { title: 'Printer jams', description: 'Paper jams on every print.', type: 'hr', typeFields: FIELDS.hr, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; number: string; version: number; status: string; [k: string]: unknown };
}

export const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });
