import os from 'node:os';
import { defineConfig } from 'vitest/config';

// vitest's default is one worker less than the cores: on this 2-core machine, one test file at a time.
// A server test file keeps about one core busy between its main thread and its PGlite worker thread (or
// the PostgreSQL server), so one file per core. TEST_WORKERS overrides it.
const workers = Number(process.env.TEST_WORKERS) || Math.max(os.availableParallelism(), 2);

/**
 * Files that register test-only definitions in the process-wide catalogues (permissions, events, texts,
 * problems, a throw-away module) are named `*.isolated.*` and get a process of their own: in the shared
 * workers, a catalogue entry made by one file would still be there for the next (the generated web types
 * and the permission matrix would see a `contract_notes.read`). server/test/contract/isolated-files.test.ts
 * keeps the names honest.
 */
const ISOLATED = 'server/**/*.isolated.*test.ts';

const server = {
  globalSetup: ['server/test/global-setup.ts'],
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Set for the whole run: projects with different maxWorkers would need their own sequence.groupOrder.
    maxWorkers: workers,
    projects: [
      {
        test: {
          ...server,
          name: 'server',
          include: ['server/**/*.test.ts'],
          exclude: [ISOLATED],
          // A worker process runs file after file without re-importing the server (import was 105 of 564 s
          // of PGlite test time, 88 of 135 s on PostgreSQL). Nothing a file does lives on in the process:
          // each builds its own app on its own database copy, and the catalogues are only filled by the
          // modules' own declarations (same in every file), in a stable order (roles.ts sorts permissions).
          isolate: false,
        },
      },
      {
        test: {
          ...server,
          name: 'server-isolated',
          include: [ISOLATED],
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
