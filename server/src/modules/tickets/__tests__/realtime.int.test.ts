import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { listenForSockets, subscribe, type TestSockets } from '../../../../test/sockets.ts';
import { waitFor } from '../../../../test/wait.ts';
import { aCustomer, ifMatch, openTicket, query, unique } from '../../../../test/factories/index.ts';

interface MessageEvent {
  number: string;
  message: { body: string; internal: boolean };
}

/** Per-ticket rooms per audience: a client's socket never receives an internal note. */
describe('tickets: realtime', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let sockets: TestSockets;
  let agent: Agent;
  let client1: Agent;
  let client2: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    sockets = await listenForSockets(t);
    agent = await t.loginAs('agent1@demo.test');
    client1 = await t.loginAs('client1@demo.test');
    client2 = await t.loginAs('client2@demo.test');
  });
  afterAll(async () => {
    sockets.close();
    await t.stop();
  });

  /** Everything a socket receives, in order. */
  const record = (socket: Socket) => {
    const seen: { event: string; payload: unknown }[] = [];
    socket.onAny((event, payload) => seen.push({ event, payload }));
    return seen;
  };

  it('sends public messages to both audiences and internal notes to staff only', async () => {
    const ticket = await openTicket(client1, { title: 'Live ticket' });
    const [staffSocket, clientSocket, outsiderSocket] = await Promise.all([sockets.asBrowser(agent), sockets.asBrowser(client1), sockets.asBrowser(client2)]);
    expect(await subscribe(staffSocket, `ticket:${ticket.number}`)).toEqual({ ok: true });
    expect(await subscribe(clientSocket, `ticket:${ticket.id}`)).toEqual({ ok: true });
    // Another customer's client is refused by number and id, and learns nothing.
    expect(await subscribe(outsiderSocket, `ticket:${ticket.number}`)).toEqual({ ok: false });
    expect(await subscribe(outsiderSocket, `ticket:${ticket.id}`)).toEqual({ ok: false });
    expect(await subscribe(outsiderSocket, 'user:someone-else')).toEqual({ ok: false });
    const staffSeen = record(staffSocket);
    const clientSeen = record(clientSocket);
    const outsiderSeen = record(outsiderSocket);

    await agent.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'narwhal internal note', internal: true });
    await agent.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Public reply', internal: false });
    await agent.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'in_progress' }, ifMatch(1));

    await waitFor('the client to get the status change', () => clientSeen.find((e) => e.event === 'ticket.updated'));
    await waitFor('staff to get the status change', () => staffSeen.find((e) => e.event === 'ticket.updated'));
    const bodies = (seen: typeof staffSeen) => seen.filter((e) => e.event === 'ticket.message').map((e) => (e.payload as MessageEvent).message.body);
    expect(bodies(staffSeen)).toEqual(['narwhal internal note', 'Public reply']);
    expect(bodies(clientSeen)).toEqual(['Public reply']);
    expect(JSON.stringify(clientSeen)).not.toContain('narwhal');
    expect(clientSeen.find((e) => e.event === 'ticket.updated')!.payload).toMatchObject({ number: ticket.number, fields: ['status'], version: 2 });
    expect(outsiderSeen.filter((e) => e.event.startsWith('ticket.'))).toEqual([]);
  });
  it('stops delivering to a socket whose user lost sight of the ticket, which leaves the room until it subscribes again', async () => {
    const admin = await t.loginAs('admin');
    const agent2 = await t.loginAs('agent2@demo.test');
    const component = async (key: string) => (await query<{ id: string }>(t, 'select id from ticket_components where key = $1', [key]))[0].id;
    // Demo staffing: agent2 works the service desk, not hardware.
    const customerId = (await aCustomer(admin, { fullName: unique('Moving Customer ') })).id;
    const ticket = await openTicket(admin, { title: 'Ticket that changes hands', customerId, componentId: await component('service_desk') });
    const [agentSocket, adminSocket] = await Promise.all([sockets.asBrowser(agent2), sockets.asBrowser(admin)]);
    expect(await subscribe(agentSocket, `ticket:${ticket.number}`)).toEqual({ ok: true });
    expect(await subscribe(adminSocket, `ticket:${ticket.number}`)).toEqual({ ok: true });
    const agentSeen = record(agentSocket);
    const adminSeen = record(adminSocket);
    const bodies = (seen: typeof agentSeen) => seen.filter((e) => e.event === 'ticket.message').map((e) => (e.payload as MessageEvent).message.body);
    const post = async (body: string) => expect((await admin.post(`/api/v1/tickets/${ticket.number}/messages`, { body, internal: false })).statusCode).toBe(201);
    const moveTo = async (key: string) => {
      const current = (await admin.get(`/api/v1/tickets/${ticket.number}`)).json();
      expect((await admin.patch(`/api/v1/tickets/${ticket.number}`, { componentId: await component(key) }, ifMatch(current.version))).statusCode).toBe(200);
    };

    await post('before the move');
    await waitFor('agent2 to get the first reply', () => bodies(agentSeen).length === 1 || null);
    await moveTo('hardware');
    await post('after the move');
    // The admin's socket is the witness that the second reply was delivered.
    await waitFor('the admin to get the second reply', () => bodies(adminSeen).length === 2 || null);
    expect(bodies(agentSeen)).toEqual(['before the move']);
    // Back on the service desk, the socket is out of the room until it asks again.
    await moveTo('service_desk');
    await post('back home');
    await waitFor('the admin to get the third reply', () => bodies(adminSeen).length === 3 || null);
    expect(bodies(agentSeen)).toEqual(['before the move']);
    expect(await subscribe(agentSocket, `ticket:${ticket.number}`)).toEqual({ ok: true });
    await post('subscribed again');
    await waitFor('agent2 to get the reply after subscribing again', () => bodies(agentSeen).length === 2 || null);
    expect(bodies(agentSeen)).toEqual(['before the move', 'subscribed again']);
  });
});
