/** Case runner, sanity check and table printer for `bench/core.bench.ts`. */
import { interleavedSamples, median, medianRatio, sinkValue } from './core-timing';

export interface BenchCase {
  name: string;
  batch: () => unknown;
  /** The batch on the same 100k candles technicalindicators gets, for a like-for-like ratio. */
  batchSmall: () => unknown;
  stream: () => number;
  bare: () => unknown;
  ti?: () => unknown;
  /** Output columns of a multi-output indicator (batch and bare return objects of these). */
  columns?: string[];
}

export interface BenchRow {
  name: string;
  /** Medians, ns per candle. */
  batch: number;
  batchSmall: number;
  stream: number;
  ti: number;
  bare: number;
  /** Medians of per-round ratios. */
  batchOverBare: number;
  tiOverBatch: number;
}

const ROUNDS = 9;
const TI_ROUNDS = 7;

function columnsOf(result: unknown, names: string[] | undefined): Float64Array[] {
  if (!names) return [result as Float64Array];
  const record = result as Record<string, Float64Array>;
  return names.map((name) => record[name]!);
}

/** Refuses to time a bare loop that does not compute the same values as the library. */
export function checkAgainstBare(c: BenchCase): void {
  const ours = columnsOf(c.batch(), c.columns);
  const bare = columnsOf(c.bare(), c.columns);
  ours.forEach((column, k) => {
    for (let i = 0; i < column.length; i++) {
      const a = column[i]!;
      const b = bare[k]![i]!;
      if (
        Number.isNaN(a) !== Number.isNaN(b) ||
        Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b))
      ) {
        throw new Error(`${c.name}: bare loop differs at ${i} (${a} vs ${b})`);
      }
    }
  });
}

/**
 * Times one case. The 1M-candle variants run interleaved with each other; technicalindicators
 * runs interleaved with our batch on the same 100k candles.
 */
export function runCase(c: BenchCase, n: number, nSmall: number): BenchRow {
  const big = interleavedSamples({ batch: c.batch, stream: c.stream, bare: c.bare }, ROUNDS);
  const ti = c.ti;
  const small = interleavedSamples(
    ti ? { batchSmall: c.batchSmall, ti } : { batchSmall: c.batchSmall },
    TI_ROUNDS,
    1,
  );
  return {
    name: c.name,
    batch: median(big.batch!) / n,
    stream: median(big.stream!) / n,
    bare: median(big.bare!) / n,
    batchSmall: median(small.batchSmall!) / nSmall,
    ti: ti ? median(small.ti!) / nSmall : NaN,
    batchOverBare: medianRatio(big.batch!, big.bare!),
    tiOverBatch: ti ? medianRatio(small.ti!, small.batchSmall!) : NaN,
  };
}

const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/**
 * Prints the results as a Markdown table (ns per candle; ratios are medians of per-round ratios)
 * plus the two targets.
 */
export function printTable(rows: BenchRow[]): void {
  const header = [
    'indicator',
    'ours batch',
    'ours streaming',
    'bare loop',
    'ours batch / bare',
    'technicalindicators (100k)',
    'ours batch (100k)',
    'technicalindicators / ours batch',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of rows) {
    const cells = [
      r.name,
      fmt(r.batch),
      fmt(r.stream),
      fmt(r.bare),
      `${fmt(r.batchOverBare, 2)}×`,
      fmt(r.ti),
      fmt(r.batchSmall),
      `${fmt(r.tiOverBatch, 0)}×`,
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  const slowest = Math.min(...rows.map((r) => r.tiOverBatch).filter(Number.isFinite));
  const worst = Math.max(...rows.map((r) => r.batchOverBare));
  console.log(
    `Targets: batch ≥ 20× faster than technicalindicators: ${slowest >= 20 ? 'met' : 'MISSED'} ` +
      `(min ${fmt(slowest, 0)}×); batch within 2× of the bare loop: ` +
      `${worst <= 2 ? 'met' : 'MISSED'} (max ${fmt(worst, 2)}×). [sink ${sinkValue() > 0 ? 'ok' : '0'}]`,
  );
}
