import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPermissions, isRole, permissionMatrix } from '../../src/platform/permissions/roles.ts';
import { createTestApp, type TestApp } from '../harness.ts';

describe('every route declares who may call it', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.stop());

  it('has no route without an access rule, and every rule is a known permission', () => {
    expect(t.routes.length).toBeGreaterThan(20);
    const known = new Set<string>([...allPermissions(), 'authenticated', 'public']);
    const undeclared = t.routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const unknown = t.routes.filter((r) => !known.has(r.access!)).map((r) => `${r.method} ${r.url} → ${r.access}`);
    expect(unknown).toEqual([]);
  });

  it('keeps public routes to an explicit, short list', () => {
    const publicRoutes = t.routes
      .filter((r) => r.access === 'public' && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/v1/auth/demo-accounts',
        'GET /api/v1/openapi.json',
        'GET /healthz',
        'GET /metrics',
        'GET /readyz',
        'POST /api/v1/auth/login',
        // KB-2: the public help centre (published public articles only; knowledge.int.test.ts).
        'GET /api/v1/help/articles',
        'GET /api/v1/help/articles/:language/:slug',
        'POST /api/v1/help/articles/:id/feedback',
        'GET /api/v1/help/categories',
        'GET /api/v1/help/files/:id',
        'GET /help',
        'GET /help/sitemap.xml',
        'GET /help/:language',
        'GET /help/:language/:slug',
        'POST /help/:language/:slug/feedback',
      ].sort(),
    );
  });

  it('grants each permission only to roles that exist', () => {
    expect(permissionMatrix().size).toBeGreaterThan(30);
    for (const { roles } of permissionMatrix().values()) for (const role of roles) expect(isRole(role)).toBe(true);
  });
});
