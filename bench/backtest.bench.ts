/**
 * Backtest engine benchmark (`npm run bench:backtest`). Not a test: prints tables to paste into
 * BENCHMARKS.md.
 *
 * 1. 1,000,000 seeded one-minute candles through the `volatile` strategy with its OCO exits:
 *    the engine with the registry strategy, the engine with a lean copy of the strategy (same
 *    indicators and rules, no reasoning strings; full result, and loop + metrics only as a sweep
 *    runs it), and the floor: a bare typed-array loop doing the same arithmetic
 *    (`backtest-floor.ts`). All must produce the same trades and final equity.
 * 2. The same for a plain SMA crossover (10/30), the case a widely used Python framework
 *    publishes at about 2 s per million candles (target: under 100 ms, > 20× faster).
 * 3. A sweep of 1,000 SMA-crossover combinations over 100,000 candles on 2 worker threads
 *    (target: under 10 s).
 * Timings: best and median wall time of interleaved runs after a warm-up run, plus CPU time.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import {
  gridFromSpec,
  type ParamCombo,
  runBacktest,
  runBacktestSummary,
} from '../lib/core/backtest';
import { seededCandles } from '../lib/core/backtest/seeded-candles';
import { parseBacktestOptions } from '../lib/core/backtest/options';
import { simulate } from '../lib/core/backtest/simulate';
import { type StrategyDecision, type StrategyInstance } from '../lib/core/strategy';
import { runParallelSweep } from '../lib/backtest/parallel-sweep';
import { type FloorResult, smaCrossFloor, volatileFloor } from './backtest-floor';
import { LeanSmaCross, LeanVolatile } from './backtest-lean';

const N = 1_000_000;
const SWEEP_N = 100_000;
const REPS = Number(process.env.BENCH_REPS ?? 5);
const costs = { feeRate: 0.001, slippageBps: 5, startingBalance: 10_000 };
const options = { feeRate: costs.feeRate, slippageBps: costs.slippageBps };
const smaParams = {
  fastPeriod: 10,
  slowPeriod: 30,
  atrPeriod: 2,
  stopLossAtr: 0,
  takeProfitAtr: 0,
};

interface Timing {
  wall: number[];
  cpu: number[];
}

let peakHeap = 0;
function sampleMemory(): void {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

function time(fn: () => FloorResult, into: Timing): FloorResult {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  into.wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  into.cpu.push((c.user + c.system) / 1000);
  sampleMemory();
  return result;
}

const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function engine(
  candles: ReturnType<typeof seededCandles>,
  id: string,
  params: Record<string, unknown>,
  instance?: StrategyInstance,
): FloorResult {
  const r = runBacktest({ candles, timeframe: '1m', strategy: { id, params }, instance, options });
  return {
    trades: r.trades.length,
    finalEquity: r.stats.finalEquity,
    pnl: r.trades.reduce((a, t) => a + t.pnl, 0),
  };
}

/** Loop and metrics only (what a sweep runs per combination): no curves, gaps or buy-and-hold. */
function engineSummary(
  candles: ReturnType<typeof seededCandles>,
  params: Record<string, unknown>,
  instance: StrategyInstance,
): FloorResult {
  const r = runBacktestSummary({
    candles,
    timeframe: '1m',
    strategy: { id: 'lean', params },
    instance,
    options,
  });
  return { trades: r.metrics.tradeCount, finalEquity: r.finalEquity, pnl: r.metrics.netPnl };
}

/** The bar loop with a strategy that does nothing: the engine's own cost per candle (best of REPS). */
function loopOnly(candles: ReturnType<typeof seededCandles>): number {
  const hold: StrategyDecision = { action: 'hold', confidence: 0, reasoning: '' };
  const noop: StrategyInstance = { warmup: 0, update: () => undefined, decide: () => hold };
  const parsed = parseBacktestOptions(options);
  const times: number[] = [];
  for (let rep = 0; rep <= REPS; rep++) {
    const t0 = performance.now();
    simulate({
      candles,
      timeframeMs: 60_000,
      symbol: 'X',
      strategy: noop,
      options: parsed,
      start: 0,
      cancelCheckBars: 4096,
    });
    if (rep > 0) times.push(performance.now() - t0);
  }
  return (best(times) * 1e6) / candles.time.length;
}

