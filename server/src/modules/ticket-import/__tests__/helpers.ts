import { expect } from 'vitest';
import type { Agent } from '../../../../test/harness.ts';
import { upload } from '../../../../test/factories/index.ts';

type Response = Awaited<ReturnType<Agent['post']>>;

/** POST /tickets/import: the file alone (its mapping comes next). */
export const uploadTickets = (agent: Agent, body: string | Buffer, name = 'calls.csv', encoding?: string) =>
  upload(agent, `/api/v1/tickets/import${encoding ? `?encoding=${encoding}` : ''}`, name, 'text/csv', body);

/**
 * Upload, then preview with the mapping the server proposed (or `options.mapping` where given: a
 * function gets the proposal and returns the mapping to send). A refused upload is answered as is.
 */
export async function previewTickets(
  agent: Agent,
  body: string | Buffer,
  options: { mapping?: (proposed: (string | null)[]) => (string | null)[]; duplicateKey?: 'externalRef' | 'number'; name?: string } = {},
): Promise<Response & { upload?: Response }> {
  const up = await uploadTickets(agent, body, options.name);
  if (up.statusCode !== 201) return up;
  const proposed = up.json().mapping as (string | null)[];
  const mapping = options.mapping ? options.mapping(proposed) : proposed;
  const r = await agent.post(`/api/v1/tickets/import/${up.json().importId}/preview`, { mapping, ...(options.duplicateKey ? { duplicateKey: options.duplicateKey } : {}) });
  return Object.assign(r, { upload: up });
}

export async function commitTickets(agent: Agent, importId: string, duplicateMode?: 'skip' | 'update') {
  const r = await agent.post(`/api/v1/tickets/import/${importId}/commit`, duplicateMode ? { duplicateMode } : {});
  expect(r.statusCode, r.body.slice(0, 400)).toBe(200);
  return r.json();
}
