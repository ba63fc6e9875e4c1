import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Metrics } from '../../platform/observability/metrics.ts';

const TAG = ['operations'];

/** PLT-12: liveness, readiness (the database answers) and Prometheus metrics. */
export const systemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; metrics: Metrics; isShuttingDown: () => boolean }> = async (
  app,
  { ctx, metrics, isShuttingDown },
) => {
  app.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: TAG, summary: 'Liveness: the process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    config: { access: 'public' },
    schema: {
      tags: TAG,
      summary: 'Readiness: the database answers and the process is not shutting down',
      response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: z.object({ status: z.literal('unavailable'), reason: z.string() }) },
    },
  }, async (_request, reply) => {
    if (isShuttingDown()) return reply.status(503).send({ status: 'unavailable' as const, reason: 'shutting down' });
    try {
      await ctx.database.executor.query('select 1');
      return { status: 'ready' as const, database: ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const, reason: 'database unavailable' });
    }
  });

  app.get('/metrics', {
    config: { access: 'public' },
    schema: { tags: TAG, summary: 'Prometheus metrics', hide: true },
  }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
};
