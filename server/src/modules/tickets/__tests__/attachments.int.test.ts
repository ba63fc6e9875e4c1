import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { openTicket, query, upload } from '../../../../test/factories/index.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
const HTML = '<!doctype html><html><body><script>fetch("/api/v1/me")</script></body></html>';

/** Every file under DATA_DIR/files (except the temporary folder): what a refused upload must not add. */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** TKT-4 uploads: one file per upload, the admin's limit, safe serving, and client isolation. */
describe('tickets: attachments', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  let agent: Agent;
  let client1: Agent;
  let client2: Agent;
  let ticket: { id: string; number: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    agent = await t.loginAs('agent1@demo.test');
    client1 = await t.loginAs('client1@demo.test');
    client2 = await t.loginAs('client2@demo.test');
    ticket = await openTicket(client1, { title: 'Screenshot attached' });
  });
  afterAll(async () => t.stop());

  it('adds an upload to the conversation as a message; images are marked for inline preview', async () => {
    const response = await upload(client1, `/api/v1/tickets/${ticket.number}/attachments`, 'screen.png', 'image/png', PNG);
    expect(response.statusCode, response.body).toBe(201);
    const message = response.json();
    expect(message.file).toMatchObject({ name: 'screen.png', mimeType: 'image/png', inlineImage: true, url: `/api/v1/files/${message.file.id}` });
    const listed = (await agent.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(listed.at(-1).file.id).toBe(message.file.id);
    const download = await agent.get(message.file.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^inline/);
    expect((await agent.get(`/api/v1/tickets/${ticket.id}/history`)).json().items[0].text).toBe('Chris Client attached screen.png');
  });

  it('serves SVG and HTML uploads as downloads with nosniff and a sandbox CSP', async () => {
    for (const [name, type, data] of [['evil.svg', 'image/svg+xml', SVG], ['evil.html', 'text/html', HTML]] as const) {
      const uploaded = await upload(client1, `/api/v1/tickets/${ticket.number}/attachments`, name, type, data);
      expect(uploaded.statusCode).toBe(201);
      expect(uploaded.json().file.inlineImage).toBe(false);
      const download = await agent.get(uploaded.json().file.url);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toMatch(/^attachment/);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-security-policy']).toContain('sandbox');
      expect(download.headers['content-type']).not.toMatch(/svg|html/);
    }
  });

  it('refuses a file over the admin’s limit with 413 and stores nothing', async () => {
    expect((await admin.patch('/api/v1/admin/settings', { uploads: { maxMb: 1 } })).statusCode).toBe(200);
    const filesBefore = await query<{ n: number }>(t, 'select count(*)::int as n from files');
    const messagesBefore = await query<{ n: number }>(t, 'select count(*)::int as n from ticket_messages where ticket_id = $1', [ticket.id]);
    const onDisk = storedFiles(t.dataDir);
    const tooBig = await upload(client1, `/api/v1/tickets/${ticket.number}/attachments`, 'big.bin', 'application/octet-stream', Buffer.alloc(1024 * 1024 + 1, 7));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().errors).toEqual([{ field: 'file', message: 'At most 1 MB.' }]);
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from files'))[0].n).toBe(filesBefore[0].n);
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from ticket_messages where ticket_id = $1', [ticket.id]))[0].n).toBe(messagesBefore[0].n);
    expect(storedFiles(t.dataDir)).toEqual(onDisk);
    // Exactly at the limit is fine.
    expect((await upload(client1, `/api/v1/tickets/${ticket.number}/attachments`, 'ok.bin', 'application/octet-stream', Buffer.alloc(1024 * 1024, 7))).statusCode).toBe(201);
    await admin.patch('/api/v1/admin/settings', { uploads: { maxMb: 25 } });
  });

  it('keeps internal attachments and other customers’ files from clients (404, no bytes)', async () => {
    const internal = await upload(agent, `/api/v1/tickets/${ticket.number}/attachments?internal=true`, 'notes.txt', 'text/plain', 'internal: the customer is behind on payments');
    expect(internal.statusCode).toBe(201);
    expect(internal.json().internal).toBe(true);
    const internalFile = internal.json().file;
    const publicFile = (await upload(agent, `/api/v1/tickets/${ticket.number}/attachments`, 'answer.txt', 'text/plain', 'public answer')).json().file;

    const refused = await client1.get(internalFile.url);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('payments');
    expect((await client1.get(`/api/v1/tickets/${ticket.number}/messages`)).body).not.toContain(internalFile.id);
    expect((await client1.get(publicFile.url)).body).toBe('public answer');
    // Another customer's client: neither file, nor the ticket.
    expect((await client2.get(publicFile.url)).statusCode).toBe(404);
    expect((await client2.get(internalFile.url)).statusCode).toBe(404);
    // A client cannot upload internally, nor to another customer's ticket: refused before a byte is kept.
    const filesBefore = await query<{ n: number }>(t, 'select count(*)::int as n from files');
    const asInternal = await upload(client1, `/api/v1/tickets/${ticket.number}/attachments?internal=true`, 'x.txt', 'text/plain', 'x');
    expect(asInternal.statusCode).toBe(422);
    expect(asInternal.json().errors[0].field).toBe('internal');
    expect((await upload(client2, `/api/v1/tickets/${ticket.id}/attachments`, 'x.txt', 'text/plain', 'x')).statusCode).toBe(404);
    expect((await query<{ n: number }>(t, 'select count(*)::int as n from files'))[0].n).toBe(filesBefore[0].n);
  });
});
