/**
 * Bot-cycle benchmark (`npm run bench:cycles`). Not a test: prints a table for BENCHMARKS.md.
 *
 * 1,000 running rule bots (`sma-cross` on 1m candles, 1-minute interval) on 100 paper accounts
 * trading the simulated market, all due at the same slot, against a private embedded PostgreSQL.
 * Phase 1 runs one worker process, phase 2 two (each the production job loops: cycles, signals,
 * exit monitor, equity snapshots, reflections), each phase on a fresh database. Per slot: how long the workers took to run every bot's cycle (slot → last cycle
 * finished), throughput while draining (bot-cycles per minute), p50/p95 of
 * `bot_cycles.duration_ms`, and CPU per cycle (the workers' `process.cpuUsage` after startup).
 *
 * Env: BENCH_MODE (`jobs`: every production job; `cycles`: the cycle loop alone, an
 * experiment), BENCH_BOTS (1000), BENCH_SLOTS (2 per phase), BENCH_WORKERS (`1,2`: workers per
 * phase), BENCH_LANES (per phase, e.g. `3,3`: the workers' WORKER_CYCLE_LANES; default the
 * config's), BENCH_NODE_ARGS (node flags for the workers, e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof`), BENCH_DEBUG (print the workers' stderr).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { runMigrations } from '../lib/db/migrate';
import { createDb } from '../lib/db/client';
import { startChildWorker } from '../test/worker-faults/child-worker';
import { createPaperBots } from '../test/worker-faults/paper-bots';
import { samplePg } from './cycles-pg-stats';
import { phaseReport, type PhaseReport } from './cycles-report';

const BOTS = Number(process.env.BENCH_BOTS ?? 1000);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 2);
const INTERVAL_MS = 60_000;
const STARTUP_MS = 15_000;
const PHASES = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const LANES = (process.env.BENCH_LANES ?? '').split(',').filter(Boolean);

const sleepUntil = (time: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));

async function main(): Promise<void> {
  const reports: Parameters<typeof printTable>[0] = [];
  for (const [index, workerCount] of PHASES.entries()) {
    reports.push(await runPhase(workerCount, LANES[index]));
    console.error(`phase ${workerCount} worker(s) done`);
  }
  printTable(reports);
}

/**
 * One phase on its own fresh database: every phase starts from the same state (no positions
 * left open by an earlier phase for its exit monitor to watch), only the market's minute differs.
 */
async function runPhase(workerCount: number, lanes: string | undefined) {
  const dir = mkdtempSync(path.join(tmpdir(), 'osprey-bench-cycles-'));
  const server = await startEmbeddedPostgres({ dir, password: 'bench', database: 'osprey_bench' });
  const handle = createDb(server.url, { max: 4 });
  try {
    await runMigrations(server.url);
    const slot = Math.ceil((Date.now() + STARTUP_MS) / 1000) * 1000;
    const bots = await createPaperBots(handle.db, {
      users: BOTS / 10,
      botsPerUser: 10,
      intervalSeconds: INTERVAL_MS / 1000,
      firstSlot: new Date(slot),
    });
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const env = {
      DATABASE_URL: server.url,
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      EXIT_MONITOR_INTERVAL_MS: '15000',
      ...(lanes ? { WORKER_CYCLE_LANES: lanes } : {}),
    };
    const pgBefore = await samplePg(handle.db, dir);
    const workers = Array.from({ length: workerCount }, (_, i) =>
      startChildWorker(
        [process.env.BENCH_MODE ?? 'jobs'],
        { ...env, WORKER_ID: `bench-${workerCount}-${i}` },
        nodeArgs,
      ),
    );
    await sleepUntil(slot + SLOTS * INTERVAL_MS - 1_000);
    const exits = await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    if (process.env.BENCH_DEBUG) for (const exit of exits) console.error(exit.stderr.slice(-6000));
    for (const exit of exits)
      if (exit.code !== 0)
        console.error(`a worker exited with ${exit.code ?? exit.signal}:\n${exit.stderr}`);
    const pgAfter = await samplePg(handle.db, dir);
    const report = await phaseReport(handle.db, {
      workers: workerCount,
      bots: bots.length,
      from: slot,
      slots: SLOTS,
      intervalMs: INTERVAL_MS,
      exits,
    });
    return {
      ...report,
      lanes: lanes ?? 'default',
      pgCpuMsPerCycle: (pgAfter.cpuMs - pgBefore.cpuMs) / report.cycles,
      statementsPerCycle: (pgAfter.commits - pgBefore.commits) / report.cycles,
    };
  } finally {
    await handle.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(
  reports: (PhaseReport & { lanes: string; pgCpuMsPerCycle: number; statementsPerCycle: number })[],
): void {
  const cpu = cpus();
  console.log(
    `\nMachine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${new Date().toISOString()}`,
  );
  console.log(`${BOTS} bots, 1-minute interval, ${SLOTS} slots per phase\n`);
  console.log(
    '| workers | lanes | cycles (trading) | errors | slot drained in (s, per slot) | bot-cycles/min while draining | p50 ms | p95 ms | p95 start→finish ms | trading cycles p50 / p95 ms | worker CPU ms/cycle | PostgreSQL CPU ms/cycle | DB statements/cycle |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of reports) {
    console.log(
      `| ${r.workers} | ${r.lanes} | ${r.cycles} (${r.trading}) | ${r.errors} | ${r.drainSeconds.map((s) => s.toFixed(1)).join(' / ')} | ${Math.round(r.cyclesPerMinute)} | ${r.p50} | ${r.p95} | ${r.p95Wall} | ${r.trading > 0 ? `${r.tradingP50} / ${r.tradingP95}` : '–'} | ${r.cpuMsPerCycle.toFixed(2)} | ${r.pgCpuMsPerCycle.toFixed(2)} | ${r.statementsPerCycle.toFixed(1)} |`,
    );
  }
  const [one, two] = reports;
  if (one && two)
    console.log(
      `\nTwo workers / one worker throughput: ${(two.cyclesPerMinute / one.cyclesPerMinute).toFixed(2)}×`,
    );
}

await main();
