export { poolEntries } from './pool.tables.ts';
export { poolRoutes } from './pool.routes.ts';
export { definePoolJobs, RECYCLE_JOB } from './pool.jobs.ts';
export { recycleInactive } from './use-cases/recycle.ts';
export { seedPool } from './seed.ts';
