import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { startSmtp, type TestSmtp } from '../../../../test/smtp.ts';
import { waitFor } from '../../../../test/wait.ts';
import type { OutgoingMail } from '../mailer.ts';

async function enqueue(t: TestApp, mail: OutgoingMail) {
  const id = await t.database.transaction((tx) => t.ctx.mail.enqueueMail(tx, mail));
  t.ctx.afterCommit();
  return id;
}

describe('mail through SMTP', () => {
  // One app for these its (starting one costs seconds). The its rely on their order: the rollback test counts the jobs of the messages queued before it, and the list test pages through them ('Nobody home').
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: Agent;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ smtpUrl: smtp.url, mailFrom: 'Switchboard <crm@switchboard.test>' });
    admin = await t.loginAs('admin');
  });
  afterAll(async () => {
    await t.stop();
    await smtp.close();
  });

  it('delivers a queued message to the SMTP server and marks it sent', async () => {
    const id = await enqueue(t, { to: 'customer@example.test', subject: 'Your ticket TCK-000042', text: 'We are on it.\nRegards', kind: 'test.greeting' });
    const message = await waitFor('the SMTP server to receive the message', () => smtp.received.find((m) => m.to.includes('customer@example.test')));
    expect(message.from).toBe('crm@switchboard.test');
    expect(message.raw).toMatch(/^Subject: Your ticket TCK-000042\r?$/m);
    expect(message.raw).toMatch(/^To: customer@example\.test\r?$/m);
    expect(message.raw).toContain('We are on it.\r\nRegards');
    const sent = await waitFor('the row to be marked sent', async () => {
      const response = await admin.get(`/api/v1/admin/mail/${id}`);
      return response.json().status === 'sent' ? response.json() : null;
    });
    expect(sent).toMatchObject({ id, to: 'customer@example.test', attempts: 1, error: null, kind: 'test.greeting', text: 'We are on it.\nRegards', html: null });
    expect(sent.sentAt).toEqual(expect.any(String));
  });

  it('keeps the SMTP error and the attempt count when the server refuses, and leaves the retry to pg-boss', async () => {
    const id = await enqueue(t, { to: 'bounce@example.test', subject: 'Nobody home', text: 'Hello?', kind: 'test.bounce' });
    const failed = await waitFor('the failed attempt to be recorded', async () => {
      const response = await admin.get(`/api/v1/admin/mail/${id}`);
      return response.json().attempts === 1 ? response.json() : null;
    });
    expect(failed.status).toBe('queued');
    expect(failed.error).toContain('No such mailbox');
    // The attempt is recorded by the handler before it throws; pg-boss marks the job for retry just after.
    const jobState = async () => (await t.database.executor.query(`select state::text as state from pgboss.job where name = 'mail.send' and data->>'id' = $1`, [id])).rows;
    await expect.poll(jobState, { timeout: 10_000 }).toEqual([{ state: 'retry' }]);
  });

  it('writes neither the message nor its job when the transaction rolls back', async () => {
    await expect(
      t.database.transaction(async (tx) => {
        await t.ctx.mail.enqueueMail(tx, { to: 'ghost@example.test', subject: 'Never', text: 'x', kind: 'test.ghost' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const { rows } = await t.database.executor.query(`select id from mail_messages where to_address = 'ghost@example.test'`);
    expect(rows).toHaveLength(0);
    const { rows: jobs } = await t.database.executor.query(`select count(*)::int as n from pgboss.job where name = 'mail.send'`);
    expect(jobs[0].n).toBe(2);
  });

  it('lists messages newest first with keyset pages and a status filter, for admins only', async () => {
    for (const n of [1, 2, 3]) await t.database.transaction((tx) => t.ctx.mail.enqueueMail(tx, { to: `list${n}@example.test`, subject: `List ${n}`, text: 'x', kind: 'test.list' }));
    const first = await admin.get('/api/v1/admin/mail', { query: { limit: '2' } });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((m: any) => m.subject)).toEqual(['List 3', 'List 2']);
    expect(first.json().items[0]).not.toHaveProperty('text');
    const second = await admin.get('/api/v1/admin/mail', { query: { limit: '2', cursor: first.json().nextCursor } });
    expect(second.json().items.map((m: any) => m.subject)).toEqual(['List 1', 'Nobody home']);
    const sent = await admin.get('/api/v1/admin/mail', { query: { status: 'sent' } });
    expect(sent.json().items.map((m: any) => m.to)).toEqual(['customer@example.test']);
    const badStatus = await admin.get('/api/v1/admin/mail', { query: { status: 'lost' } });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().errors[0].field).toBe('querystring.status');
    const badCursor = await admin.get('/api/v1/admin/mail', { query: { cursor: 'nonsense' } });
    expect(badCursor.statusCode).toBe(400);
    expect((await admin.get('/api/v1/admin/mail/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const manager = await t.loginAs('manager');
    expect((await manager.get('/api/v1/admin/mail')).statusCode).toBe(403);
  });

  it('writes and sends a keyed message once, however often its sender runs', async () => {
    const mail = { to: 'once@example.test', subject: 'Only once', text: 'x', kind: 'test.once', dedupeKey: '42:test.handler:once@example.test' };
    const first = await enqueue(t, mail);
    const again = await enqueue(t, mail);
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
    await waitFor('the SMTP server to receive it', () => smtp.received.find((m) => m.to.includes('once@example.test')));
    const { rows } = await t.database.executor.query(`select count(*)::int as n from mail_messages where to_address = 'once@example.test'`);
    expect(rows).toEqual([{ n: 1 }]);
    const jobs = await t.database.executor.query(`select count(*)::int as n from pgboss.job where name = 'mail.send' and data->>'id' = $1`, [first]);
    expect(jobs.rows).toEqual([{ n: 1 }]);
    expect(smtp.received.filter((m) => m.to.includes('once@example.test'))).toHaveLength(1);
  });
});

describe('mail without SMTP_URL', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.stop());

  it('keeps the message in the outbox admins read in the app, with no delivery job', async () => {
    expect(t.config.smtpUrl).toBeUndefined();
    const id = await enqueue(t, { to: 'customer@example.test', subject: 'Held', text: 'Body kept for the admin', html: '<p>Body</p>', kind: 'test.outbox' });
    const admin = await t.loginAs('admin');
    const list = await admin.get('/api/v1/admin/mail', { query: { status: 'outbox' } });
    expect(list.json().items).toEqual([expect.objectContaining({ id, status: 'outbox', attempts: 0, sentAt: null })]);
    const detail = await admin.get(`/api/v1/admin/mail/${id}`);
    expect(detail.json()).toMatchObject({ text: 'Body kept for the admin', html: '<p>Body</p>', status: 'outbox' });
    const { rows } = await t.database.executor.query(`select id from pgboss.job where name = 'mail.send'`);
    expect(rows).toHaveLength(0);
  });
});
