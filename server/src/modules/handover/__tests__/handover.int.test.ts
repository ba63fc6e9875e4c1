import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, login, type TestApp } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';
import { aContract, aCustomer, anActivity, anInvoice, aStaffUser, inMinutes, unique } from '../../../../test/factories/index.ts';
import { startHandovers } from '../index.ts';

interface Handover {
  id: string;
  stage: string;
  reason: string;
  returnReason: string | null;
  customer: { id: string };
  items: { id: string; kind: string; count: number; details: string; completed: boolean }[];
  allowedSteps: string[];
}

describe('customer handover (CUS-6)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let manager: Agent;
  let sales1: Agent;
  let sales2: Agent;
  let salesTeamId: string;

  /** A new sales rep in the Sales team (managed by manager@) owning one customer with real records. */
  async function leaverWithCustomer(country = 'VN') {
    const user = await aStaffUser(admin, 'sales', { teamIds: [salesTeamId] });
    const email = `${unique('hc')}@example.test`;
    const customer = await aCustomer(admin, { fullName: unique('Handover Customer '), email, country, ownerId: user.id });
    const contract = await aContract(admin, customer.id, { status: 'ACTIVE' });
    await anInvoice(admin, customer.id, { amount: '300.00', paidAmount: '100.00', status: 'PARTIALLY_PAID' });
    const activity = await anActivity(admin, { customerId: customer.id, startAt: inMinutes(24 * 60), ownerId: user.id });
    return { userId: user.id, version: user.version, customerId: customer.id, contractId: contract.id, activityId: activity.id, email };
  }

  async function handoverOf(customerId: string): Promise<Handover> {
    const listed = await waitFor('the handover to start', async () => {
      const items = (await admin.get('/api/v1/handovers', { query: { limit: '200' } })).json().items as Handover[];
      return items.find((h) => h.customer.id === customerId);
    });
    return (await admin.get(`/api/v1/handovers/${listed.id}`)).json();
  }

  beforeAll(async () => {
    t = await createTestApp();
    [admin, manager, sales1, sales2] = await Promise.all(['admin', 'manager', 'sales1@demo.test', 'sales2@demo.test'].map((w) => t.loginAs(w)));
    salesTeamId = (await admin.get('/api/v1/teams')).json().items.find((x: { kind: string }) => x.kind === 'SALES').id;
  });
  afterAll(async () => t.stop());

  it('starts a handover with a checklist from real data when the owner is deactivated', async () => {
    const l = await leaverWithCustomer();
    expect((await admin.post(`/api/v1/users/${l.userId}/deactivate`)).statusCode).toBe(200);
    const h = await handoverOf(l.customerId);
    expect(h).toMatchObject({ stage: 'preparation', reason: 'resignation' });
    const byKind = Object.fromEntries(h.items.map((i) => [i.kind, i]));
    expect(Object.keys(byKind)).toEqual(['basic_info', 'opportunities', 'contracts', 'service_tickets', 'payment_issues']);
    expect(byKind.contracts).toMatchObject({ count: 1, completed: false });
    expect(byKind.contracts.details).toMatch(/^• CTR-\S+ Support plan \(1,200\.00 VND\)$/);
    expect(byKind.payment_issues.count).toBe(1);
    expect(byKind.payment_issues.details).toMatch(/^• \S+: 200\.00 VND open$/);
    expect(byKind.opportunities.count).toBe(0);
    expect(byKind.service_tickets.count).toBe(0);
    // The manager of the leaver's team is told to choose a receiver.
    await waitFor('the manager to be notified', async () =>
      (await manager.get('/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'handover.started'),
    );
  });

  it('walks preparation → review (sent back, then approved) → confirmation → completed, each step only by the right person', async () => {
    const l = await leaverWithCustomer('VN');
    await admin.post(`/api/v1/users/${l.userId}/deactivate`);
    const h = await handoverOf(l.customerId);
    const url = `/api/v1/handovers/${h.id}`;

    // Wrong stage: nothing can be approved or accepted in preparation.
    const early = await manager.post(`${url}/approve`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'handover_wrong_stage', errors: [{ field: 'stage' }] });
    // Sales may not choose the receiver (permission), an agent is not a possible receiver.
    expect((await sales1.put(`${url}/receiver`, { receiverId: sales1.me!.id })).statusCode).toBe(403);
    const agent = await t.loginAs('agent');
    const badReceiver = await manager.put(`${url}/receiver`, { receiverId: agent.me!.id });
    expect(badReceiver.statusCode).toBe(422);
    expect(badReceiver.json().errors[0].field).toBe('receiverId');
    const chosen = await manager.put(`${url}/receiver`, { receiverId: sales1.me!.id });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().allowedSteps).toEqual(['setReceiver', 'prepare', 'submit']);

    // The receiver cannot prepare (the owner left: the responsible manager does).
    const byReceiver = await sales1.patch(`${url}/items/${h.items[0].id}`, { completed: true });
    expect(byReceiver.statusCode).toBe(403);
    expect(byReceiver.json().code).toBe('handover_wrong_person');
    const incomplete = await manager.post(`${url}/submit`);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({ code: 'checklist_incomplete', errors: [{ field: 'items' }] });
    for (const item of h.items) expect((await manager.patch(`${url}/items/${item.id}`, { completed: true, note: 'Checked' })).statusCode).toBe(200);
    expect((await manager.post(`${url}/submit`)).json().stage).toBe('review');

    // Review: a reason is required to send back; sent back returns to preparation with it.
    const noReason = await manager.post(`${url}/send-back`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toContain('reason');
    const back = await manager.post(`${url}/send-back`, { reason: 'Add the payment plan of the open invoice' });
    expect(back.json()).toMatchObject({ stage: 'preparation', returnReason: 'Add the payment plan of the open invoice' });
    expect((await manager.post(`${url}/submit`)).json()).toMatchObject({ stage: 'review', returnReason: null });
    expect((await sales1.post(`${url}/approve`)).statusCode).toBe(403);
    expect((await manager.post(`${url}/approve`)).json().stage).toBe('confirmation');

    // Confirmation: only the receiver; others are refused and nothing moves.
    const notReceiver = await manager.post(`${url}/accept`);
    expect(notReceiver.statusCode).toBe(403);
    expect(notReceiver.json().code).toBe('handover_wrong_person');
    expect((await sales2.post(`${url}/accept`)).statusCode).toBe(404);
    const owner = async () => (await t.database.executor.query<{ owner_id: string }>('select owner_id from customers where id = $1', [l.customerId])).rows[0].owner_id;
    expect(await owner()).toBe(l.userId);
    expect((await sales1.get(`${url}`)).json().allowedSteps).toEqual(['accept']);
    const done = await sales1.post(`${url}/accept`);
    expect(done.statusCode).toBe(200);
    expect(done.json().stage).toBe('completed');
    const timeline = done.json().timeline as { action: string; actor: { name: string } | null; note: string | null }[];
    expect(timeline.map((e) => e.action)).toEqual(['started', 'receiver_chosen', 'submitted', 'sent_back', 'submitted', 'approved', 'completed']);
    expect(timeline[3]).toMatchObject({ actor: { name: 'Minh Nguyen' }, note: 'Add the payment plan of the open invoice' });
    expect((await sales1.post(`${url}/accept`)).json().code).toBe('handover_wrong_stage');

    // The customer and its open records moved in the same transaction.
    expect(await owner()).toBe(sales1.me!.id);
    const contract = await t.database.executor.query<{ owner_id: string }>('select owner_id from contracts where id = $1', [l.contractId]);
    expect(contract.rows[0].owner_id).toBe(sales1.me!.id);
    const activity = await t.database.executor.query<{ owner_id: string }>('select owner_id from activities where id = $1', [l.activityId]);
    expect(activity.rows[0].owner_id).toBe(sales1.me!.id);

    // The customer was told, in Vietnamese (country VN), who the new contact is.
    const mails = (await admin.get('/api/v1/admin/mail')).json().items.filter((m: { to: string }) => m.to === l.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'handover.new_contact', subject: 'Người liên hệ mới của Quý khách: Sam Sales' });
    const body = (await admin.get(`/api/v1/admin/mail/${mails[0].id}`)).json().text;
    expect(body).toContain('sales1@demo.test');

    const steps = (await admin.get(`/api/v1/history/handover/${h.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(steps).toEqual(expect.arrayContaining(['started', 'receiver_chosen', 'item_updated', 'submitted', 'sent_back', 'approved', 'completed']));
    await waitFor('the receiver to be asked to confirm', async () =>
      (await sales1.get('/api/v1/notifications')).json().items.find((n: { kind: string; title: string }) => n.kind === 'handover.step' && n.title.includes('confirm')),
    );
  });

  it('starts handovers when a user changes team or role, and never twice for one customer', async () => {
    const l = await leaverWithCustomer('BG');
    // From Sales to Marketing: a position change (both teams are led by manager@ in the demo).
    const marketing = (await admin.get('/api/v1/teams')).json().items.find((x: { kind: string }) => x.kind === 'MARKETING').id;
    const moved = await admin.patch(`/api/v1/users/${l.userId}`, { teamIds: [marketing] }, { headers: { 'if-match': `"${l.version}"` } });
    expect(moved.statusCode).toBe(200);
    const h = await handoverOf(l.customerId);
    expect(h.reason).toBe('position_change');
    // Still active: the owner prepares; the manager does not.
    const signedIn = await login(t, (await admin.get(`/api/v1/users/${l.userId}`)).json().email, 'a-long-password-1');
    expect(signedIn.statusCode).toBe(200);
    const salesAgent = new Agent(t, `sb_session=${signedIn.cookies.find((c) => c.name === 'sb_session')!.value}`, signedIn.json().csrfToken);
    await admin.put(`/api/v1/handovers/${h.id}/receiver`, { receiverId: sales2.me!.id });
    expect((await manager.patch(`/api/v1/handovers/${h.id}/items/${h.items[0].id}`, { completed: true })).json().code).toBe('handover_wrong_person');
    expect((await salesAgent.patch(`/api/v1/handovers/${h.id}/items/${h.items[0].id}`, { completed: true })).statusCode).toBe(200);
    // A second trigger for the same owner (deactivation now, or a retried event) starts nothing new.
    expect(await startHandovers(t.ctx, { userId: l.userId, reason: 'resignation', actorId: null })).toEqual([]);
    const count = await t.database.executor.query<{ n: number }>('select count(*)::int as n from handovers where customer_id = $1', [l.customerId]);
    expect(count.rows[0].n).toBe(1);
  });

  it('starts a handover when a manager or admin takes the owner out of their team on the team page', async () => {
    const l = await leaverWithCustomer('GB');
    const team = (await admin.get(`/api/v1/teams/${salesTeamId}`)).json();
    const memberIds = team.members.map((m: { id: string }) => m.id).filter((id: string) => id !== l.userId);
    const saved = await admin.patch(`/api/v1/teams/${salesTeamId}`, { memberIds }, { headers: { 'if-match': `"${team.version}"` } });
    expect(saved.statusCode).toBe(200);
    const h = await handoverOf(l.customerId);
    expect(h).toMatchObject({ stage: 'preparation', reason: 'position_change' });
  });

  it('shows the demo handover waiting in review to the manager, not to an unrelated sales rep', async () => {
    const review = (await manager.get('/api/v1/handovers', { query: { stage: 'review' } })).json();
    expect(review.items.length).toBeGreaterThan(0);
    expect(review.counts.review).toBeGreaterThan(0);
    expect((await sales2.get('/api/v1/handovers', { query: { stage: 'review' } })).json().items).toHaveLength(0);
  });
});
