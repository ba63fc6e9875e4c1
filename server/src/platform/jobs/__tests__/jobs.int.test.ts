import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../../app.ts';
import { type Agent, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { waitFor } from '../../../../test/wait.ts';
import { Jobs } from '../jobs.ts';

async function jobsPage(admin: Agent) {
  const response = await admin.get('/api/v1/admin/jobs');
  expect(response.statusCode).toBe(200);
  return response.json().items as any[];
}

describe('background jobs', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp({ schedules: true });
    admin = await t.loginAs('admin');
  });
  afterAll(async () => t.stop());

  it('lists every defined job with its description, UTC schedule and next run', async () => {
    const items = await jobsPage(admin);
    const names = items.map((j) => j.name);
    expect(names).toEqual(expect.arrayContaining(['sessions.cleanup', 'outbox.dispatch', 'events.deliver', 'mail.send']));
    const cleanup = items.find((j) => j.name === 'sessions.cleanup');
    expect(cleanup).toMatchObject({ schedule: '0 * * * *', runnable: true, description: expect.stringContaining('session') });
    const next = new Date(cleanup.nextRunAt);
    expect(next.getUTCMinutes()).toBe(0);
    expect(next.getUTCSeconds()).toBe(0);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000);
    const dispatch = items.find((j) => j.name === 'outbox.dispatch');
    expect(dispatch.schedule).toBe('* * * * *');
    expect(new Date(dispatch.nextRunAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    const deliver = items.find((j) => j.name === 'events.deliver');
    expect(deliver).toMatchObject({ schedule: null, nextRunAt: null, runnable: false });
  });

  it('registers each cron job once in the cluster-wide pg-boss schedule', async () => {
    const { rows } = await t.database.executor.query<{ name: string; cron: string; timezone: string }>(
      'select name, cron, timezone from pgboss.schedule order by name',
    );
    expect(rows).toEqual([
      { name: 'activities.reminders', cron: '*/5 * * * *', timezone: 'UTC' },
      { name: 'customer-import.cleanup', cron: '45 2 * * *', timezone: 'UTC' },
      { name: 'idempotency.prune', cron: '15 * * * *', timezone: 'UTC' },
      { name: 'outbox.dispatch', cron: '* * * * *', timezone: 'UTC' },
      { name: 'outbox.prune', cron: '30 3 * * *', timezone: 'UTC' },
      { name: 'pool.recycle', cron: '15 1 * * *', timezone: 'UTC' },
      { name: 'sessions.cleanup', cron: '0 * * * *', timezone: 'UTC' },
      { name: 'tickets.auto-close', cron: '0 * * * *', timezone: 'UTC' },
      { name: 'tickets.consolidate', cron: '*/15 * * * *', timezone: 'UTC' },
      { name: 'tickets.distribute', cron: '* * * * *', timezone: 'UTC' },
      { name: 'tickets.follow-ups', cron: '*/5 * * * *', timezone: 'UTC' },
      { name: 'tickets.sla', cron: '*/5 * * * *', timezone: 'UTC' },
    ]);
  });

  it('runs sessions.cleanup now: expired sessions go, live ones stay, and the run shows as completed', async () => {
    const { rows: users } = await t.database.executor.query<{ id: string }>(`select id from users where email = 'agent1@demo.test'`);
    await t.database.executor.query(
      `insert into sessions (id, user_id, csrf_token, expires_at) values ('expired-1', $1, 'x', now() - interval '1 minute'),
       ('live-1', $1, 'y', now() + interval '1 hour')`,
      [users[0].id],
    );
    const response = await admin.post('/api/v1/admin/jobs/sessions.cleanup/run');
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ name: 'sessions.cleanup', id: expect.any(String) });
    const run = await waitFor('the cleanup run to complete', async () => {
      const job = (await jobsPage(admin)).find((j) => j.name === 'sessions.cleanup');
      return job.lastRun?.id === response.json().id && job.lastRun.state === 'completed' ? job.lastRun : null;
    });
    expect(run.error).toBeNull();
    expect(new Date(run.completedAt).getTime()).toBeGreaterThanOrEqual(new Date(run.startedAt).getTime());
    const { rows } = await t.database.executor.query<{ id: string }>(`select id from sessions where id in ('expired-1', 'live-1')`);
    expect(rows.map((r) => r.id)).toEqual(['live-1']);
  });

  it('runs outbox.prune now: events dispatched over a week ago go, recent and pending ones stay', async () => {
    await t.database.executor.query(`insert into outbox (event, payload, dispatched_at) values
      ('test.old', '{}', now() - interval '8 days'), ('test.recent', '{}', now() - interval '1 day'), ('test.pending', '{}', null)`);
    const response = await admin.post('/api/v1/admin/jobs/outbox.prune/run');
    expect(response.statusCode).toBe(202);
    await waitFor('the prune run to complete', async () => {
      const job = (await jobsPage(admin)).find((j) => j.name === 'outbox.prune');
      return job.lastRun?.id === response.json().id && job.lastRun.state === 'completed';
    });
    const { rows } = await t.database.executor.query<{ event: string }>(`select event from outbox where event like 'test.%' order by event`);
    expect(rows.map((r) => r.event)).toEqual(['test.pending', 'test.recent']);
  });

  it('answers 404 for an unknown job, 422 for one that needs data, 403 to non-admins', async () => {
    const unknown = await admin.post('/api/v1/admin/jobs/no.such.job/run');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().code).toBe('not_found');
    const notRunnable = await admin.post('/api/v1/admin/jobs/events.deliver/run');
    expect(notRunnable.statusCode).toBe(422);
    expect(notRunnable.json().code).toBe('job_not_runnable');
    const manager = await t.loginAs('manager');
    expect((await manager.get('/api/v1/admin/jobs')).statusCode).toBe(403);
    expect((await manager.post('/api/v1/admin/jobs/sessions.cleanup/run')).statusCode).toBe(403);
  });

  describe('the Jobs service', () => {
    let jobs: Jobs;
    const seen: unknown[] = [];
    beforeAll(async () => {
      // A second job service on the same database, as another process would run it.
      jobs = new Jobs(t.database.executor, t.app.log, { workers: true, schedules: true });
      jobs.define({ name: 'test.fails', description: 'always fails', retryLimit: 0, manual: true, handler: async () => Promise.reject(new Error('disk on fire')) });
      jobs.define<{ n: number }>({ name: 'test.records', description: 'records its data', handler: async (data) => void seen.push(data.n) });
      await jobs.start();
    });
    afterAll(async () => jobs.stop());

    it('shows the error message of a failed run', async () => {
      const id = await jobs.runNow('test.fails');
      const run = await waitFor('the failing run', async () => {
        const job = (await jobs.list()).find((j) => j.name === 'test.fails')!;
        return job.lastRun?.id === id && job.lastRun.state === 'failed' ? job.lastRun : null;
      });
      expect(run.error).toBe('disk on fire');
    });

    it('enqueues inside a transaction: nothing if it rolls back, the job once it commits', async () => {
      await expect(
        t.database.transaction(async (tx) => {
          await jobs.send('test.records', { n: 1 }, { tx });
          throw new Error('use case refused');
        }),
      ).rejects.toThrow('use case refused');
      const { rows: none } = await t.database.executor.query(`select id from pgboss.job where name = 'test.records'`);
      expect(none).toHaveLength(0);
      await t.database.transaction((tx) => jobs.send('test.records', { n: 2 }, { tx }));
      jobs.wake('test.records');
      await waitFor('the committed job to run', () => seen.includes(2));
      expect(seen).toEqual([2]);
    });
  });
});

