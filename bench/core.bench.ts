/**
 * Core indicator benchmark (`npm run bench:core`): every indicator over 1,000,000 seeded random
 * candles in batch and streaming form and as a bare typed-array loop doing the same arithmetic
 * (the floor). `technicalindicators` is slow, so it runs on the first 100,000 candles, and its
 * ratio is taken against our batch on those same 100,000 candles. Timings are medians of
 * interleaved runs after JIT warm-up runs, in ns per candle; ratios are medians of per-round
 * ratios, which stay meaningful when other processes load the machine. Not a test: prints a table.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import * as ti from 'technicalindicators';
import {
  Adx,
  adxBatch,
  Atr,
  atrBatch,
  BollingerBands,
  bollingerBatch,
  Ema,
  emaBatch,
  Macd,
  macdBatch,
  Rsi,
  rsiBatch,
  Sma,
  smaBatch,
  Stochastic,
  stochasticBatch,
  VolumeSma,
  volumeSmaBatch,
  Vwap,
  vwapBatch,
} from '../lib/core/indicators';
import { randomCandles } from '../lib/core/indicators/fixtures/random-candles';
import { bareAdx, bareAtr, bareBollinger, bareEma, bareMacd, bareRsi, bareSma } from './core-bare';
import { bareStochastic, bareVwap } from './core-bare-2';
import { type BenchCase, checkAgainstBare, printTable, runCase } from './core-report';

const N = 1_000_000;
const N_TI = 100_000;
const { high, low, close, volume } = randomCandles(N, 7);
const small = {
  high: high.subarray(0, N_TI),
  low: low.subarray(0, N_TI),
  close: close.subarray(0, N_TI),
  volume: volume.subarray(0, N_TI),
};
const tiIn = {
  high: Array.from(high.subarray(0, N_TI)),
  low: Array.from(low.subarray(0, N_TI)),
  close: Array.from(close.subarray(0, N_TI)),
  volume: Array.from(volume.subarray(0, N_TI)),
};

/** Runs a streaming indicator over all candles, returning the last value. */
function stream(update: (i: number) => number): number {
  let last = 0;
  for (let i = 0; i < N; i++) last = update(i);
  return last;
}

