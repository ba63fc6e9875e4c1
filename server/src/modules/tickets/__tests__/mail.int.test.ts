import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { type ReceivedMail, startSmtp, type TestSmtp } from '../../../../test/smtp.ts';
import { waitFor } from '../../../../test/wait.ts';
import { autoCloseTickets } from '../use-cases/auto-close.ts';
import { customerOf, ifMatch, openTicket, query, upload } from '../../../../test/factories/index.ts';

const NOTE = 'secret-escalation-note: customer owes us 4000 EUR';

describe('tickets: e-mail notices', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: Agent;
  let agent1: Agent;
  let agent2: Agent;
  let client1: Agent;
  let client2: Agent;
  let componentId: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ smtpUrl: smtp.url, mailFrom: 'Switchboard <crm@switchboard.test>', publicUrl: 'https://crm.example.test' });
    admin = await t.loginAs('admin');
    agent1 = await t.loginAs('agent1@demo.test');
    agent2 = await t.loginAs('agent2@demo.test');
    client1 = await t.loginAs('client1@demo.test');
    client2 = await t.loginAs('client2@demo.test');
    for (const row of await query<{ id: string; email: string }>(t, `select id, email from users where email like '%@demo.test'`)) ids[row.email.split('@')[0]] = row.id;
    // agent1 bg, agent2 en: agents; manager vi, agent3 zh: managers; marketing: staff, deactivated below.
    const staff = [['agent1', 'agent'], ['agent2', 'agent'], ['manager', 'manager'], ['agent3', 'manager'], ['marketing', 'agent']].map(([who, role]) => ({ userId: ids[who], role }));
    const created = await admin.post('/api/v1/ticket-components', { key: 'escalation_desk', name: 'Escalation desk', staff });
    expect(created.statusCode, created.body).toBe(201);
    componentId = created.json().id;
    await query(t, `update users set active = false where email = 'marketing@demo.test'`);
  });
  afterAll(async () => {
    await t.stop();
    await smtp.close();
  });

  /** Every ticket event handed to the mail handlers and every queued mail delivered: nothing more can arrive. */
  const settle = () =>
    waitFor('ticket mail to settle', async () => {
      const [row] = await query<{ n: number }>(t, `select
        (select count(*) from outbox where dispatched_at is null)::int +
        (select count(*) from pgboss.job where (name = 'mail.send' or (name = 'events.deliver' and data->>'handler' like 'tickets.mail.%'))
           and state::text in ('created', 'retry', 'active'))::int as n`);
      return row.n === 0;
    });
  /** Mails about one ticket, by recipient. */
  const about = async (number: string) => {
    await settle();
    return smtp.received.filter((m) => m.subject.includes(`[${number}]`));
  };
  const recipients = (mails: ReceivedMail[]) => mails.flatMap((m) => m.to).sort();
  /** The mails about a ticket that one action caused. */
  const mailsAfter = async (number: string, action: () => Promise<unknown>) => {
    const seen = (await about(number)).length;
    await action();
    return (await about(number)).slice(seen);
  };
  const email = (who: string) => `${who}@demo.test`;

  it('sends a new ticket to every active staff member of its component, each in their language', async () => {
    const ticket = await openTicket(client1, { title: 'Label printer offline', componentId });
    const mails = await about(ticket.number);
    expect(recipients(mails)).toEqual([email('agent1'), email('agent2'), email('agent3'), email('manager')]);
    const to = (who: string) => mails.find((m) => m.to.includes(email(who)))!;
    expect(to('agent1').subject).toBe(`[${ticket.number}] Нов тикет в Escalation desk: Label printer offline`);
    expect(to('manager').subject).toBe(`[${ticket.number}] Phiếu hỗ trợ mới trong Escalation desk: Label printer offline`);
    expect(to('agent3').subject).toBe(`[${ticket.number}] Escalation desk 有新工单：Label printer offline`);
    expect(to('agent2').subject).toBe(`[${ticket.number}] New ticket in Escalation desk: Label printer offline`);
    expect(to('agent2').text).toContain('Paper jams on every print.');
    expect(to('agent2').text).toContain(`https://crm.example.test/tickets/${ticket.number}`);
    const [stored] = await query<{ kind: string; status: string }>(t, `select kind, status from mail_messages where to_address = $1 and subject like $2`, [email('agent2'), `%${ticket.number}%`]);
    expect(stored).toEqual({ kind: 'ticket.new', status: 'sent' });
  });

  it('leaves out the staff member who opened the ticket, and tickets without a component', async () => {
    const own = await openTicket(agent1, { componentId, customerId: await customerOf(t, 'client1@demo.test') });
    expect(recipients(await about(own.number))).toEqual([email('agent2'), email('agent3'), email('manager')]);
    const queueless = await openTicket(client1, {});
    expect(await about(queueless.number)).toEqual([]);
  });

  it('sends each component staff member ONE digest in their language for a bulk import, and no mail per ticket', async () => {
    const [{ number: customer }] = await query<{ number: string }>(t, 'select number from customers where id = $1', [await customerOf(t, 'client1@demo.test')]);
    // Source `phone` (tickets migrated from a phone log): imported all the same, so announced by the digest alone.
    const csv = ['title,description,type,customer,component,field:topic,source', ...Array.from({ length: 30 }, (_, i) => `Bulk call ${i},Imported row ${i},hr,${customer},escalation_desk,Leave,phone`)].join('\r\n');
    const uploaded = await upload(admin, '/api/v1/tickets/import', 'calls.csv', 'text/csv', `${csv}\r\n`);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const preview = await admin.post(`/api/v1/tickets/import/${uploaded.json().importId}/preview`, { mapping: uploaded.json().mapping });
    expect(preview.json()).toMatchObject({ valid: 30, invalid: 0 });
    await settle();
    const seen = smtp.received.length;
    const commit = await admin.post(`/api/v1/tickets/import/${preview.json().importId}/commit`, {});
    expect(commit.statusCode, commit.body).toBe(200);
    const numbers: string[] = commit.json().numbers;
    expect(numbers).toHaveLength(30);
    await settle();
    const mails = smtp.received.slice(seen);
    // One mail each, nobody twice, the deactivated member not at all; none of them about a single ticket.
    expect(recipients(mails)).toEqual([email('agent1'), email('agent2'), email('agent3'), email('manager')]);
    expect(mails.filter((m) => numbers.some((n) => m.subject.includes(n)))).toEqual([]);
    // The new-ticket mail did see each imported ticket's ticket.created (as webhooks and reports will), and sent nothing for it.
    const [seenByNewTicket] = await query<{ n: number }>(
      t,
      `select count(*)::int as n from pgboss.job where name = 'events.deliver' and data->>'handler' = 'tickets.mail.new-ticket' and data->'payload'->>'number' = any($1) and state::text = 'completed'`,
      [numbers],
    );
    expect(seenByNewTicket.n).toBe(30);
    const to = (who: string) => mails.find((m) => m.to.includes(email(who)))!;
    expect(to('agent2').subject).toBe('30 new tickets in Escalation desk from a bulk import');
    expect(to('agent2').text).toContain(`30 new tickets in Escalation desk from a bulk import: ${numbers.slice(0, 20).join(', ')} and 10 more.`);
    expect(to('agent2').text).toContain(`https://crm.example.test/tickets?componentId=${componentId}`);
    expect(to('agent1').subject).toBe('30 нови тикета в Escalation desk от масов импорт');
    expect(to('agent1').text).toContain('и още 10');
    expect(to('manager').subject).toBe('30 phiếu hỗ trợ mới trong Escalation desk từ một lần nhập hàng loạt');
    expect(to('agent3').subject).toBe('Escalation desk 有 30 个来自批量导入的新工单');
    const stored = await query<{ kind: string }>(t, `select kind from mail_messages where to_address = $1 and kind = 'ticket.bulk_digest'`, [email('agent2')]);
    expect(stored).toHaveLength(1);
  });

  it('mails the processor and the component managers — nobody else — when the client updates an escalated ticket', async () => {
    const ticket = await openTicket(client1, { title: 'Warehouse scanners down', priority: 5, componentId });
    let version = (await admin.post(`/api/v1/tickets/${ticket.number}/assign`, { processorId: ids.agent2 }, ifMatch(ticket.version))).json().version;
    const escalationTeam = [email('agent2'), email('agent3'), email('manager')];
    const to = (mails: ReceivedMail[], who: string) => mails.find((m) => m.to.includes(email(who)))!;

    const escalation = await mailsAfter(ticket.number, async () => {
      const response = await client1.post(`/api/v1/tickets/${ticket.number}/escalate`, { reason: 'Orders cannot ship' }, ifMatch(version));
      expect(response.statusCode, response.body).toBe(200);
      version = response.json().version;
    });
    expect(recipients(escalation)).toEqual(escalationTeam);
    expect(to(escalation, 'agent2').text).toContain('Chris Client escalated the ticket to level 1.\nReason: Orders cannot ship');

    const onMessage = await mailsAfter(ticket.number, () => client1.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Still nothing scans in hall B.' }));
    expect(recipients(onMessage)).toEqual(escalationTeam);
    expect(to(onMessage, 'manager').subject).toBe(`[${ticket.number}] Khách hàng đã cập nhật phiếu được chuyển cấp: Warehouse scanners down`);
    expect(to(onMessage, 'agent2').text).toContain('Message:\nStill nothing scans in hall B.');

    const onFile = await mailsAfter(ticket.number, async () => {
      expect((await upload(client1, `/api/v1/tickets/${ticket.number}/attachments`, 'scanner-log.txt', 'text/plain', 'E42 timeout')).statusCode).toBe(201);
    });
    expect(recipients(onFile)).toEqual(escalationTeam);
    expect(to(onFile, 'agent2').text).toContain('Attached file: scanner-log.txt');

    // Staff work on it: an internal note mails nobody; resolving mails the client only.
    expect(await mailsAfter(ticket.number, () => agent2.post(`/api/v1/tickets/${ticket.number}/messages`, { body: NOTE, internal: true }))).toEqual([]);
    const onResolve = await mailsAfter(ticket.number, async () => {
      version = (await agent2.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'resolved' }, ifMatch(version))).json().version;
    });
    expect(recipients(onResolve)).toEqual([email('client1')]);

    const onClose = await mailsAfter(ticket.number, async () => {
      expect((await client1.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'closed' }, ifMatch(version))).statusCode).toBe(200);
    });
    expect(recipients(onClose)).toEqual(escalationTeam);
    expect(to(onClose, 'agent2').text).toContain('Status: Resolved → Closed');
  });

  it('sends no escalation mail for client updates of a ticket that is not escalated', async () => {
    const ticket = await openTicket(client1, { priority: 5, componentId });
    await admin.post(`/api/v1/tickets/${ticket.number}/assign`, { processorId: ids.agent2 }, ifMatch(ticket.version));
    expect(await mailsAfter(ticket.number, () => client1.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Any news?' }))).toEqual([]);
  });

  it('tells the client of a public reply with its text, never of an internal note, and once even when the event is redelivered', async () => {
    const ticket = await openTicket(client1, { title: 'Invoice total wrong' });
    await agent1.post(`/api/v1/tickets/${ticket.number}/messages`, { body: NOTE, internal: true });
    await upload(agent1, `/api/v1/tickets/${ticket.number}/attachments?internal=true`, 'ledger-secret.txt', 'text/plain', 'numbers');
    expect(await about(ticket.number)).toEqual([]);
    await agent1.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'We corrected the total to 1 200 EUR.\n<b>Sorry</b> for the trouble.' });
    const [reply] = await about(ticket.number);
    expect(reply.to).toEqual([email('client1')]);
    expect(reply.subject).toBe(`[${ticket.number}] New reply to your ticket: Invoice total wrong`);
    expect(reply.text).toContain('Petar Ivanov replied to your ticket');
    expect(reply.text).toContain('We corrected the total to 1 200 EUR.\n<b>Sorry</b> for the trouble.');
    expect(reply.text).toContain(`https://crm.example.test/portal/tickets/${ticket.number}`);
    expect(reply.raw).toMatch(/^Content-Type: text\/plain/im);
    expect(reply.raw).not.toMatch(/text\/html/i);

    // As if the dispatcher crashed after handing the reply out: the same event again sends nothing new.
    const [event] = await query<{ id: number }>(t, `select id from outbox where event = 'ticket.message' and payload->>'ticketId' = $1 and payload->>'internal' = 'false'`, [ticket.id]);
    await query(t, 'update outbox set dispatched_at = null where id = $1', [event.id]);
    await t.ctx.events.dispatch();
    expect(await about(ticket.number)).toHaveLength(1);
  });

  it('writes to the client in their language, and to the customer address when no client user asked', async () => {
    const ticket = await openTicket(client2, { title: 'Máy in không hoạt động' });
    await agent1.post(`/api/v1/tickets/${ticket.number}/messages`, { body: 'Chúng tôi đang kiểm tra.' });
    const [reply] = await about(ticket.number);
    expect(reply.to).toEqual([email('client2')]);
    expect(reply.subject).toBe(`[${ticket.number}] Phản hồi mới cho phiếu của Quý khách: Máy in không hoạt động`);

    const [customer] = await query<{ email: string }>(t, `select email from customers where id = $1`, [await customerOf(t, 'client1@demo.test')]);
    const byPhone = await openTicket(agent1, { title: 'Called about delivery', customerId: await customerOf(t, 'client1@demo.test'), source: 'phone' });
    await agent1.post(`/api/v1/tickets/${byPhone.number}/messages`, { body: 'Your delivery leaves today.' });
    const [toCustomer] = await about(byPhone.number);
    expect(toCustomer.to).toEqual([customer.email]);
  });

  it('tells the client when the ticket waits on them and when it is resolved', async () => {
    const ticket = await openTicket(client1, { title: 'Need a new password policy' });
    let version = ticket.version;
    for (const status of ['in_progress', 'waiting_on_customer']) version = (await agent1.post(`/api/v1/tickets/${ticket.number}/status`, { status }, ifMatch(version))).json().version;
    const [waiting] = await about(ticket.number);
    expect(waiting.to).toEqual([email('client1')]);
    expect(waiting.subject).toBe(`[${ticket.number}] We are waiting for your reply: Need a new password policy`);
    expect(waiting.text).toContain(`https://crm.example.test/portal/tickets/${ticket.number}`);
    await agent1.post(`/api/v1/tickets/${ticket.number}/status`, { status: 'resolved' }, ifMatch(version));
    const mails = await about(ticket.number);
    expect(mails.map((m) => m.subject)).toEqual([waiting.subject, `[${ticket.number}] Your ticket has been resolved: Need a new password policy`]);
    expect(recipients(mails)).toEqual([email('client1'), email('client1')]);
  });

  it('tells the client when the sweep auto-closes their ticket', async () => {
    const ticket = await openTicket(client2, { title: 'Đơn hàng bị chậm' });
    let version = ticket.version;
    for (const status of ['in_progress', 'waiting_on_customer']) version = (await agent1.post(`/api/v1/tickets/${ticket.number}/status`, { status }, ifMatch(version))).json().version;
    await about(ticket.number);
    // Eight days without activity, by the clock the sweep reads.
    await query(t, `update tickets set last_activity_at = now() - interval '8 days' where id = $1`, [ticket.id]);
    expect((await autoCloseTickets(t.ctx)).closed).toBeGreaterThan(0);
    const mails = await about(ticket.number);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [[email('client2')], `[${ticket.number}] Chúng tôi đang chờ phản hồi của Quý khách: Đơn hàng bị chậm`],
      [[email('client2')], `[${ticket.number}] Phiếu của Quý khách đã được đóng: Đơn hàng bị chậm`],
    ]);
  });

  it('never lets an internal note, its text or its file into any mail', async () => {
    await settle();
    expect(smtp.received.length).toBeGreaterThan(20);
    for (const m of smtp.received) {
      expect(m.raw).not.toContain('secret-escalation-note');
      expect(m.text).not.toContain('secret-escalation-note');
      expect(m.text).not.toContain('ledger-secret');
    }
    const stored = await query(t, `select id from mail_messages where text_body like '%secret-escalation-note%' or subject like '%secret-escalation-note%' or text_body like '%ledger-secret%'`);
    expect(stored).toEqual([]);
  });
});
