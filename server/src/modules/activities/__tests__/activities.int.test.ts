import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';
import { sendDueReminders } from '../activities.jobs.ts';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const ifMatch = (v: number) => ({ headers: { 'if-match': `"${v}"` } });

describe('activities (SAL-6)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let sales: Agent;
  let customer: { id: string; number: string };
  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales');
    customer = (await sales.post('/api/v1/customers', { fullName: 'Activity Target' })).json();
  });
  afterAll(async () => t.stop());

  it('plans an activity with participants; refuses bad references and times', async () => {
    const sales2 = await t.loginAs('sales2@demo.test');
    const created = await sales.post('/api/v1/activities', {
      type: 'MEETING',
      subject: 'Kick-off',
      customerId: customer.number,
      startAt: inMinutes(60 * 24),
      endAt: inMinutes(60 * 24 + 45),
      participantIds: [sales2.me!.id],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'PLANNED', priority: 'NORMAL', durationMinutes: 45, customer: { id: customer.id }, owner: { id: sales.me!.id }, participants: [{ id: sales2.me!.id }] });

    const bad = await sales.post('/api/v1/activities', { type: 'CALL', subject: 'x', customerId: '00000000-0000-4000-8000-000000000000', startAt: inMinutes(10), endAt: inMinutes(5) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['customerId', 'endAt']);
    expect((await sales.post('/api/v1/activities', { type: 'PARTY', subject: 'x', startAt: inMinutes(1) })).json().errors[0].field).toBe('type');
    expect((await sales.post('/api/v1/activities', { type: 'CALL', subject: 'x', startAt: inMinutes(1), ownerId: sales2.me!.id })).statusCode).toBe(403);
  });

  it('completing with a follow-up sets the customer\'s last and next contact in the same transaction', async () => {
    const call = (await sales.post('/api/v1/activities', { type: 'CALL', subject: 'Discovery call', customerId: customer.id, startAt: inMinutes(-30) })).json();
    const followUp = inMinutes(60 * 24 * 7);
    const before = Date.now();
    const done = await sales.post(`/api/v1/activities/${call.id}/complete`, { outcome: 'Wants a quote', nextSteps: 'Send quote', followUpAt: followUp });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'COMPLETED', outcome: 'Wants a quote', followUpAt: followUp });
    const c = (await sales.get(`/api/v1/customers/${customer.id}`)).json();
    expect(c.nextContactAt).toBe(followUp);
    expect(new Date(c.lastContactAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const again = await sales.post(`/api/v1/activities/${call.id}/complete`, {});
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('activity_closed');
    const history = await t.database.executor.query(`select action from history where entity_type = 'customer' and entity_id = $1 order by id`, [customer.id]);
    expect(history.rows.map((r) => r.action)).toContain('contacted');
  });

  it('refuses a completion whose follow-up is before the activity, changing nothing', async () => {
    const call = (await sales.post('/api/v1/activities', { type: 'CALL', subject: 'Bad follow-up', customerId: customer.id, startAt: inMinutes(-10) })).json();
    const refused = await sales.post(`/api/v1/activities/${call.id}/complete`, { followUpAt: inMinutes(-60) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('followUpAt');
    expect((await sales.get(`/api/v1/activities/${call.id}`)).json().status).toBe('PLANNED');
  });

  it('edits with If-Match; only owner, participant or a manager may edit', async () => {
    const a = (await sales.post('/api/v1/activities', { type: 'TASK', subject: 'Prepare deck', customerId: customer.id, startAt: inMinutes(120) })).json();
    expect((await sales.patch(`/api/v1/activities/${a.id}`, { subject: 'x' })).statusCode).toBe(428);
    const edited = await sales.patch(`/api/v1/activities/${a.id}`, { subject: 'Prepare the deck', priority: 'HIGH' }, ifMatch(1));
    expect(edited.json()).toMatchObject({ subject: 'Prepare the deck', priority: 'HIGH', version: 2 });
    expect((await sales.patch(`/api/v1/activities/${a.id}`, { subject: 'stale' }, ifMatch(1))).statusCode).toBe(412);
    expect((await sales.patch(`/api/v1/activities/${a.id}`, { status: 'COMPLETED' }, ifMatch(2))).statusCode).toBe(400);
    // sales2 sees it (team customer) but does not own it.
    const sales2 = await t.loginAs('sales2@demo.test');
    expect((await sales2.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(200);
    expect((await sales2.patch(`/api/v1/activities/${a.id}`, { subject: 'mine now' }, ifMatch(2))).statusCode).toBe(403);
    const manager = await t.loginAs('manager');
    expect((await manager.patch(`/api/v1/activities/${a.id}`, { priority: 'URGENT' }, ifMatch(2))).statusCode).toBe(200);
    // An agent logs service calls on any customer but cannot see a sales rep's private task.
    const agent = await t.loginAs('agent');
    const privateTask = (await sales.post('/api/v1/activities', { type: 'TASK', subject: 'Private', startAt: inMinutes(5) })).json();
    expect((await agent.get(`/api/v1/activities/${privateTask.id}`)).statusCode).toBe(404);
    expect((await agent.post('/api/v1/activities', { type: 'CALL', subject: 'Service call', customerId: customer.id, startAt: inMinutes(-1), status: 'COMPLETED' })).statusCode).toBe(201);
  });

  it('lists a customer\'s activities newest first and a calendar window in order, with keyset paging', async () => {
    const from = inMinutes(60 * 24 * 30);
    for (let i = 0; i < 7; i++) await sales.post('/api/v1/activities', { type: 'CALL', subject: `Calendar ${i}`, startAt: inMinutes(60 * 24 * 30 + i * 60) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { subject: string }[]; nextCursor: string | null } = (await sales.get(`/api/v1/activities?mine=true&from=${encodeURIComponent(from)}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((a: { subject: string }) => a.subject));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.filter((s) => s.startsWith('Calendar'))).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Calendar ${i}`));
    const ofCustomer = (await sales.get(`/api/v1/customers/${customer.number}/activities?limit=200`)).json().items;
    const starts = ofCustomer.map((a: { startAt: string }) => a.startAt);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(ofCustomer.some((a: { subject: string }) => a.subject === 'Customer created')).toBe(true);
  });

  it('"my day" lists overdue open activities first, then today\'s, in my time zone', async () => {
    const me = await t.loginAs('sales2@demo.test');
    const { rows } = await t.database.executor.query(`select (date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh') as start`);
    const dayStart = new Date(rows[0].start).getTime();
    const at = (ms: number) => new Date(dayStart + ms).toISOString();
    const overdue = (await me.post('/api/v1/activities', { type: 'CALL', subject: 'My overdue', startAt: at(-3 * 3600_000) })).json();
    const later = (await me.post('/api/v1/activities', { type: 'TASK', subject: 'My later', startAt: at(20 * 3600_000) })).json();
    const tomorrow = (await me.post('/api/v1/activities', { type: 'TASK', subject: 'My tomorrow', startAt: at(25 * 3600_000) })).json();
    const day = (await me.get('/api/v1/activities/my-day')).json();
    expect(day.timeZone).toBe('Asia/Ho_Chi_Minh');
    const ids = day.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(overdue.id);
    expect(ids).toContain(later.id);
    expect(ids).not.toContain(tomorrow.id);
    const firstNotOverdue = day.items.findIndex((a: { overdue: boolean }) => !a.overdue);
    expect(day.items.slice(0, firstNotOverdue).every((a: { overdue: boolean }) => a.overdue)).toBe(true);
    expect(ids.indexOf(overdue.id)).toBeLessThan(firstNotOverdue);
  });

  it('reminds owners of activities starting within 15 minutes, once', async () => {
    const soon = (await sales.post('/api/v1/activities', { type: 'CALL', subject: 'Reminder probe', startAt: inMinutes(10) })).json();
    const far = (await sales.post('/api/v1/activities', { type: 'CALL', subject: 'Too far probe', startAt: inMinutes(120) })).json();
    const count = async () =>
      (await t.database.executor.query(`select count(*)::int as n from notifications where kind = 'activity.reminder' and data->>'activityId' = any($1)`, [[soon.id, far.id]])).rows[0].n;
    expect(await sendDueReminders(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(1);
    await sendDueReminders(t.ctx);
    await Promise.all([sendDueReminders(t.ctx), sendDueReminders(t.ctx)]);
    expect(await count()).toBe(1);
    const bell = (await sales.get('/api/v1/notifications')).json().items;
    expect(bell.some((n: { title: string }) => n.title === 'Starting soon: Reminder probe')).toBe(true);
    // The link opens the activity's page in the web app (activities/:id, web/src/modules/activities/index.tsx).
    expect(bell.find((n: { title: string }) => n.title === 'Starting soon: Reminder probe').link).toBe(`/activities/${soon.id}`);
    // Rescheduling re-arms the reminder.
    await sales.patch(`/api/v1/activities/${soon.id}`, { startAt: inMinutes(12) }, ifMatch(1));
    await sendDueReminders(t.ctx);
    expect(await count()).toBe(2);
    const jobs = await t.ctx.jobs.list();
    expect(jobs.find((j) => j.name === 'activities.reminders')?.schedule).toBe('*/5 * * * *');
  });
});
