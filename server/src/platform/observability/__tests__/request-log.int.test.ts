import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';

/** Issue 10 item 9: one log line per request (Fastify wrote "incoming request" and "request completed"). */
describe('request log', () => {
  // One app for the file's single it, which shares only the captured log lines (cleared before it asserts).
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    t = await createTestApp({ logLevel: 'info' }, { logStream: { write: (line) => void lines.push(JSON.parse(line)) } });
  });
  afterAll(() => t.stop());

  it('writes exactly one line per answered request, with method, url, status, time and request id', async () => {
    const admin = await t.loginAs('admin');
    lines.length = 0;
    const me = await admin.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    const missing = await admin.get('/api/v1/tickets/TCK-999999');
    expect(missing.statusCode).toBe(404);
    const requestLines = lines.filter((l) => typeof l.reqId === 'string');
    expect(requestLines.map((l) => [l.msg, l.method, l.url, l.statusCode])).toEqual([
      ['request', 'GET', '/api/v1/me', 200],
      ['request', 'GET', '/api/v1/tickets/TCK-999999', 404],
    ]);
    for (const line of requestLines) expect(line.responseTime).toEqual(expect.any(Number));
    expect(new Set(requestLines.map((l) => l.reqId)).size).toBe(2);
    expect(lines.some((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toBe(false);
  });
});
