import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { listenForSockets, type TestSockets } from '../../../../test/sockets.ts';
import { waitFor } from '../../../../test/wait.ts';
import type { NotificationInput } from '../notifications.ts';

describe('notifications', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let sockets: TestSockets;
  beforeAll(async () => {
    t = await createTestApp();
    sockets = await listenForSockets(t);
  });
  afterAll(async () => {
    sockets.close();
    await t.stop();
  });

  const nextEvent = <T = any>(socket: Socket, event: string) => new Promise<T>((resolve) => socket.once(event, resolve));

  async function notify(userId: string, input: NotificationInput) {
    const id = await t.database.transaction((tx) => t.ctx.notifications.notify(tx, userId, input));
    t.ctx.afterCommit();
    return id;
  }
  const query = <R = any>(sql: string, params: unknown[] = []) => t.database.executor.query<R>(sql, params).then((r) => r.rows);
  /** The outbox delivery of a notification event has finished (push and any e-mail done). */
  const delivered = (field: 'notificationId' | 'title', value: string) =>
    waitFor('the delivery job to complete', async () => {
      const rows = await query(`select state::text as state from pgboss.job where name = 'events.deliver' and data->'payload'->>'${field}' = $1`, [value]);
      return rows[0]?.state === 'completed';
    });

  it('pushes a new notification to the user’s sockets at once, in the API item shape, and to nobody else', async () => {
    const agent1 = await t.loginAs('agent1@demo.test');
    const agent2 = await t.loginAs('agent2@demo.test');
    const [socket1, socket2] = await Promise.all([sockets.asBrowser(agent1), sockets.asBrowser(agent2)]);
    const got1 = nextEvent(socket1, 'notification');
    const got2 = nextEvent(socket2, 'notification');
    const id = await notify(agent1.me!.id, { kind: 'ticket.assigned', title: 'TCK-000001 is yours', body: 'Printer on fire', link: '/tickets/TCK-000001', data: { ticket: 1 } });
    const pushed = await got1;
    expect(pushed).toEqual({ id, kind: 'ticket.assigned', title: 'TCK-000001 is yours', body: 'Printer on fire', link: '/tickets/TCK-000001', createdAt: expect.any(String), readAt: null });
    // agent2's first notification event is their own, later one: agent1's never reached them.
    const id2 = await notify(agent2.me!.id, { kind: 'ticket.assigned', title: 'For agent2' });
    expect((await got2).id).toBe(id2);

    const list = await agent1.get('/api/v1/notifications');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [pushed], nextCursor: null, unreadCount: 1 });
  });

  it('marks read only the caller’s own notifications: someone else’s id is 404 and stays unread', async () => {
    const agent1 = await t.loginAs('agent1@demo.test');
    const agent2 = await t.loginAs('agent2@demo.test');
    const [mine] = (await agent1.get('/api/v1/notifications')).json().items;
    const foreign = await agent2.post(`/api/v1/notifications/${mine.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('not_found');
    expect((await agent1.get('/api/v1/notifications')).json().unreadCount).toBe(1);
    expect((await agent2.get('/api/v1/notifications')).json().items.map((n: any) => n.id)).not.toContain(mine.id);
    const read = await agent1.post(`/api/v1/notifications/${mine.id}/read`);
    expect(read.statusCode).toBe(204);
    expect((await agent1.post(`/api/v1/notifications/${mine.id}/read`)).statusCode).toBe(204);
    const after = (await agent1.get('/api/v1/notifications')).json();
    expect(after.unreadCount).toBe(0);
    expect(after.items[0].readAt).toEqual(expect.any(String));
  });

  it('pages newest first, filters unread, and marks all read', async () => {
    const sales = await t.loginAs('sales1@demo.test');
    for (const n of [1, 2, 3]) await notify(sales.me!.id, { kind: 'deal.won', title: `Deal ${n}` });
    const first = (await sales.get('/api/v1/notifications', { query: { limit: '2' } })).json();
    expect(first.items.map((n: any) => n.title)).toEqual(['Deal 3', 'Deal 2']);
    expect(first.unreadCount).toBe(3);
    const second = (await sales.get('/api/v1/notifications', { query: { limit: '2', cursor: first.nextCursor } })).json();
    expect(second.items.map((n: any) => n.title)).toEqual(['Deal 1']);
    expect(second.nextCursor).toBeNull();
    await sales.post(`/api/v1/notifications/${first.items[0].id}/read`);
    const unread = (await sales.get('/api/v1/notifications', { query: { unread: 'true' } })).json();
    expect(unread.items.map((n: any) => n.title)).toEqual(['Deal 2', 'Deal 1']);
    expect((await sales.post('/api/v1/notifications/read-all')).statusCode).toBe(204);
    const none = (await sales.get('/api/v1/notifications', { query: { unread: 'true' } })).json();
    expect(none).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    expect((await sales.get('/api/v1/notifications', { query: { limit: '500' } })).statusCode).toBe(400);
  });

  it('follows the user’s preferences: no e-mail by default, e-mail only and nothing at all when chosen', async () => {
    const agent3 = await t.loginAs('agent3@demo.test');
    const defaultId = await notify(agent3.me!.id, { kind: 'ticket.assigned', title: 'Default channels' });
    expect(defaultId).toEqual(expect.any(String));
    await delivered('notificationId', defaultId!);
    expect(await query(`select id from mail_messages where to_address = 'agent3@demo.test'`)).toHaveLength(0);

    const prefs = await agent3.patch('/api/v1/me', {
      notificationPrefs: { 'ticket.sla_breached': { inApp: false, email: true }, 'chat.waiting': { inApp: false, email: false } },
    });
    expect(prefs.statusCode).toBe(200);
    expect(await notify(agent3.me!.id, { kind: 'ticket.sla_breached', title: 'SLA breached on TCK-000009', body: 'Act now', link: '/tickets/TCK-000009' })).toBeNull();
    const mail = await waitFor('the e-mail to be written', async () => (await query(`select * from mail_messages where to_address = 'agent3@demo.test'`))[0]);
    expect(mail).toMatchObject({ subject: 'SLA breached on TCK-000009', status: 'outbox', kind: 'notification.ticket.sla_breached' });
    expect(mail.text_body).toBe(`Act now\n\n${t.config.publicUrl}/tickets/TCK-000009`);
    expect((await agent3.get('/api/v1/notifications')).json().items.map((n: any) => n.title)).toEqual(['Default channels']);

    const outboxBefore = await query(`select count(*)::int as n from outbox`);
    expect(await notify(agent3.me!.id, { kind: 'chat.waiting', title: 'Muted' })).toBeNull();
    expect(await query(`select count(*)::int as n from outbox`)).toEqual(outboxBefore);
  });

  it('refuses links to other sites and script URLs', async () => {
    const agent1 = await t.loginAs('agent1@demo.test');
    for (const link of ['https://evil.example/x', '//evil.example/x', 'javascript:alert(1)']) {
      await expect(notify(agent1.me!.id, { kind: 'ticket.assigned', title: 'x', link })).rejects.toThrow();
    }
  });

  it('refuses a socket without a valid session and one from a foreign origin', async () => {
    await expect(sockets.connect({ origin: sockets.base })).rejects.toThrow('unauthenticated');
    await expect(sockets.connect({ cookie: 'sb_session=forged-token', origin: sockets.base })).rejects.toThrow('unauthenticated');
    const agent1 = await t.loginAs('agent1@demo.test');
    await expect(sockets.connect({ cookie: agent1.cookie!, origin: 'https://evil.example' })).rejects.toThrow();
    expect(await sockets.asBrowser(agent1)).toMatchObject({ connected: true });
  });

  it('disconnects a user’s sockets the moment an admin deactivates them', async () => {
    const marketing = await t.loginAs('marketing');
    const socket = await sockets.asBrowser(marketing);
    const disconnected = nextEvent<string>(socket, 'disconnect');
    const admin = await t.loginAs('admin');
    const response = await admin.post(`/api/v1/users/${marketing.me!.id}/deactivate`);
    expect(response.statusCode).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
    await expect(sockets.asBrowser(marketing)).rejects.toThrow('unauthenticated');
    // A deactivated user gets no new notifications either.
    expect(await notify(marketing.me!.id, { kind: 'ticket.assigned', title: 'Too late' })).toBeNull();
  });
});
