import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';

/** Contract item 8 (TKT-13): the portal's "Report a problem" and "Feedback" forms are seeded ticket types. */
describe('portal form ticket types', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let client: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    client = await t.loginAs('client1@demo.test');
  });
  afterAll(async () => t.stop());

  type Type = { key: string; portalForm: string | null; labels: Record<string, string>; fields: { key: string; type: string; required: boolean; options: string[] }[] };

  it('seeds problem_report and feedback with their fields and names in four languages, marked portalForm', async () => {
    const items = (await client.get('/api/v1/ticket-types')).json().items as Type[];
    const byKey = new Map(items.map((i) => [i.key, i]));
    const problem = byKey.get('problem_report')!;
    const feedback = byKey.get('feedback')!;
    expect(problem.portalForm).toBe('problem_report');
    expect(feedback.portalForm).toBe('feedback');
    expect(items.filter((i) => i.portalForm).map((i) => i.key).sort()).toEqual(['feedback', 'problem_report']);
    expect(byKey.get('hr')!.portalForm).toBeNull();
    for (const type of [problem, feedback]) expect(Object.keys(type.labels).sort()).toEqual(['bg', 'en', 'vi', 'zh']);
    expect(problem.fields.map((f) => [f.key, f.type, f.required])).toEqual([['where', 'text', true], ['steps', 'text', false], ['severity', 'select', true]]);
    expect(problem.fields[2].options).toEqual(['low', 'medium', 'high']);
    expect(feedback.fields.map((f) => [f.key, f.type, f.required])).toEqual([['area', 'select', true], ['rating', 'number', false]]);
    expect(feedback.fields[0].options).toEqual(['product', 'service', 'website', 'other']);
  });

  it('lets a client report a problem through POST /tickets, with the form type’s required fields enforced', async () => {
    const missing = await client.post('/api/v1/tickets', { title: 'App crashes', description: 'It closes itself.', type: 'problem_report', typeFields: { steps: 'Open it' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['typeFields.severity', 'typeFields.where']);
    const bad = await client.post('/api/v1/tickets', { title: 'Nice', description: 'Good service.', type: 'feedback', typeFields: { area: 'kitchen' } });
    expect(bad.json().errors[0].field).toBe('typeFields.area');
    const ok = await client.post('/api/v1/tickets', { title: 'App crashes', description: 'It closes itself.', type: 'problem_report', typeFields: { where: 'Mobile app, login screen', severity: 'high' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ type: { key: 'problem_report' }, typeFields: { where: 'Mobile app, login screen', severity: 'high' }, source: 'portal' });
  });
});
