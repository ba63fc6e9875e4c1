import os from 'node:os';
import { defineConfig } from 'vitest/config';

// vitest's default is one worker less than the cores: on this 2-core machine, one test file at a time.
// A server test file keeps about one core busy between its main thread and its PGlite worker thread (or
// the PostgreSQL server), so one file per core. TEST_WORKERS overrides it.
const workers = Number(process.env.TEST_WORKERS) || Math.max(os.availableParallelism(), 2);

export default defineConfig({
  test: {
    // Set for the whole run: projects with different maxWorkers would need their own sequence.groupOrder.
    maxWorkers: workers,
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
