import autocannon, { type Result } from 'autocannon';

export interface LoadOptions {
  /** Must point at 127.0.0.1: the benchmarks never send traffic anywhere else. */
  url: string;
  title: string;
  headers?: Record<string, string>;
  /** Default GET; a POST sends `body` with every request. */
  method?: 'GET' | 'POST';
  body?: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** Hard cap on requests, so a run is bounded in count as well as in time. */
  maxRequests?: number;
}

export interface LoadResult {
  title: string;
  requestsPerSec: number;
  totalRequests: number;
  durationSec: number;
  latencyMs: { mean: number; p50: number; p97_5: number; p99: number; max: number };
  bytesPerResponse: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

const DEFAULT_MAX_REQUESTS = 5_000_000;

export function assertLoopback(url: string) {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`benchmark traffic goes to 127.0.0.1 only, not ${hostname}`);
}

/**
 * Closed-loop load with autocannon (N connections, each sending its next request as soon as the
 * previous answer arrives). The generator runs in its own worker thread so it does not share the
 * event loop of the server it measures; on a small machine it still shares the CPUs, which the
 * report states.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  assertLoopback(options.url);
  const instance = autocannon({
    url: options.url,
    title: options.title,
    headers: options.headers,
    // autocannon takes an explicit undefined as a method name: pass them only when set.
    ...(options.method ? { method: options.method, body: options.body } : {}),
    connections: options.connections,
    duration: options.durationSec,
    maxOverallRequests: options.maxRequests ?? DEFAULT_MAX_REQUESTS,
    timeout: 10,
    workers: 1,
    warmup: options.warmupSec > 0 ? { connections: options.connections, duration: options.warmupSec } : undefined,
  });
  // autocannon stops itself after `duration`; this guard only fires if something wedges.
  const limitMs = (options.durationSec + options.warmupSec + 30) * 1000;
  let timer: NodeJS.Timeout | undefined;
  const overtime = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      instance.stop();
      reject(new Error(`load run "${options.title}" did not finish within ${limitMs} ms`));
    }, limitMs);
  });
  try {
    const result = await Promise.race([Promise.resolve(instance), overtime]);
    return summarise(options.title, result);
  } finally {
    clearTimeout(timer);
  }
}

function summarise(title: string, result: Result): LoadResult {
  const total = result.requests.total;
  return {
    title,
    // The mean of the per-second samples, as autocannon prints it.
    requestsPerSec: result.requests.average,
    totalRequests: total,
    durationSec: result.duration,
    latencyMs: {
      mean: result.latency.average,
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    bytesPerResponse: total > 0 ? result.throughput.total / total : 0,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** One request before the load: a wrong status or body must stop the benchmark, not be measured. */
export async function expectOk(url: string, headers: Record<string, string>, check?: (body: any) => boolean) {
  assertLoopback(url);
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  if (check && !check(JSON.parse(text))) throw new Error(`GET ${url} answered an unexpected body: ${text.slice(0, 300)}`);
}

/** Two runs of one target as one (app, bare, bare, app orders): mean rate and latency, the worse tail, all errors. */
export function mergeLoads(a: LoadResult, b: LoadResult): LoadResult {
  return {
    title: a.title,
    requestsPerSec: (a.requestsPerSec + b.requestsPerSec) / 2,
    totalRequests: a.totalRequests + b.totalRequests,
    durationSec: a.durationSec + b.durationSec,
    latencyMs: {
      mean: (a.latencyMs.mean + b.latencyMs.mean) / 2,
      p50: (a.latencyMs.p50 + b.latencyMs.p50) / 2,
      p97_5: Math.max(a.latencyMs.p97_5, b.latencyMs.p97_5),
      p99: Math.max(a.latencyMs.p99, b.latencyMs.p99),
      max: Math.max(a.latencyMs.max, b.latencyMs.max),
    },
    bytesPerResponse: (a.bytesPerResponse + b.bytesPerResponse) / 2,
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    non2xx: a.non2xx + b.non2xx,
  };
}
