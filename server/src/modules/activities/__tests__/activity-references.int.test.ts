import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, anActivity, ifMatch, inMinutes, openTicket, type OpenedTicket, query } from '../../../../test/factories/index.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/harness.ts';

const MADE_UP = '00000000-0000-4000-8000-00000000abcd';

type Problem = { status: number; code: string; errors: { field: string }[] };
const fieldsOf = (body: Problem) => body.errors.map((e) => e.field);

describe('activity references to tickets and opportunities (SAL-6, BOLA)', () => {
  // One app for these its (starting one costs seconds): they share it and the customers and tickets made in
  // beforeAll; each it creates the activities it changes, and counts rows around the refusals it asserts.
  let t: TestApp;
  let sales: Agent;
  let admin: Agent;
  let mine: { id: string; number: string };
  let other: { id: string; number: string };
  let ticket: OpenedTicket;
  let hiddenTicket: OpenedTicket;

  const ticketOf = (customerId: string) => openTicket(admin, { title: 'Router down', customerId });
  const counts = async () =>
    (
      await query<{ activities: number; history: number }>(
        t,
        `select (select count(*)::int from activities) as activities, (select count(*)::int from history where entity_type = 'activity') as history`,
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    sales = await t.loginAs('sales1@demo.test');
    admin = await t.loginAs('admin');
    mine = await aCustomer(sales);
    other = await aCustomer(sales);
    ticket = await ticketOf(mine.id);
    // An unowned customer outside any team: sales1 sees neither it nor its tickets.
    hiddenTicket = await ticketOf((await aCustomer(admin, { ownerId: null })).id);
  });
  afterAll(async () => t.stop());

  it('answers 404 naming ticketId to a made-up ticket id, inserting nothing', async () => {
    const before = await counts();
    const refused = await sales.post('/api/v1/activities', { type: 'CALL', subject: 'About nothing', customerId: mine.id, ticketId: MADE_UP, startAt: inMinutes(0) });
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'not_found' });
    expect(fieldsOf(refused.json())).toEqual(['ticketId']);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for a ticket the caller may not see exactly as for a missing one', async () => {
    expect((await sales.get(`/api/v1/tickets/${hiddenTicket.number}`)).statusCode).toBe(404);
    const before = await counts();
    const invisible = await sales.post('/api/v1/activities', { type: 'CALL', subject: 'Snooping', ticketId: hiddenTicket.id, startAt: inMinutes(0) });
    const missing = await sales.post('/api/v1/activities', { type: 'CALL', subject: 'Snooping', ticketId: MADE_UP, startAt: inMinutes(0) });
    expect(invisible.statusCode).toBe(404);
    const { requestId: _a, ...a } = invisible.json();
    const { requestId: _b, ...b } = missing.json();
    expect(a).toEqual(b);
    // Marketing may log activities but sees no ticket at all.
    const marketing = await t.loginAs('marketing');
    const refused = await marketing.post('/api/v1/activities', { type: 'NOTE', subject: 'Campaign reply', ticketId: ticket.id, startAt: inMinutes(0) });
    expect(refused.statusCode).toBe(404);
    expect(fieldsOf(refused.json())).toEqual(['ticketId']);
    expect(await counts()).toEqual(before);
  });

  it('answers 422 naming ticketId when the ticket belongs to another customer than the activity', async () => {
    const before = await counts();
    const refused = await sales.post('/api/v1/activities', { type: 'CALL', subject: 'Mixed up', customerId: other.id, ticketId: ticket.id, startAt: inMinutes(0) });
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused.json())).toEqual(['ticketId']);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 naming opportunityId to any opportunity id (no opportunity exists yet)', async () => {
    const before = await counts();
    const refused = await sales.post('/api/v1/activities', { type: 'MEETING', subject: 'Deal review', customerId: mine.id, opportunityId: MADE_UP, startAt: inMinutes(60) });
    expect(refused.statusCode).toBe(404);
    expect(fieldsOf(refused.json())).toEqual(['opportunityId']);
    expect(await counts()).toEqual(before);
  });

  it('links a visible ticket, takes the ticket’s customer when none is given, and lists the ticket’s activities', async () => {
    const withCustomer = await sales.post('/api/v1/activities', { type: 'CALL', subject: 'Called about the router', customerId: mine.number, ticketId: ticket.id, startAt: inMinutes(-5) });
    expect(withCustomer.statusCode, withCustomer.body).toBe(201);
    expect(withCustomer.json()).toMatchObject({ ticketId: ticket.id, customer: { id: mine.id } });
    const ticketOnly = await sales.post('/api/v1/activities', { type: 'TASK', subject: 'Check the line', ticketId: ticket.id, startAt: inMinutes(30) });
    expect(ticketOnly.statusCode, ticketOnly.body).toBe(201);
    expect(ticketOnly.json()).toMatchObject({ ticketId: ticket.id, customer: { id: mine.id } });
    await anActivity(sales, { subject: 'Unrelated call', customerId: mine.id, startAt: inMinutes(-1) });

    const listed = await sales.get(`/api/v1/activities?ticketId=${ticket.id}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((a: { subject: string }) => a.subject)).toEqual(['Called about the router', 'Check the line']);
  });

  it('checks the same references on PATCH, changing nothing on refusal', async () => {
    const a = await anActivity(sales, { type: 'TASK', subject: 'Edit me', customerId: other.id, startAt: inMinutes(90) });
    const before = await counts();
    const missing = await sales.patch(`/api/v1/activities/${a.id}`, { ticketId: MADE_UP }, ifMatch(1));
    expect(missing.statusCode).toBe(404);
    expect(fieldsOf(missing.json())).toEqual(['ticketId']);
    const invisible = await sales.patch(`/api/v1/activities/${a.id}`, { ticketId: hiddenTicket.id }, ifMatch(1));
    expect(invisible.statusCode).toBe(404);
    expect(fieldsOf(invisible.json())).toEqual(['ticketId']);
    const mismatch = await sales.patch(`/api/v1/activities/${a.id}`, { ticketId: ticket.id }, ifMatch(1));
    expect(mismatch.statusCode).toBe(422);
    expect(fieldsOf(mismatch.json())).toEqual(['ticketId']);
    const opportunity = await sales.patch(`/api/v1/activities/${a.id}`, { opportunityId: MADE_UP }, ifMatch(1));
    expect(opportunity.statusCode).toBe(404);
    expect(fieldsOf(opportunity.json())).toEqual(['opportunityId']);
    expect(await counts()).toEqual(before);
    expect((await sales.get(`/api/v1/activities/${a.id}`)).json()).toMatchObject({ version: 1, ticketId: null, opportunityId: null, customer: { id: other.id } });

    // Moving it to the ticket's customer and the ticket together is fine; then another customer is refused.
    const linked = await sales.patch(`/api/v1/activities/${a.id}`, { customerId: mine.id, ticketId: ticket.id }, ifMatch(1));
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ version: 2, ticketId: ticket.id, customer: { id: mine.id } });
    const moved = await sales.patch(`/api/v1/activities/${a.id}`, { customerId: other.id }, ifMatch(2));
    expect(moved.statusCode).toBe(422);
    expect(fieldsOf(moved.json())).toEqual(['ticketId']);
  });
});
