/**
 * One case of `bench/backtest.bench.ts`, run in its own process (`tsx bench/backtest-case.ts
 * volatile|sma-cross`) so the engine's `update`/`decide` call sites only ever see the one
 * strategy class they run, as in a sweep worker or a backtest job (in one process running
 * several classes they turn megamorphic and the engine loop alone gets 3–5× slower).
 *
 * 1,000,000 seeded one-minute candles, fee 0.1 % per side, 5 bps slippage, next-open fills,
 * all in. Three runs, checked to give the same trade count and final equity, then timed in
 * interleaved rounds after a warm-up: the floor (`backtest-floor.ts`), the engine with the
 * registry strategy as shipped, loop + metrics only (`runBacktestSummary`, what a sweep runs),
 * and the full result (`runBacktest`: trades, curves, drawdown, metrics, buy-and-hold, gaps).
 * Prints one JSON line for the parent.
 */
import { type BacktestInput, runBacktest, runBacktestSummary } from '../lib/core/backtest';
import { seededCandles } from '../lib/core/backtest/seeded-candles';
import { type FloorResult, smaCrossFloor, volatileFloor } from './backtest-floor';

export const CASE_CANDLES = 1_000_000;
const REPS = Number(process.env.BENCH_REPS ?? 7);
const costs = { feeRate: 0.001, slippageBps: 5, startingBalance: 10_000 };
const options = { feeRate: costs.feeRate, slippageBps: costs.slippageBps };

/** The plain crossover: SMA 10/30, no stop or target (ATR exits off). */
export const SMA_PARAMS = {
  fastPeriod: 10,
  slowPeriod: 30,
  atrPeriod: 2,
  stopLossAtr: 0,
  takeProfitAtr: 0,
};

export interface CaseTiming {
  run: string;
  wallMs: number[];
  cpuMs: number[];
}

export interface CaseReport {
  strategy: string;
  candles: number;
  trades: number;
  timings: CaseTiming[];
  rssAfterCandlesMiB: number;
  peakRssMiB: number;
  peakHeapMiB: number;
}

type Run = () => FloorResult;

function runs(strategy: 'volatile' | 'sma-cross'): Record<string, Run> {
  const candles = seededCandles(CASE_CANDLES, 1);
  const params = strategy === 'volatile' ? {} : SMA_PARAMS;
  const input: BacktestInput = {
    candles,
    timeframe: '1m',
    strategy: { id: strategy, params },
    options,
  };
  return {
    floor: () =>
      strategy === 'volatile'
        ? volatileFloor(candles, costs)
        : smaCrossFloor(candles, SMA_PARAMS.fastPeriod, SMA_PARAMS.slowPeriod, costs),
    'engine + registry, summary only': () => {
      const r = runBacktestSummary(input);
      return { trades: r.metrics.tradeCount, finalEquity: r.finalEquity, pnl: r.metrics.netPnl };
    },
    'engine + registry, full result': () => {
      const r = runBacktest(input);
      return {
        trades: r.trades.length,
        finalEquity: r.stats.finalEquity,
        pnl: r.trades.reduce((a, t) => a + t.pnl, 0),
      };
    },
  };
}

function same(a: FloorResult, b: FloorResult, what: string): void {
  const rel = Math.abs(a.finalEquity - b.finalEquity) / Math.abs(b.finalEquity);
  if (a.trades !== b.trades || !(rel <= 1e-9)) {
    throw new Error(`${what}: ${JSON.stringify(a)} differs from ${JSON.stringify(b)}`);
  }
}

function main(): void {
  const strategy = process.argv[2];
  if (strategy !== 'volatile' && strategy !== 'sma-cross') {
    throw new Error(`usage: backtest-case.ts volatile|sma-cross (got ${strategy})`);
  }
  let peakHeap = 0;
  const cases = runs(strategy);
  const rssAfterCandles = process.memoryUsage().rss;
  const names = Object.keys(cases);
  const first = cases.floor!();
  for (const name of names.slice(1)) same(cases[name]!(), first, `${strategy}: ${name} vs floor`);
  const timings = names.map((run) => ({ run, wallMs: [] as number[], cpuMs: [] as number[] }));
  for (let rep = 0; rep < REPS; rep++) {
    names.forEach((name, k) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      cases[name]!();
      timings[k]!.wallMs.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      timings[k]!.cpuMs.push((c.user + c.system) / 1000);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    });
  }
  const report: CaseReport = {
    strategy,
    candles: CASE_CANDLES,
    trades: first.trades,
    timings,
    rssAfterCandlesMiB: rssAfterCandles / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    peakHeapMiB: peakHeap / 2 ** 20,
  };
  console.log(JSON.stringify(report));
}

if (process.argv[1]?.endsWith('backtest-case.ts')) main();
