import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/auth-hook.ts';
import type { AppContext } from '../../platform/context.ts';
import { etag, expectedVersion } from '../../platform/http/versioning.ts';
import * as c from './sla.contracts.ts';
import { listSlaPolicies, updateSlaPolicy } from './use-cases/manage-sla.ts';

const TAG = ['tickets'];

/** TKT-9: one SLA policy per priority; staff read them, admins edit them. */
export const slaRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/ticket-sla-policies', {
    config: { access: 'tickets.sla.read' },
    schema: { tags: TAG, summary: 'SLA policies per priority (staff only)', response: { 200: z.object({ items: z.array(c.slaPolicyResponse) }) } },
  }, async () => ({ items: await listSlaPolicies(ctx) }));

  app.put('/api/v1/ticket-sla-policies/:priority', {
    config: { access: 'tickets.manage' },
    schema: { tags: TAG, summary: "Set a priority's SLA targets (If-Match: version)", params: c.slaPriorityParam, body: c.slaPolicyBody, response: { 200: c.slaPolicyResponse } },
  }, async (request, reply) => {
    const policy = await updateSlaPolicy(ctx, actorOf(request), request.params.priority, expectedVersion(request), request.body);
    reply.header('ETag', etag(policy.version));
    return policy;
  });
};
