import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';

describe('OpenAPI document and docs', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.stop());

  it('publishes an OpenAPI 3.1 document describing every /api/v1 route', async () => {
    const response = await t.anonymous().get('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const expected = t.routes
      .filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(expected.filter((e) => !documented.has(e))).toEqual([]);
    expect(doc.paths['/api/v1/users'].post.requestBody).toBeDefined();
  });

  it('serves the interactive docs page', async () => {
    const response = await t.anonymous().get('/api/docs/');
    expect([200, 302]).toContain(response.statusCode);
  });
});
