import Fastify from 'fastify';
import { isResponseSerializationError, serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSerializerCompiler } from '../serializer.ts';

const ticket = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(['new', 'closed']),
  customer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  sla: z.object({ dueAt: z.string().nullable(), breached: z.boolean() }),
  rating: z.number().int().nullable(),
  note: z.string().optional(),
  kind: z.discriminatedUnion('type', [z.object({ type: z.literal('a'), a: z.number() }), z.object({ type: z.literal('b'), b: z.string() })]),
});
const page = z.object({ items: z.array(ticket), nextCursor: z.string().nullable() });

const row = (i: number) => ({
  id: '8c0c7f3e-1b7a-4d2e-9a51-3f7c2b1d0e0' + (i % 10),
  number: `TCK-00000${i}`,
  status: i % 2 ? 'new' : 'closed',
  customer: i % 3 ? { id: '5d3c0a4e-8f2b-4c1d-9e7a-6b5c4d3e2f1a', name: 'Trần "Ngọc" Anh\n', internalScore: 9 } : null,
  tags: ['vip', 'принтер'],
  custom: { plan: 'gold', seats: 3, nested: { a: [1, null] } },
  sla: { dueAt: i % 2 ? null : '2026-12-04T10:00:00.000Z', breached: false, secret: 'x' },
  rating: i % 4 ? 5 : null,
  ...(i % 2 ? { note: 'hi' } : {}),
  kind: i % 2 ? { type: 'a', a: 1, extra: true } : { type: 'b', b: 'x' },
  passwordHash: 'must never leave the server',
});

async function serve(compiler: ReturnType<typeof createSerializerCompiler>, body: unknown) {
  const app = Fastify({ logger: false });
  app.setSerializerCompiler(compiler as never);
  app.setErrorHandler((error, _request, reply) => reply.status(500).send({ serializationError: isResponseSerializationError(error) }));
  app.get('/page', { schema: { response: { 200: page } } }, async () => body);
  const response = await app.inject({ method: 'GET', url: '/page' });
  await app.close();
  return response;
}

describe('response serialiser (fast-json-stringify from the zod schema)', () => {
  it('writes exactly what zod parse + JSON.stringify wrote: declared properties only, nulls, optionals, unions, records', async () => {
    const body = { items: Array.from({ length: 12 }, (_, i) => row(i)), nextCursor: null, total: 99 };
    for (const validate of [true, false]) {
      const response = await serve(createSerializerCompiler({ validate }), body);
      expect(response.statusCode).toBe(200);
      const expected = zodSerializerCompiler({ schema: page, method: 'GET', url: '/page' } as never)(body);
      expect(JSON.parse(response.body)).toEqual(JSON.parse(expected as string));
      expect(response.body).not.toContain('passwordHash');
      expect(response.body).not.toContain('internalScore');
      expect(response.body).not.toContain('secret');
      expect(response.body).not.toContain('"total"');
    }
  });

  it('outside production a body that breaks its contract fails the request as a serialisation error', async () => {
    const broken = { items: [{ ...row(1), status: 'archived' }], nextCursor: null };
    const checked = await serve(createSerializerCompiler({ validate: true }), broken);
    expect(checked.statusCode).toBe(500);
    expect(JSON.parse(checked.body)).toEqual({ serializationError: true });
    // Production skips the check (the tests are what guard the contracts) and still writes declared fields only.
    const unchecked = await serve(createSerializerCompiler({ validate: false }), broken);
    expect(unchecked.statusCode).toBe(200);
    expect(unchecked.body).not.toContain('passwordHash');
  });
});
