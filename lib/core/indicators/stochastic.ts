import { assertPeriod, assertSameLength } from './validate';
import { WindowExtremes, pushBar } from './window-extremes';

/**
 * Stochastic oscillator (Lane). `fast %K = 100 × (close − lowest low) / (highest high − lowest
 * low)` over `kPeriod` bars; `%K` = SMA(`kSmoothing`) of fast %K; `%D` = SMA(`dPeriod`) of %K.
 * Defaults 14/3/3 (the "slow" stochastic); `kSmoothing = 1` gives the fast stochastic of
 * StockCharts' worked example.
 *
 * Conventions (`trading-signals`): fast %K is 0 when the range is zero (flat window). Both outputs
 * appear together from bar `kPeriod + kSmoothing + dPeriod − 2`
 * (`warmup = kPeriod + kSmoothing + dPeriod − 3`). Highest high and lowest low come from monotonic
 * deques (amortised O(1)); both SMAs keep running sums re-summed on each wrap, as `Sma`.
 */
export class StochasticState {
  readonly kPeriod: number;
  readonly kSmoothing: number;
  readonly dPeriod: number;
  readonly extremes: WindowExtremes;
  readonly kWindow: Float64Array;
  readonly dWindow: Float64Array;
  kCount = 0;
  kPos = 0;
  kSum = 0;
  dCount = 0;
  dPos = 0;
  dSum = 0;

  constructor(kPeriod: number, kSmoothing: number, dPeriod: number) {
    assertPeriod('kPeriod', kPeriod);
    assertPeriod('kSmoothing', kSmoothing);
    assertPeriod('dPeriod', dPeriod);
    this.kPeriod = kPeriod;
    this.kSmoothing = kSmoothing;
    this.dPeriod = dPeriod;
    this.extremes = new WindowExtremes(kPeriod);
    this.kWindow = new Float64Array(kSmoothing);
    this.dWindow = new Float64Array(dPeriod);
  }
}

/**
 * The stochastic arithmetic, shared by `stochasticBatch` (whole columns) and `Stochastic.update`
 * (one bar): advances `s` over the bars, writing %K and %D at the same index.
 */
export function stochasticRun(
  s: StochasticState,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  kOut: Float64Array,
  dOut: Float64Array,
): void {
  const { kPeriod, kSmoothing, dPeriod, extremes, kWindow, dWindow } = s;
  let { kCount, kPos, kSum, dCount, dPos, dSum } = s;
  const n = high.length;
  for (let i = 0; i < n; i++) {
    pushBar(extremes, high[i]!, low[i]!);
    kOut[i] = NaN;
    dOut[i] = NaN;
    if (extremes.seen < kPeriod) continue;
    const ll = extremes.lowest;
    const range = extremes.highest - ll;
    const fastK = range > 0 ? ((close[i]! - ll) / range) * 100 : 0;
    if (kCount < kSmoothing) {
      kWindow[kCount++] = fastK;
      kSum += fastK;
      if (kCount < kSmoothing) continue;
    } else {
      const old = kWindow[kPos]!;
      kWindow[kPos] = fastK;
      if (++kPos === kSmoothing) {
        kPos = 0;
        kSum = 0;
        for (let j = 0; j < kSmoothing; j++) kSum += kWindow[j]!;
      } else {
        kSum += fastK - old;
      }
    }
    const k = kSum / kSmoothing;
    if (dCount < dPeriod) {
      dWindow[dCount++] = k;
      dSum += k;
      if (dCount < dPeriod) continue;
    } else {
      const old = dWindow[dPos]!;
      dWindow[dPos] = k;
      if (++dPos === dPeriod) {
        dPos = 0;
        dSum = 0;
        for (let j = 0; j < dPeriod; j++) dSum += dWindow[j]!;
      } else {
        dSum += k - old;
      }
    }
    kOut[i] = k;
    dOut[i] = dSum / dPeriod;
  }
  s.kCount = kCount;
  s.kPos = kPos;
  s.kSum = kSum;
  s.dCount = dCount;
  s.dPos = dPos;
  s.dSum = dSum;
}

/** Streaming stochastic: O(1) amortised per bar; `update` returns %K. */
export class Stochastic {
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #state: StochasticState;
  readonly #high = new Float64Array(1);
  readonly #low = new Float64Array(1);
  readonly #close = new Float64Array(1);
  readonly #k = new Float64Array([NaN]);
  readonly #d = new Float64Array([NaN]);
  #count = 0;

  constructor(kPeriod = 14, kSmoothing = 3, dPeriod = 3) {
    this.#state = new StochasticState(kPeriod, kSmoothing, dPeriod);
    this.warmup = kPeriod + kSmoothing + dPeriod - 3;
  }

  update(high: number, low: number, close: number): number {
    this.#high[0] = high;
    this.#low[0] = low;
    this.#close[0] = close;
    stochasticRun(this.#state, this.#high, this.#low, this.#close, this.#k, this.#d);
    this.#count++;
    return this.#k[0]!;
  }

  /** %K (primary value). */
  get value(): number {
    return this.#k[0]!;
  }

  get k(): number {
    return this.#k[0]!;
  }

  get d(): number {
    return this.#d[0]!;
  }

  get isReady(): boolean {
    return this.#count > this.warmup;
  }
}

export interface StochasticColumns {
  k: Float64Array;
  d: Float64Array;
}

/** Stochastic over high/low/close columns; NaN before warm-up. */
export function stochasticBatch(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  kPeriod = 14,
  kSmoothing = 3,
  dPeriod = 3,
): StochasticColumns {
  const n = assertSameLength(high, low, close);
  const out: StochasticColumns = { k: new Float64Array(n), d: new Float64Array(n) };
  stochasticRun(new StochasticState(kPeriod, kSmoothing, dPeriod), high, low, close, out.k, out.d);
  return out;
}
