import { trueRange } from './true-range';
import { assertPeriod, assertSameLength } from './validate';

/**
 * Average True Range, Wilder's smoothing.
 *
 * Conventions (Wilder, StockCharts worked example, `trading-signals`): the first bar's true range
 * is `high − low`; the first ATR is the simple mean of the first `period` true ranges (so it comes
 * with the `period`-th bar, `warmup = period − 1`); then
 * `atr = (atr × (period − 1) + tr) / period`.
 */
export class AtrState {
  readonly period: number;
  readonly inv: number;
  readonly keep: number;
  prevClose = NaN;
  count = 0;
  value = 0;

  constructor(period: number) {
    assertPeriod('period', period);
    this.period = period;
    this.inv = 1 / period;
    this.keep = (period - 1) / period;
  }
}

/**
 * The ATR arithmetic, shared by `atrBatch` (whole columns) and `Atr.update` (one bar): advances
 * `s` over the bars, writing each output to `out` at the same index.
 */
export function atrRun(
  s: AtrState,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
): void {
  const period = s.period;
  const inv = s.inv;
  const keep = s.keep;
  let prevClose = s.prevClose;
  let count = s.count;
  let value = s.value;
  const n = high.length;
  let i = 0;
  for (; i < n && count < period; i++) {
    value += trueRange(high[i]!, low[i]!, prevClose);
    prevClose = close[i]!;
    if (++count === period) {
      value *= inv;
      out[i] = value;
    } else {
      out[i] = NaN;
    }
  }
  for (; i < n; i++) {
    value = value * keep + trueRange(high[i]!, low[i]!, prevClose) * inv;
    prevClose = close[i]!;
    out[i] = value;
  }
  s.prevClose = prevClose;
  s.count = count;
  s.value = value;
}

/** Streaming ATR: O(1) per bar. */
export class Atr {
  readonly period: number;
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #state: AtrState;
  readonly #high = new Float64Array(1);
  readonly #low = new Float64Array(1);
  readonly #close = new Float64Array(1);
  readonly #out = new Float64Array([NaN]);
  #count = 0;

  constructor(period = 14) {
    this.#state = new AtrState(period);
    this.period = period;
    this.warmup = period - 1;
  }

  update(high: number, low: number, close: number): number {
    this.#high[0] = high;
    this.#low[0] = low;
    this.#close[0] = close;
    atrRun(this.#state, this.#high, this.#low, this.#close, this.#out);
    this.#count++;
    return this.#out[0]!;
  }

  get value(): number {
    return this.#out[0]!;
  }

  get isReady(): boolean {
    return this.#count > this.warmup;
  }
}

/** ATR over high/low/close columns; NaN before warm-up. */
export function atrBatch(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): Float64Array {
  const out = new Float64Array(assertSameLength(high, low, close));
  atrRun(new AtrState(period), high, low, close, out);
  return out;
}
