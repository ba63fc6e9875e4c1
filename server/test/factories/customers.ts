import { expect } from 'vitest';
import type { Agent } from '../harness.ts';
import { unique } from './sql.ts';

export interface CreatedCustomer {
  id: string;
  number: string;
  version: number;
  [field: string]: unknown;
}

async function created<T>(response: Awaited<ReturnType<Agent['post']>>): Promise<T> {
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as T;
}

/** A customer created through POST /customers (asserting 201); a unique name unless the body sets one. */
export async function aCustomer(agent: Agent, body: Record<string, unknown> = {}): Promise<CreatedCustomer> {
  const named = 'fullName' in body || 'firstName' in body || 'companyName' in body;
  return created(await agent.post('/api/v1/customers', { ...(named ? {} : { fullName: unique('Customer ') }), ...body }));
}

export async function aContract(agent: Agent, customerId: string, body: Record<string, unknown> = {}): Promise<{ id: string; [field: string]: unknown }> {
  return created(await agent.post(`/api/v1/customers/${customerId}/contracts`, { title: 'Support plan', value: '1200.00', ...body }));
}

export async function anInvoice(agent: Agent, customerId: string, body: Record<string, unknown> = {}): Promise<{ id: string; [field: string]: unknown }> {
  return created(await agent.post(`/api/v1/customers/${customerId}/invoices`, { amount: '300.00', ...body }));
}
