// Worker threads do not inherit the parent's TypeScript loader on Node 20: register tsx here, then
// load the real worker. Kept as plain JS so it runs before any loader exists.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
