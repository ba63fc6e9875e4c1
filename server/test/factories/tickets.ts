import { expect } from 'vitest';
import type { Agent } from '../harness.ts';

/** Valid type fields for the seeded ticket types. */
export const FIELDS: Record<string, Record<string, unknown>> = {
  programming: { system: 'CRM', steps: 'Press Save' },
  functional: { module: 'Invoices' },
  hr: { topic: 'Leave' },
};

export interface OpenedTicket {
  id: string;
  number: string;
  version: number;
  status: string;
  [field: string]: unknown;
}

/** Opens a ticket through POST /tickets and returns its detail (asserting 201). */
export async function openTicket(agent: Agent, body: Record<string, unknown>): Promise<OpenedTicket> {
  const response = await agent.post('/api/v1/tickets', { title: 'Printer jams', description: 'Paper jams on every print.', type: 'hr', typeFields: FIELDS.hr, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as OpenedTicket;
}
