import { expect } from 'vitest';
import type { Agent } from '../../../../test/harness.ts';
import { multipart } from '../../../../test/multipart.ts';
import { waitFor } from '../../../../test/wait.ts';

export const upload = (agent: Agent, data: Buffer | string, encoding?: string) => {
  const { body, headers } = multipart([{ filename: 'customers.csv', contentType: 'text/csv', data }]);
  return agent.request('POST', `/api/v1/customer-imports${encoding ? `?encoding=${encoding}` : ''}`, body, { headers });
};

export async function waitForStatus(agent: Agent, id: string, statuses: string[], timeoutMs = 60_000) {
  return waitFor(`import ${id} to be ${statuses.join('/')}`, async () => {
    const r = await agent.get(`/api/v1/customer-imports/${id}`);
    expect(r.statusCode).toBe(200);
    const imp = r.json();
    if (imp.status === 'failed') throw new Error(`import failed: ${imp.error}`);
    return statuses.includes(imp.status) ? imp : null;
  }, timeoutMs, 50);
}

/** Upload → accept the proposed mapping (or the one given) → preview finished. */
export async function uploadAndPreview(agent: Agent, csv: Buffer | string, mapping?: (string | null)[]) {
  const up = await upload(agent, csv);
  expect(up.statusCode, up.body).toBe(201);
  const imp = up.json();
  const pr = await agent.post(`/api/v1/customer-imports/${imp.id}/preview`, { mapping: mapping ?? imp.mapping });
  expect(pr.statusCode, pr.body).toBe(202);
  return waitForStatus(agent, imp.id, ['ready']);
}

export async function runImport(agent: Agent, id: string, duplicateMode: 'skip' | 'update', timeoutMs?: number) {
  const r = await agent.post(`/api/v1/customer-imports/${id}/start`, { duplicateMode });
  expect(r.statusCode, r.body).toBe(202);
  return waitForStatus(agent, id, ['completed'], timeoutMs);
}

export async function allIssues(agent: Agent, id: string, phase: 'preview' | 'import') {
  const items: { line: number; kind: string; field: string | null; message: string; existingNumber: string | null; otherLine: number | null }[] = [];
  let cursor: string | null = null;
  do {
    const r = await agent.get(`/api/v1/customer-imports/${id}/issues?phase=${phase}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.statusCode).toBe(200);
    items.push(...r.json().items);
    cursor = r.json().nextCursor;
  } while (cursor);
  return items;
}
