import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { type FilePart, multipart } from '../../../../test/multipart.ts';
import { encodePng } from '../png.ts';

// ── real file bytes ──────────────────────────────────────────────────────────────────────────
/** A valid RGB PNG of the given size (a red square). */
const png = (width: number, height: number) => encodePng(width, height, () => [255, 0, 0]);

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>';
const SVG_WITH_PROLOG = `<?xml version="1.0" encoding="UTF-8"?>\n${SVG}`;
const HTML = '<!doctype html><html><body><script>fetch("/api/v1/me")</script></body></html>';

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

describe('files', () => {
  // One app for these its (starting one costs seconds). The its rely on their order: the upload-limit test reads the default 25 MB, which the 413 test after it lowers to 1 MB.
  let t: TestApp;
  let admin: Agent;
  let sales1: Agent;
  const upload = (agent: Agent, part: FilePart) => {
    const { body, headers } = multipart([part]);
    return agent.request('POST', '/api/v1/files', body, { headers });
  };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    sales1 = await t.loginAs('sales1@demo.test');
  });
  afterAll(async () => t.stop());

  it('types a PNG from its bytes, whatever the name and claimed type, and serves it inline', async () => {
    const bytes = png(4, 3);
    const response = await upload(sales1, { filename: 'evil.html', contentType: 'text/html', data: bytes });
    expect(response.statusCode).toBe(201);
    const file = response.json();
    expect(file).toMatchObject({ name: 'evil.html', size: bytes.length, mimeType: 'image/png', inlineImage: true, url: `/api/v1/files/${file.id}` });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await sales1.get(file.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^inline; filename="evil.html"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(download.rawPayload.equals(bytes)).toBe(true);
    const stored = listFiles(t.config.filesDir).map((f) => path.relative(t.config.filesDir, f));
    // Kept under a generated key, never under the client's name; nothing left in tmp.
    expect(stored.filter((f) => fs.readFileSync(path.join(t.config.filesDir, f)).equals(bytes))).toEqual([expect.stringMatching(/^[0-9a-f]{2}\/[0-9a-f]{32}$/)]);
    expect(stored.filter((f) => f.startsWith('tmp'))).toEqual([]);
  });

  it('never renders SVG or HTML: attachment, opaque type, sandboxed', async () => {
    for (const [filename, contentType, data] of [
      ['logo.svg', 'image/svg+xml', SVG],
      ['logo-prolog.svg', 'image/svg+xml', SVG_WITH_PROLOG],
      ['trang chủ.html', 'text/html', HTML],
    ] as const) {
      const response = await upload(sales1, { filename, contentType, data });
      expect(response.statusCode, filename).toBe(201);
      expect(response.json().inlineImage).toBe(false);
      expect(response.json().mimeType).not.toMatch(/svg|html/);
      const download = await sales1.get(response.json().url);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/octet-stream');
      expect(download.headers['content-disposition']).toMatch(/^attachment; /);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
      expect(download.body).toBe(data);
    }
    const html = await upload(sales1, { filename: 'trang chủ.html', contentType: 'text/html', data: HTML });
    const disposition = (await sales1.get(html.json().url)).headers['content-disposition'];
    expect(disposition).toBe(`attachment; filename="trang ch_.html"; filename*=UTF-8''trang%20ch%E1%BB%A7.html`);
  });

  it('shows a file to its uploader and admins only; others get 404 until a module grants access', async () => {
    const file = (await upload(sales1, { filename: 'quote.png', contentType: 'image/png', data: png(2, 2) })).json();
    const sales2 = await t.loginAs('sales2@demo.test');
    const manager = await t.loginAs('manager');
    const hidden = await sales2.get(file.url);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('not_found');
    expect(hidden.headers['content-disposition']).toBeUndefined();
    expect((await manager.get(file.url)).statusCode).toBe(404);
    expect((await admin.get(file.url)).statusCode).toBe(200);
    expect((await t.anonymous().get(file.url)).statusCode).toBe(401);
    t.ctx.files.registerFileAccess((_db, actor, f) => actor.role === 'manager' && f.name === 'quote.png');
    expect((await manager.get(file.url)).statusCode).toBe(200);
    expect((await sales2.get(file.url)).statusCode).toBe(404);
    expect((await sales1.get('/api/v1/files/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('refuses a body that is not multipart, a misnamed or extra field, two files and an empty file', async () => {
    const json = await sales1.post('/api/v1/files', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('unsupported_media_type');
    const wrongField = multipart([{ field: 'attachment', filename: 'a.png', contentType: 'image/png', data: png(1, 1) }]);
    const misnamed = await sales1.request('POST', '/api/v1/files', wrongField.body, { headers: wrongField.headers });
    expect(misnamed.statusCode).toBe(400);
    expect(misnamed.json().errors).toEqual([{ field: 'attachment', message: expect.any(String) }]);
    const extraField = multipart([{ filename: 'a.png', contentType: 'image/png', data: png(1, 1) }], { uploadedBy: 'someone-else' });
    const extra = await sales1.request('POST', '/api/v1/files', extraField.body, { headers: extraField.headers });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors).toEqual([{ field: 'uploadedBy', message: 'Unknown field.' }]);
    const two = multipart([
      { filename: 'a.png', contentType: 'image/png', data: png(1, 1) },
      { filename: 'b.png', contentType: 'image/png', data: png(2, 1) },
    ]);
    const rowsBefore = (await t.database.executor.query('select id from files')).rows.length;
    const twoFiles = await sales1.request('POST', '/api/v1/files', two.body, { headers: two.headers });
    expect(twoFiles.statusCode).toBe(400);
    expect(twoFiles.json().errors).toEqual([{ field: 'file', message: 'Send one file per request.' }]);
    expect((await t.database.executor.query('select id from files')).rows).toHaveLength(rowsBefore);
    const nothing = multipart([], { note: 'hello' });
    expect((await sales1.request('POST', '/api/v1/files', nothing.body, { headers: nothing.headers })).statusCode).toBe(400);
    const empty = await upload(sales1, { filename: 'empty.txt', contentType: 'text/plain', data: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('file');
    const auditor = await t.loginAs('auditor');
    expect((await upload(auditor, { filename: 'a.png', contentType: 'image/png', data: png(1, 1) })).statusCode).toBe(403);
  });

  // The other section of the settings document (auto-close days, consolidation window), untouched here.
  const TICKET_DEFAULTS = { autoCloseDays: 7, consolidationHours: 24, agentsSeeAllTickets: false };
  const KNOWLEDGE_DEFAULTS = { publishRoles: ['admin', 'manager'] };

  it('keeps the upload limit as an admin setting: default 25 MB, at most 50', async () => {
    expect((await admin.get('/api/v1/admin/settings')).json()).toEqual({ uploads: { maxMb: 25 }, tickets: TICKET_DEFAULTS, knowledge: KNOWLEDGE_DEFAULTS });
    const tooHigh = await admin.patch('/api/v1/admin/settings', { uploads: { maxMb: 51 } });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().errors).toEqual([{ field: 'uploads.maxMb', message: expect.any(String) }]);
    const unknown = await admin.patch('/api/v1/admin/settings', { uploads: { maxMb: 10, maxFiles: 3 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({ field: 'uploads.maxFiles', message: 'Unknown field.' });
    expect((await admin.patch('/api/v1/admin/settings', { theme: {} })).json().errors).toContainEqual({ field: 'theme', message: 'Unknown field.' });
    expect((await admin.get('/api/v1/admin/settings')).json()).toEqual({ uploads: { maxMb: 25 }, tickets: TICKET_DEFAULTS, knowledge: KNOWLEDGE_DEFAULTS });
    expect((await sales1.patch('/api/v1/admin/settings', { uploads: { maxMb: 50 } })).statusCode).toBe(403);
    const ok = await admin.patch('/api/v1/admin/settings', { uploads: { maxMb: 50 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ uploads: { maxMb: 50 }, tickets: TICKET_DEFAULTS, knowledge: KNOWLEDGE_DEFAULTS });
  });

  it('refuses a file over the limit with 413 and keeps neither a row nor a byte of it', async () => {
    expect((await admin.patch('/api/v1/admin/settings', { uploads: { maxMb: 1 } })).statusCode).toBe(200);
    const count = async () => (await t.database.executor.query<{ n: number }>('select count(*)::int as n from files')).rows[0].n;
    const rowsBefore = await count();
    const filesBefore = listFiles(t.config.filesDir);
    const response = await upload(sales1, { filename: 'big.bin', contentType: 'application/octet-stream', data: randomBytes(1024 * 1024 + 1) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'file_too_large', status: 413, errors: [{ field: 'file', message: expect.any(String) }] });
    expect(await count()).toBe(rowsBefore);
    expect(listFiles(t.config.filesDir)).toEqual(filesBefore);
    const exactly = await upload(sales1, { filename: 'exact.bin', contentType: 'application/octet-stream', data: randomBytes(1024 * 1024) });
    expect(exactly.statusCode).toBe(201);
    expect(exactly.json()).toMatchObject({ size: 1024 * 1024, mimeType: 'application/octet-stream', inlineImage: false });
  });
});
