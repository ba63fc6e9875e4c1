import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, idempotencyKeyFor, SAME_SUBMISSION_MS } from './client.ts';

describe('Idempotency-Key on the web client’s POSTs', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('gives the same submission (URL and body) the same key, and another one another key', () => {
    const first = idempotencyKeyFor('/api/v1/customers', '{"fullName":"A"}');
    expect(idempotencyKeyFor('/api/v1/customers', '{"fullName":"A"}')).toBe(first);
    expect(idempotencyKeyFor('/api/v1/customers', '{"fullName":"B"}')).not.toBe(first);
    expect(idempotencyKeyFor('/api/v1/tickets', '{"fullName":"A"}')).not.toBe(first);
  });

  it('forgets a key once the submission window has passed: a deliberate second create is a new one', () => {
    vi.useFakeTimers();
    const first = idempotencyKeyFor('/api/v1/activities', '{"subject":"Call"}');
    vi.advanceTimersByTime(SAME_SUBMISSION_MS + 1);
    expect(idempotencyKeyFor('/api/v1/activities', '{"subject":"Call"}')).not.toBe(first);
  });

  it('sends a POST again with the same key when the server could not be reached, and never a GET', async () => {
    const calls: { method: string; key: string | undefined }[] = [];
    let failures = 1;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ method: String(init.method), key: headers['Idempotency-Key'] });
      if (failures-- > 0) throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ id: 'x' }), { status: 201, headers: { 'content-type': 'application/json' } });
    });
    await expect(api('/api/v1/customers', { method: 'POST', body: { fullName: 'Retry' } })).resolves.toEqual({ id: 'x' });
    expect(calls).toHaveLength(2);
    expect(calls[0].key).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[1].key).toBe(calls[0].key);

    calls.length = 0;
    failures = 1;
    await expect(api('/api/v1/customers')).rejects.toMatchObject({ code: 'network_error' });
    expect(calls).toEqual([{ method: 'GET', key: undefined }]);
  });
});
