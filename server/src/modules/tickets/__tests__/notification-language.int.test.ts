import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { ticketTexts } from '../tickets.texts.ts';
import { customerOf, ifMatch, openTicket, query } from '../../../../test/factories/index.ts';

interface Notice {
  kind: string;
  title: string;
  body: string | null;
}

/** update-ticket's "you are the processor" notice reaches each processor in their own users.language. */
describe('ticket notifications in the recipient’s language', () => {
  // One app for these its (starting one costs seconds); each it opens its own ticket and reads only its notices.
  let t: TestApp;
  let agent: Agent;
  let customerId: string;
  const idOf = async (email: string) => (await query<{ id: string }>(t, 'select id from users where email = $1', [email]))[0].id;
  const noticesOf = async (who: Agent, number: string) =>
    ((await who.get('/api/v1/notifications')).json().items as Notice[]).filter((n) => n.kind === 'ticket.assigned' && n.title.startsWith(number));

  beforeAll(async () => {
    t = await createTestApp();
    // agent1 (Petar Ivanov) writes in Bulgarian; what the recipients read must not follow the writer.
    agent = await t.loginAs('agent1@demo.test');
    customerId = await customerOf(t, 'client1@demo.test');
  });
  afterAll(async () => t.stop());

  it('tells a Vietnamese-speaking processor in Vietnamese', async () => {
    const [manager] = await query<{ language: string }>(t, `select language from users where email = 'manager@demo.test'`);
    expect(manager.language).toBe('vi');
    const ticket = await openTicket(agent, { customerId });
    const response = await agent.patch(`/api/v1/tickets/${ticket.number}`, { processorId: await idOf('manager@demo.test') }, ifMatch(ticket.version));
    expect(response.statusCode, response.body).toBe(200);

    const notices = await noticesOf(await t.loginAs('manager@demo.test'), ticket.number);
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toBe('Petar Ivanov đã giao cho bạn xử lý phiếu này.');
    expect(notices[0].body).toBe(ticketTexts.text('vi', 'notice.assigned', { actor: 'Petar Ivanov' }));
  });

  it('tells a Chinese-speaking processor in Chinese and an English-speaking one in English', async () => {
    const zh = await openTicket(agent, { customerId });
    expect((await agent.post(`/api/v1/tickets/${zh.number}/assign`, { processorId: await idOf('agent3@demo.test') }, ifMatch(zh.version))).statusCode).toBe(200);
    const en = await openTicket(agent, { customerId });
    expect((await agent.post(`/api/v1/tickets/${en.number}/assign`, { processorId: await idOf('agent2@demo.test') }, ifMatch(en.version))).statusCode).toBe(200);

    expect((await noticesOf(await t.loginAs('agent3@demo.test'), zh.number)).map((n) => n.body)).toEqual(['Petar Ivanov 已将您设为该工单的处理人。']);
    expect((await noticesOf(await t.loginAs('agent2@demo.test'), en.number)).map((n) => n.body)).toEqual(['Petar Ivanov made you the processor of this ticket.']);
  });
});