function same(a: FloorResult, b: FloorResult, what: string): void {
  const rel = Math.abs(a.finalEquity - b.finalEquity) / Math.abs(b.finalEquity);
  if (a.trades !== b.trades || rel > 1e-9) {
    throw new Error(`${what}: ${JSON.stringify(a)} differs from ${JSON.stringify(b)}`);
  }
}

function benchCase(
  title: string,
  candles: ReturnType<typeof seededCandles>,
  runs: Record<string, () => FloorResult>,
): { rows: [string, Timing][]; result: FloorResult } {
  const names = Object.keys(runs);
  const timings = new Map(names.map((k) => [k, { wall: [], cpu: [] }]));
  const results = new Map<string, FloorResult>();
  for (const k of names) results.set(k, runs[k]!()); // warm-up, and the results to compare
  const [first, ...rest] = names;
  for (const k of rest) same(results.get(k)!, results.get(first!)!, `${title} ${k} vs ${first}`);
  for (let rep = 0; rep < REPS; rep++) {
    for (const k of names) time(runs[k]!, timings.get(k)!);
  }
  return { rows: names.map((k) => [k, timings.get(k)!]), result: results.get(first!)! };
}

function table(title: string, rows: [string, Timing][], floorName: string, count: number): void {
  const floor = best(rows.find(([k]) => k === floorName)![1].wall);
  console.log(`\n### ${title} (${count.toLocaleString('en-US')} candles)\n`);
  console.log('| run | best ms | median ms | CPU ms (best) | ns/candle | candles/s | × floor |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, t] of rows) {
    const b = best(t.wall);
    console.log(
      `| ${name} | ${b.toFixed(1)} | ${median(t.wall).toFixed(1)} | ${best(t.cpu).toFixed(1)} | ${((b * 1e6) / count).toFixed(1)} | ${(count / (b / 1000) / 1e6).toFixed(2)} M | ${(b / floor).toFixed(2)} |`,
    );
  }
}

async function main(): Promise<void> {
  console.log('# Backtest engine benchmark');
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? '?'}, ${availableParallelism()} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, reps ${REPS}`,
  );
  const candles = seededCandles(N, 1);
  sampleMemory();
  const baseRss = process.memoryUsage().rss;

  const freshLoop = loopOnly(candles);
  const vol = benchCase('volatile', candles, {
    floor: () => volatileFloor(candles, costs),
    'engine + lean volatile, summary only': () => engineSummary(candles, {}, new LeanVolatile()),
    'engine + lean volatile': () => engine(candles, 'volatile', {}, new LeanVolatile()),
    'engine + registry volatile': () => engine(candles, 'volatile', {}),
  });
  table(`volatile with OCO exits — ${vol.result.trades} trades`, vol.rows, 'floor', N);

  const sma = benchCase('sma-cross', candles, {
    floor: () => smaCrossFloor(candles, 10, 30, costs),
    'engine + lean sma-cross, summary only': () =>
      engineSummary(candles, smaParams, new LeanSmaCross(10, 30)),
    'engine + lean sma-cross': () =>
      engine(candles, 'sma-cross', smaParams, new LeanSmaCross(10, 30)),
    'engine + registry sma-cross': () => engine(candles, 'sma-cross', smaParams),
  });
  table(`plain SMA crossover 10/30 — ${sma.result.trades} trades`, sma.rows, 'floor', N);

  console.log(
    `\nengine loop alone (no-op strategy, no metrics): ${freshLoop.toFixed(1)} ns/candle first (one strategy class seen), ${loopOnly(candles).toFixed(1)} ns/candle after the strategies above (megamorphic calls)`,
  );
  console.log(
    `\nmemory: RSS ${(baseRss / 2 ** 20).toFixed(0)} MiB after generating the candles, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB, peak heap used ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
  );

  if (process.env.BENCH_SKIP_SWEEP) return;
  await sweepBench();
}

