/**
 * Backtest engine benchmark (`npm run bench:backtest`). Not a test: prints tables to paste into
 * BENCHMARKS.md.
 *
 * 1. 1,000,000 seeded one-minute candles through the `volatile` strategy with its OCO exits
 *    (ATR stop 2×, target 3×), and 2. through a plain SMA crossover 10/30 (the case a widely
 *    used Python framework publishes at about 2 s; target: under 100 ms). Each case runs in its
 *    own process (`backtest-case.ts`: one strategy class per process, as in a sweep worker or
 *    a backtest job): the floor (a bare typed-array loop, `backtest-floor.ts`) and the engine
 *    with the registry strategy as shipped, checked to trade alike, timed in interleaved rounds.
 * 3. A sweep of 1,000 SMA-crossover combinations over 100,000 candles with `runParallelSweep`
 *    on 2 worker threads (target: under 10 s), plus 100 of them on one thread for the
 *    per-combination cost and the parallel efficiency.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gridFromSpec, runBacktestSummary } from '../lib/core/backtest';
import { parseBacktestOptions } from '../lib/core/backtest/options';
import { seededCandles } from '../lib/core/backtest/seeded-candles';
import { runParallelSweep } from '../lib/backtest/parallel-sweep';
import { type CaseReport, SMA_PARAMS } from './backtest-case';

const SWEEP_N = 100_000;
const options = { feeRate: 0.001, slippageBps: 5 };

const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** Runs one case in a fresh process under the same loader (tsx) as this one. */
function runCase(strategy: string): CaseReport {
  const file = fileURLToPath(new URL('./backtest-case.ts', import.meta.url));
  const out = execFileSync(process.execPath, [...process.execArgv, file, strategy], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as CaseReport;
}

function table(title: string, r: CaseReport): void {
  const floor = best(r.timings.find((t) => t.run === 'floor')!.wallMs);
  const floorCpu = best(r.timings.find((t) => t.run === 'floor')!.cpuMs);
  console.log(`\n### ${title}, ${r.trades.toLocaleString('en-US')} trades\n`);
  console.log(
    '| run | best ms | median ms | CPU ms (best) | ns/candle | candles/s | × floor (wall) | × floor (CPU) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const t of r.timings) {
    const b = best(t.wallMs);
    const cpu = best(t.cpuMs);
    console.log(
      `| ${t.run} | ${b.toFixed(1)} | ${median(t.wallMs).toFixed(1)} | ${cpu.toFixed(1)} | ${((b * 1e6) / r.candles).toFixed(1)} | ${(r.candles / (b / 1000) / 1e6).toFixed(2)} M | ${(b / floor).toFixed(2)} | ${(cpu / floorCpu).toFixed(2)} |`,
    );
  }
  console.log(
    `\nmemory (this case's process): RSS ${r.rssAfterCandlesMiB.toFixed(0)} MiB after generating the candles, peak RSS ${r.peakRssMiB.toFixed(0)} MiB, peak V8 heap used ${r.peakHeapMiB.toFixed(0)} MiB`,
  );
}

/**
 * 1,000 combinations (fast 5–54 × slow 60–250 step 10) over 100,000 candles: the parallel sweep
 * on 2 threads, then 100 of the combinations one after the other on this thread.
 */
async function sweepBench(): Promise<void> {
  const candles = seededCandles(SWEEP_N, 2);
  const grid = {
    fastPeriod: Array.from({ length: 50 }, (_, i) => 5 + i),
    slowPeriod: { from: 60, to: 250, step: 10 },
  };
  const combos = gridFromSpec(grid);
  const loadBefore = load();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const sweep = await runParallelSweep(
    { candles, timeframe: '1m', strategy: { id: 'sma-cross', params: SMA_PARAMS }, grid, options },
    { threads: 2 },
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const coresUsed = (cpu.user + cpu.system) / 1000 / wall;

  const parsed = parseBacktestOptions(options);
  const subset = combos.slice(0, 100);
  const one = (combo: (typeof combos)[number]) =>
    runBacktestSummary(
      {
        candles,
        timeframe: '1m',
        strategy: { id: 'sma-cross', params: { ...SMA_PARAMS, ...combo } },
      },
      parsed,
      true,
    );
  one(subset[0]!);
  const s0 = performance.now();
  for (const combo of subset) one(combo);
  const perCombo = (performance.now() - s0) / subset.length;

  console.log(
    `\n### Sweep: ${sweep.combinations} SMA-crossover combinations × ${SWEEP_N.toLocaleString('en-US')} candles (target < 10 s on 2 cores)\n`,
  );
  console.log('| run | time | per combination | ns per candle-run |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| runParallelSweep, 2 threads (incl. pool start-up) | ${(wall / 1000).toFixed(2)} s | ${(wall / combos.length).toFixed(1)} ms | ${((wall * 1e6) / (combos.length * SWEEP_N)).toFixed(1)} |`,
  );
  console.log(
    `| 1 thread, 100 of the combinations | ${((perCombo * subset.length) / 1000).toFixed(2)} s | ${perCombo.toFixed(1)} ms | ${((perCombo * 1e6) / SWEEP_N).toFixed(1)} |`,
  );
  console.log(
    `\nload before ${loadBefore}; the sweep got ${coresUsed.toFixed(2)} cores of CPU time on average (process CPU / wall); 1 thread × 1,000 would take ${((perCombo * combos.length) / 1000).toFixed(1)} s, so 2 threads ran at ${((perCombo * combos.length) / wall).toFixed(2)}×; best ${JSON.stringify(sweep.best?.combo)} (sharpe ${sweep.best?.score.toFixed(2)}), warnings: ${sweep.warnings.map((w) => w.code).join(', ') || 'none'}; peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}

async function main(): Promise<void> {
  console.log('# Backtest engine benchmark');
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? '?'}, ${availableParallelism()} cores, load ${load()} at the start, reps ${process.env.BENCH_REPS ?? 7}`,
  );
  if (!process.env.BENCH_SKIP_CASES) {
    table('volatile with OCO exits (1,000,000 candles)', runCase('volatile'));
    table('plain SMA crossover 10/30 (1,000,000 candles)', runCase('sma-cross'));
    console.log(`\nload ${load()} after the 1M-candle cases`);
  }
  if (!process.env.BENCH_SKIP_SWEEP) await sweepBench();
  console.log(`\nload ${load()} at the end`);
}

await main();