const cases: BenchCase[] = [
  {
    name: 'SMA(20)',
    batch: () => smaBatch(close, 20),
    batchSmall: () => smaBatch(small.close, 20),
    stream: () => ((s) => stream((i) => s.update(close[i]!)))(new Sma(20)),
    bare: () => bareSma(close, 20),
    ti: () => ti.SMA.calculate({ period: 20, values: tiIn.close }),
  },
  {
    name: 'EMA(20)',
    batch: () => emaBatch(close, 20),
    batchSmall: () => emaBatch(small.close, 20),
    stream: () => ((s) => stream((i) => s.update(close[i]!)))(new Ema(20)),
    bare: () => bareEma(close, 20),
    ti: () => ti.EMA.calculate({ period: 20, values: tiIn.close }),
  },
  {
    name: 'RSI(14)',
    batch: () => rsiBatch(close, 14),
    batchSmall: () => rsiBatch(small.close, 14),
    stream: () => ((s) => stream((i) => s.update(close[i]!)))(new Rsi(14)),
    bare: () => bareRsi(close, 14),
    ti: () => ti.RSI.calculate({ period: 14, values: tiIn.close }),
  },
  {
    name: 'MACD(12,26,9)',
    batch: () => macdBatch(close, 12, 26, 9),
    batchSmall: () => macdBatch(small.close, 12, 26, 9),
    stream: () => ((s) => stream((i) => s.update(close[i]!)))(new Macd(12, 26, 9)),
    bare: () => bareMacd(close, 12, 26, 9),
    ti: () =>
      ti.MACD.calculate({
        values: tiIn.close,
        fastPeriod: 12,
        slowPeriod: 26,
        signalPeriod: 9,
        SimpleMAOscillator: false,
        SimpleMASignal: false,
      }),
    columns: ['macd', 'signal', 'histogram'],
  },
  {
    name: 'Bollinger(20,2)',
    batch: () => bollingerBatch(close, 20, 2),
    batchSmall: () => bollingerBatch(small.close, 20, 2),
    stream: () => ((s) => stream((i) => s.update(close[i]!)))(new BollingerBands(20, 2)),
    bare: () => bareBollinger(close, 20, 2),
    ti: () => ti.BollingerBands.calculate({ period: 20, stdDev: 2, values: tiIn.close }),
    columns: ['upper', 'middle', 'lower'],
  },
  {
    name: 'ATR(14)',
    batch: () => atrBatch(high, low, close, 14),
    batchSmall: () => atrBatch(small.high, small.low, small.close, 14),
    stream: () => ((s) => stream((i) => s.update(high[i]!, low[i]!, close[i]!)))(new Atr(14)),
    bare: () => bareAtr(high, low, close, 14),
    ti: () => ti.ATR.calculate({ ...tiIn, period: 14 }),
  },
  {
    name: 'ADX(14)',
    batch: () => adxBatch(high, low, close, 14),
    batchSmall: () => adxBatch(small.high, small.low, small.close, 14),
    stream: () => ((s) => stream((i) => s.update(high[i]!, low[i]!, close[i]!)))(new Adx(14)),
    bare: () => bareAdx(high, low, close, 14),
    ti: () => ti.ADX.calculate({ ...tiIn, period: 14 }),
    columns: ['adx', 'plusDi', 'minusDi'],
  },
  {
    name: 'Stochastic(14,3,3)',
    batch: () => stochasticBatch(high, low, close, 14, 3, 3),
    batchSmall: () => stochasticBatch(small.high, small.low, small.close, 14, 3, 3),
    stream: () =>
      ((s) => stream((i) => s.update(high[i]!, low[i]!, close[i]!)))(new Stochastic(14, 3, 3)),
    bare: () => bareStochastic(high, low, close, 14, 3, 3),
    // technicalindicators has only the fast stochastic (%K 14 unsmoothed, %D 3).
    ti: () => ti.Stochastic.calculate({ ...tiIn, period: 14, signalPeriod: 3 }),
    columns: ['k', 'd'],
  },
  {
    name: 'Volume SMA(20)',
    batch: () => volumeSmaBatch(volume, 20),
    batchSmall: () => volumeSmaBatch(small.volume, 20),
    stream: () => ((s) => stream((i) => s.update(volume[i]!)))(new VolumeSma(20)),
    bare: () => bareSma(volume, 20),
    ti: () => ti.SMA.calculate({ period: 20, values: tiIn.volume }),
  },
  {
    name: 'VWAP',
    batch: () => vwapBatch(high, low, close, volume),
    batchSmall: () => vwapBatch(small.high, small.low, small.close, small.volume),
    stream: () =>
      ((s) => stream((i) => s.update(high[i]!, low[i]!, close[i]!, volume[i]!)))(new Vwap()),
    bare: () => bareVwap(high, low, close, volume),
    ti: () => ti.VWAP.calculate(tiIn),
  },
];

const started = Date.now();
const loadBefore = loadavg()[0]!;
for (const c of cases) checkAgainstBare(c);
const rows = cases.map((c) => runCase(c, N, N_TI));
const cpu = cpus()[0]?.model ?? 'unknown';
console.log(
  `Core indicators, ns per candle: ${N.toLocaleString('en')} candles; technicalindicators and ` +
    `the "(100k)" batch on the first ${N_TI.toLocaleString('en')}; medians of interleaved runs ` +
    `after JIT warm-up; ratios = medians of per-round ratios`,
);
console.log(
  `Machine: ${availableParallelism()} cores (nproc), ${cpu}, node ${process.version}, ` +
    `${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  `Load average (1 min) before/after: ${loadBefore.toFixed(2)} / ${loadavg()[0]!.toFixed(2)} ` +
    '(other processes share the cores; memory-bound kernels suffer most)',
);
printTable(rows);
console.log(`Total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
