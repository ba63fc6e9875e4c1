/**
 * `npm run bench [-- --quick] [-- --only=<scenario>]`: runs the benchmark scenarios against the real
 * app on this machine and rewrites docs/benchmarks.md with the figures. A benchmark, never a test:
 * nothing here passes or fails on a number.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanupAllEngines, engineVersions } from './lib/engine.ts';
import { parseSections, renderReport, renderSection } from './lib/markdown.ts';
import type { Scenario } from './lib/scenario.ts';
import { creates } from './scenarios/creates.ts';
import { knowledge } from './scenarios/knowledge.ts';
import { customerImport } from './scenarios/customer-import.ts';
import { customerReads } from './scenarios/customer-reads.ts';
import { eventLoopLag } from './scenarios/event-loop-lag.ts';
import { footprint } from './scenarios/footprint.ts';
import { meVsBare } from './scenarios/me-vs-bare.ts';
import { ticketReads } from './scenarios/ticket-reads.ts';

const SCENARIOS: Scenario[] = [meVsBare, eventLoopLag, footprint, customerReads, customerImport, ticketReads, creates, knowledge];
const REPORT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/benchmarks.md');

function parseArgs(argv: string[]) {
  let quick = false;
  let only: string | undefined;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length);
    else throw new Error(`unknown argument ${arg} (use --quick and/or --only=<${SCENARIOS.map((s) => s.name).join('|')}>)`);
  }
  if (only && !SCENARIOS.some((s) => s.name === only)) {
    throw new Error(`unknown scenario "${only}"; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  return { quick, only };
}

function machine(): [string, string][] {
  const cpus = os.cpus();
  return [
    ['Machine', `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length} logical CPUs, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM`],
    ['OS', `${os.type()} ${os.release()} (${os.arch()})`],
    ['Node', process.version],
  ];
}

/** Share of all CPUs busy over a short window: other work on the machine skews every figure. */
async function cpuBusy(windowMs = 2000): Promise<number> {
  const totals = () =>
    os.cpus().reduce(
      (acc, cpu) => {
        const t = cpu.times;
        acc.idle += t.idle;
        acc.all += t.user + t.nice + t.sys + t.irq + t.idle;
        return acc;
      },
      { idle: 0, all: 0 },
    );
  const before = totals();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = totals();
  const all = after.all - before.all;
  return all > 0 ? 1 - (after.idle - before.idle) / all : 0;
}

async function main() {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const selected = SCENARIOS.filter((s) => !only || s.name === only);
  const log = (message: string) => console.log(message);
  process.once('SIGINT', () => {
    console.error('interrupted: dropping benchmark databases');
    void cleanupAllEngines().finally(() => process.exit(130));
  });

  const startedAt = new Date();
  const loadBefore = os.loadavg()[0];
  const busyBefore = await cpuBusy();
  log(`machine CPU busy before the run: ${(busyBefore * 100).toFixed(0)} %`);
  // A partial run (--only) replaces its own sections and keeps the others' last figures.
  const previous = fs.existsSync(REPORT) ? parseSections(fs.readFileSync(REPORT, 'utf8')) : new Map<string, string>();
  const fresh = new Map<string, string>();
  for (const scenario of selected) {
    const started = performance.now();
    const load = os.loadavg()[0];
    log(`▶ ${scenario.name}${quick ? ' (quick)' : ''}`);
    const section = await scenario.run({ quick, log });
    const seconds = (performance.now() - started) / 1000;
    const runLine = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (quick run)' : ''}; 1-min load average ${load.toFixed(2)} when it started; took ${seconds.toFixed(0)} s.`;
    fresh.set(scenario.name, renderSection(scenario.name, section, runLine));
    log(`✓ ${scenario.name} in ${seconds.toFixed(1)} s`);
  }
  const sections = SCENARIOS.map((s) => fresh.get(s.name) ?? previous.get(s.name)).filter((s): s is string => Boolean(s));

  const loadAfter = os.loadavg()[0];
  const versions = [...engineVersions()].map(([kind, version]) => `${kind}: ${version.split(', compiled by')[0]}`);
  const meta: [string, string][] = [
    ['Date', startedAt.toISOString()],
    ...machine(),
    ['Other load', `CPUs ${(busyBefore * 100).toFixed(0)} % busy just before the run; 1-min load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (after includes this run)`],
    ['Databases', versions.length ? versions.join('; ') : 'none used'],
    ['Command', `npm run bench${quick || only ? ` -- ${[quick ? '--quick' : '', only ? `--only=${only}` : ''].filter(Boolean).join(' ')}` : ''}`],
  ];
  const preface = [
    'Generated by `npm run bench` (bench/run.ts). A full run rewrites every section; `--only=<scenario>` rewrites that ' +
      'section and keeps the others, so each section says when it was measured. The header describes the latest run, on ' +
      'the machine above. Everything runs in one Node process — app, bare servers, load generator (a worker thread) and, in ' +
      'embedded mode, PGlite (another worker thread) — with all traffic over 127.0.0.1; PostgreSQL runs on the same machine. ' +
      `With ${os.cpus().length} CPUs these all compete for the same cores, so read the ratios more than the absolute numbers. ` +
      'Profiles and other hand-made measurements are in [performance-notes.md](performance-notes.md).',
    busyBefore > 0.25 || loadBefore > os.cpus().length / 2
      ? `> **Busy machine:** other work kept the CPUs ${(busyBefore * 100).toFixed(0)} % busy (load average ` +
        `${loadBefore.toFixed(2)} on ${os.cpus().length} CPUs) when the run started and competed with it, so these figures ` +
        'understate what the app can do; rerun on a quiet machine before comparing.'
      : '',
    quick ? '> **Quick smoke run:** short durations, figures not meant for comparison. Run `npm run bench` for real figures.' : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const report = renderReport({ title: 'Benchmarks', meta, preface, sections });
  fs.writeFileSync(REPORT, report);
  log(`\n${report}`);
  log(`wrote ${path.relative(process.cwd(), REPORT)}`);
}

main().catch(async (error) => {
  console.error(error);
  await cleanupAllEngines();
  process.exit(1);
});
