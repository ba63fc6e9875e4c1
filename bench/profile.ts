/**
 * `npm run bench:profile -- [--engine=postgres|pglite] [--path=/api/v1/me] [--seconds=10] [--connections=50]`
 *
 * Runs the real app (buildApp, production config) on the demo data, puts one endpoint under autocannon
 * load and records a CPU profile of the main thread (the one that serves HTTP) while it runs. Writes the
 * profile to bench/profiles/<name>.cpuprofile (open it in Chrome DevTools → Performance) and prints the
 * functions with the most self time, grouped by package, so the request path's costs can be read off.
 * The app logs at info, as deployed (into /dev/null: see startApp).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { signIn, startApp } from './lib/app-server.ts';
import { cleanupAllEngines, type EngineKind, openEngine } from './lib/engine.ts';
import { runLoad } from './lib/load.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function option(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

/** node_modules/<pkg> (or the app's own source folder) a frame belongs to. */
function owner(url: string): string {
  if (!url) return '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'node core';
  const own = /\/(server\/src\/[^/]+\/[^/]+|bench\/[^/]+)/.exec(url);
  return own ? own[1] : url;
}

function summarise(nodes: ProfileNode[], samples: number) {
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const node of nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const frame = node.callFrame;
    const key = `${frame.functionName || '(anonymous)'}  ${owner(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    byOwner.set(owner(frame.url), (byOwner.get(owner(frame.url)) ?? 0) + hits);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / samples).toFixed(1).padStart(5)} %  ${k}`);
  return { functions: top(byFunction, 30), owners: top(byOwner, 20) };
}

async function main() {
  const kind = option('engine', 'postgres') as EngineKind;
  const target = option('path', '/api/v1/me');
  const seconds = Number(option('seconds', '10'));
  const connections = Number(option('connections', '50'));
  const engine = await openEngine(kind);
  const app = await startApp(engine);
  try {
    const agent = await signIn(app.baseUrl, option('user', 'agent1@demo.test'));
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    // Warm up without the profiler so the profile shows steady state, not compilation.
    await runLoad({ title: 'warm-up', url: app.baseUrl + target, headers: { cookie: agent.cookie }, connections, durationSec: 3, warmupSec: 0 });
    await session.post('Profiler.start');
    const load = await runLoad({ title: target, url: app.baseUrl + target, headers: { cookie: agent.cookie }, connections, durationSec: seconds, warmupSec: 0 });
    const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[] } };
    session.disconnect();
    const dir = path.join(import.meta.dirname, 'profiles');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${kind}-${target.replace(/[^a-z0-9]+/gi, '_')}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((s, n) => s + (n.hitCount ?? 0), 0);
    const { functions, owners } = summarise(profile.nodes, profile.samples.length);
    console.log(`${target} on ${kind}: ${load.requestsPerSec.toFixed(0)} req/s at ${connections} connections, ${load.non2xx} non-2xx; main thread idle ${((100 * idle) / profile.samples.length).toFixed(1)} %`);
    console.log(`profile: ${file}\n\nself time by package:\n${owners.join('\n')}\n\nself time by function:\n${functions.join('\n')}`);
  } finally {
    await app.close();
    await cleanupAllEngines();
  }
}

await main();