/**
 * 1,000 combinations (fast 5–54 × slow 60–250 step 10) over 100,000 candles: the parallel sweep
 * on 2 threads with the registry strategy, plus 100 of the same combinations run one after the
 * other with the registry and with the lean strategy (per-combination cost, and from it the
 * parallel efficiency and what the full sweep takes once `decide` stops formatting strings).
 */
async function sweepBench(): Promise<void> {
  const sweepCandles = seededCandles(SWEEP_N, 2);
  const grid = {
    fastPeriod: Array.from({ length: 50 }, (_, i) => 5 + i),
    slowPeriod: { from: 60, to: 250, step: 10 },
  };
  const combos = gridFromSpec(grid);
  const subset = combos.slice(0, 100);
  const summary = (combo: ParamCombo, lean: boolean) =>
    runBacktestSummary(
      {
        candles: sweepCandles,
        timeframe: '1m',
        strategy: { id: 'sma-cross', params: { ...smaParams, ...combo } },
        instance: lean
          ? new LeanSmaCross(Number(combo.fastPeriod), Number(combo.slowPeriod))
          : undefined,
        options,
      },
      undefined,
      true,
    );
  const perCombo = (lean: boolean) => {
    summary(subset[0]!, lean);
    const t0 = performance.now();
    for (const combo of subset) summary(combo, lean);
    return (performance.now() - t0) / subset.length;
  };
  const registryMs = perCombo(false);
  const leanMs = perCombo(true);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const sweep = await runParallelSweep(
    {
      candles: sweepCandles,
      timeframe: '1m',
      strategy: { id: 'sma-cross', params: smaParams },
      grid,
      options,
    },
    { threads: 2 },
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  // process-wide CPU time (all threads): how many cores the sweep actually got
  const coresUsed = (cpu.user + cpu.system) / 1000 / wall;
  const efficiency = (registryMs * combos.length) / (2 * wall);
  const leanEstimate = (leanMs * combos.length) / (2 * efficiency);
  console.log(
    `\n### Sweep: ${sweep.combinations} SMA-crossover combinations × ${SWEEP_N.toLocaleString('en-US')} candles (target < 10 s on 2 cores)\n`,
  );
  console.log('| run | time | per combination | ns per candle-run |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| parallel, 2 threads, registry sma-cross | ${(wall / 1000).toFixed(2)} s | ${(wall / combos.length).toFixed(1)} ms | ${((wall * 1e6) / (combos.length * SWEEP_N)).toFixed(1)} |`,
  );
  console.log(
    `| 1 thread, registry sma-cross (100 combos) | ${((registryMs * subset.length) / 1000).toFixed(2)} s | ${registryMs.toFixed(1)} ms | ${((registryMs * 1e6) / SWEEP_N).toFixed(1)} |`,
  );
  console.log(
    `| 1 thread, lean sma-cross (100 combos) | ${((leanMs * subset.length) / 1000).toFixed(2)} s | ${leanMs.toFixed(1)} ms | ${((leanMs * 1e6) / SWEEP_N).toFixed(1)} |`,
  );
  console.log(
    `| estimate: parallel, 2 threads, lean sma-cross, at the measured efficiency | ${(leanEstimate / 1000).toFixed(2)} s | | |`,
  );
  console.log(
    `| estimate: parallel, 2 idle cores, lean sma-cross | ${((leanMs * combos.length) / 2000).toFixed(2)} s | | |`,
  );
  console.log(
    `\nparallel efficiency ${(efficiency * 100).toFixed(0)} % of 2 threads (the sweep got ${coresUsed.toFixed(2)} cores of CPU time on average; load ${loadavg()[0]?.toFixed(1)}); best ${JSON.stringify(sweep.best?.combo)} (sharpe ${sweep.best?.score.toFixed(2)}), warnings: ${sweep.warnings.map((w) => w.code).join(', ') || 'none'}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}

await main();
