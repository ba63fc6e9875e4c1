/**
 * Per-domain factories: each test file creates the records it asserts on through the domain's own API
 * (so the rules and history a user's request gets apply), instead of leaning on demo rows it did not
 * write. The demo template stays the starting point: it holds the users, teams and settings every file
 * signs in with, and loading it costs the same as a migrated-only one (docs/benchmarks.md).
 */
export * from './activities.ts';
export * from './customers.ts';
export * from './files.ts';
export * from './identity.ts';
export * from './sql.ts';
export * from './tickets.ts';
