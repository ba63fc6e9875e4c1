import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../../src/app.ts';
import { can, type Permission, ROLES, type Role } from '../../src/platform/permissions/roles.ts';
import { type Agent, createTestApp, type TestApp } from '../harness.ts';

/** Fills path parameters with ids nobody has: allowed callers then get 400/404, never a side effect. */
function concreteUrl(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => (name === 'name' ? 'no-such-job' : '00000000-0000-4000-8000-000000000000'));
}

/** Every route × every role is a few thousand requests: more than the default 30 s on a busy machine. */
const ROLE_LOOP_TIMEOUT_MS = 180_000;

function isApiRoute(r: RouteInfo) {
  return r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json';
}

/**
 * Counts rows in every table of the application's schema, read from the database catalogue (so a new
 * module's tables are covered without editing this file): a refused call must leave all of them as they were.
 */
async function snapshot(t: TestApp) {
  const { rows: tables } = await t.database.executor.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts = tables.map(({ name }) => `select '${name}' as table, count(*)::int as n from "${name}"`).join(' union all ');
  const { rows } = await t.database.executor.query<{ table: string; n: number }>(counts);
  return rows;
}

describe('permission matrix: every role against every route', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  const agents = new Map<Role, Agent>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) agents.set(role, await t.loginAs(role));
  });
  afterAll(async () => t.stop());

  it('answers 401 to anonymous callers on every non-public API route', async () => {
    const anonymous = t.anonymous();
    for (const route of t.routes.filter((r) => isApiRoute(r) && r.access !== 'public')) {
      const response = await anonymous.request(route.method, concreteUrl(route.url), route.method === 'GET' ? undefined : {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 403 to each role without the permission — and changes nothing', async () => {
    const before = await snapshot(t);
    let refusals = 0;
    for (const route of t.routes.filter((r) => isApiRoute(r) && r.access !== 'public' && r.access !== 'authenticated')) {
      for (const role of ROLES) {
        if (can(role, route.access as Permission)) continue;
        const response = await agents.get(role)!.request(route.method, concreteUrl(route.url), route.method === 'GET' ? undefined : {});
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(response.json().code).toBe('forbidden');
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(30);
    expect(await snapshot(t)).toEqual(before);
  }, ROLE_LOOP_TIMEOUT_MS);

  it('lets each role with the permission past the gate (no 401/403)', async () => {
    for (const route of t.routes.filter((r) => isApiRoute(r) && r.access !== 'public')) {
      for (const role of ROLES) {
        if (route.access !== 'authenticated' && !can(role, route.access as Permission)) continue;
        if (route.url === '/api/v1/auth/logout') continue; // would end the shared session; covered in auth tests
        const response = await agents.get(role)!.request(route.method, concreteUrl(route.url), route.method === 'GET' ? undefined : {});
        expect([401, 403], `${role} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`).not.toContain(
          response.statusCode,
        );
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBeLessThan(500);
      }
    }
  }, ROLE_LOOP_TIMEOUT_MS);
});
