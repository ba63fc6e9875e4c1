import { expect } from 'vitest';
import type { Agent } from '../harness.ts';

export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** An activity created through POST /activities (asserting 201): a call starting now unless the body says otherwise. */
export async function anActivity(agent: Agent, body: Record<string, unknown>): Promise<{ id: string; version: number; [field: string]: unknown }> {
  const response = await agent.post('/api/v1/activities', { type: 'CALL', subject: 'Follow-up call', startAt: inMinutes(0), ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