describe('an API-only process (JOBS=false)', () => {
  // One app for these its (starting one costs seconds): the its share it and the fixtures made in beforeAll; each it creates the records it changes.
  let t: TestApp;
  let worker: BuiltApp | undefined;
  beforeAll(async () => {
    t = await createTestApp({ jobs: false });
  });
  afterAll(async () => {
    await worker?.close();
    await t.stop();
  });

  it('creates the queues but runs no worker and no schedule; a worker process picks the job up', async () => {
    const { rows: schedules } = await t.database.executor.query('select name from pgboss.schedule');
    expect(schedules).toHaveLength(0);
    const admin = await t.loginAs('admin');
    const response = await admin.post('/api/v1/admin/jobs/sessions.cleanup/run');
    expect(response.statusCode).toBe(202);
    const queued = (await jobsPage(admin)).find((j) => j.name === 'sessions.cleanup');
    expect(queued).toMatchObject({ queued: 1, lastRun: null });

    worker = await buildApp({ config: { ...t.config, jobs: true }, database: t.database });
    await waitFor('the worker process to run the job', async () => {
      const job = (await jobsPage(admin)).find((j) => j.name === 'sessions.cleanup');
      return job.lastRun?.id === response.json().id && job.lastRun.state === 'completed';
    });
  });
});
