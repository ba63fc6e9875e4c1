import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { iso } from '../../platform/http/common-schemas.ts';

const TAG = ['admin'];
const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
type JobState = (typeof JOB_STATES)[number];

const jobItem = z.object({
  name: z.string(),
  description: z.string(),
  /** Cron expression (UTC), or null for jobs that run when work is sent to them. */
  schedule: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  runnable: z.boolean(),
  queued: z.number().int(),
  lastRun: z
    .object({
      id: z.string(),
      state: z.enum(JOB_STATES),
      startedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      error: z.string().nullable(),
    })
    .nullable(),
});

/** The background jobs page: what runs, when it last ran and how it ended; run one now. */
export const jobsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/v1/admin/jobs', {
    config: { access: 'jobs.manage' },
    schema: { tags: TAG, summary: 'List background jobs with their schedule and last run', response: { 200: z.object({ items: z.array(jobItem) }) } },
  }, async () => {
    const jobs = await ctx.jobs.list();
    return {
      items: jobs.map((j) => ({
        ...j,
        nextRunAt: iso(j.nextRunAt),
        lastRun: j.lastRun && {
          ...j.lastRun,
          state: j.lastRun.state as JobState,
          startedAt: iso(j.lastRun.startedAt),
          completedAt: iso(j.lastRun.completedAt),
        },
      })),
    };
  });

  app.post('/api/v1/admin/jobs/:name/run', {
    config: { access: 'jobs.manage' },
    schema: {
      tags: TAG,
      summary: 'Run a job now',
      params: z.object({ name: z.string().min(1).max(100) }),
      response: { 202: z.object({ id: z.string(), name: z.string() }) },
    },
  }, async (request, reply) => {
    const id = await ctx.jobs.runNow(request.params.name);
    return reply.status(202).send({ id, name: request.params.name });
  });
};
