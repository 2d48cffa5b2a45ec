import { assertPeriod } from './validate';

/**
 * MACD (Appel): `macd = EMA(fast) − EMA(slow)`, `signal = EMA(signal) of macd`,
 * `histogram = macd − signal`. Defaults 12/26/9.
 *
 * Conventions: every EMA is seeded with the SMA of its first `period` inputs and updated as `Ema`
 * (StockCharts, investexcel.net's worked example); the signal EMA starts with the first MACD value.
 * All three outputs appear together, from input `max(fast, slow) + signal − 1`
 * (`warmup = max(fast, slow) + signal − 2`, 33 for 12/26/9), and are NaN before, so a reader never
 * sees a MACD line without its signal.
 */
export class MacdState {
  readonly fast: number;
  readonly slow: number;
  readonly signal: number;
  count = 0;
  fastSum = 0;
  slowSum = 0;
  fastEma = NaN;
  slowEma = NaN;
  signalCount = 0;
  signalSum = 0;
  signalEma = NaN;

  constructor(fast: number, slow: number, signal: number) {
    assertPeriod('fast', fast);
    assertPeriod('slow', slow);
    assertPeriod('signal', signal);
    this.fast = fast;
    this.slow = slow;
    this.signal = signal;
  }
}

/**
 * The MACD arithmetic, shared by `macdBatch` (whole column) and `Macd.update` (one close):
 * advances `s` over `values`, writing the three outputs at the same index.
 */
export function macdRun(
  s: MacdState,
  values: Float64Array,
  macd: Float64Array,
  signal: Float64Array,
  histogram: Float64Array,
): void {
  const { fast, slow, signal: signalPeriod } = s;
  const fastAlpha = 2 / (fast + 1);
  const slowAlpha = 2 / (slow + 1);
  const signalAlpha = 2 / (signalPeriod + 1);
  const fastBeta = 1 - fastAlpha;
  const slowBeta = 1 - slowAlpha;
  const signalBeta = 1 - signalAlpha;
  let count = s.count;
  let fastSum = s.fastSum;
  let slowSum = s.slowSum;
  let fastEma = s.fastEma;
  let slowEma = s.slowEma;
  let signalCount = s.signalCount;
  let signalSum = s.signalSum;
  let signalEma = s.signalEma;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (count < fast) {
      fastSum += x;
      if (count + 1 === fast) fastEma = fastSum / fast;
    } else {
      fastEma = fastAlpha * x + fastBeta * fastEma;
    }
    if (count < slow) {
      slowSum += x;
      if (count + 1 === slow) slowEma = slowSum / slow;
    } else {
      slowEma = slowAlpha * x + slowBeta * slowEma;
    }
    count++;
    const line = fastEma - slowEma;
    if (line === line) {
      if (signalCount < signalPeriod) {
        signalSum += line;
        if (++signalCount === signalPeriod) signalEma = signalSum / signalPeriod;
      } else {
        signalEma = signalAlpha * line + signalBeta * signalEma;
      }
    }
    if (signalEma === signalEma) {
      macd[i] = line;
      signal[i] = signalEma;
      histogram[i] = line - signalEma;
    } else {
      macd[i] = NaN;
      signal[i] = NaN;
      histogram[i] = NaN;
    }
  }
  s.count = count;
  s.fastSum = fastSum;
  s.slowSum = slowSum;
  s.fastEma = fastEma;
  s.slowEma = slowEma;
  s.signalCount = signalCount;
  s.signalSum = signalSum;
  s.signalEma = signalEma;
}

/**
 * Streaming MACD: O(1) per close; `update` returns the MACD line. `update` is the scalar form
 * of `macdRun`'s loop body (same expressions, state in fields);
 * `streaming-equals-batch.test.ts` holds them equal bit for bit.
 */
export class Macd {
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #fast: number;
  readonly #slow: number;
  readonly #signalPeriod: number;
  readonly #fastAlpha: number;
  readonly #slowAlpha: number;
  readonly #signalAlpha: number;
  readonly #fastBeta: number;
  readonly #slowBeta: number;
  readonly #signalBeta: number;
  #count = 0;
  #fastSum = 0;
  #slowSum = 0;
  #fastEma = NaN;
  #slowEma = NaN;
  #signalCount = 0;
  #signalSum = 0;
  #signalEma = NaN;
  #macd = NaN;
  #signal = NaN;
  #histogram = NaN;

  constructor(fast = 12, slow = 26, signal = 9) {
    assertPeriod('fast', fast);
    assertPeriod('slow', slow);
    assertPeriod('signal', signal);
    this.warmup = Math.max(fast, slow) + signal - 2;
    this.#fast = fast;
    this.#slow = slow;
    this.#signalPeriod = signal;
    // as in macdRun
    this.#fastAlpha = 2 / (fast + 1);
    this.#slowAlpha = 2 / (slow + 1);
    this.#signalAlpha = 2 / (signal + 1);
    this.#fastBeta = 1 - this.#fastAlpha;
    this.#slowBeta = 1 - this.#slowAlpha;
    this.#signalBeta = 1 - this.#signalAlpha;
  }

  update(close: number): number {
    const x = close;
    const count = this.#count;
    if (count < this.#fast) {
      this.#fastSum += x;
      if (count + 1 === this.#fast) this.#fastEma = this.#fastSum / this.#fast;
    } else {
      this.#fastEma = this.#fastAlpha * x + this.#fastBeta * this.#fastEma;
    }
    if (count < this.#slow) {
      this.#slowSum += x;
      if (count + 1 === this.#slow) this.#slowEma = this.#slowSum / this.#slow;
    } else {
      this.#slowEma = this.#slowAlpha * x + this.#slowBeta * this.#slowEma;
    }
    this.#count = count + 1;
    const line = this.#fastEma - this.#slowEma;
    if (line === line) {
      if (this.#signalCount < this.#signalPeriod) {
        this.#signalSum += line;
        if (++this.#signalCount === this.#signalPeriod) {
          this.#signalEma = this.#signalSum / this.#signalPeriod;
        }
      } else {
        this.#signalEma = this.#signalAlpha * line + this.#signalBeta * this.#signalEma;
      }
    }
    const signalEma = this.#signalEma;
    if (signalEma === signalEma) {
      this.#macd = line;
      this.#signal = signalEma;
      this.#histogram = line - signalEma;
    } else {
      this.#macd = NaN;
      this.#signal = NaN;
      this.#histogram = NaN;
    }
    return this.#macd;
  }

  /** The MACD line (primary value). */
  get value(): number {
    return this.#macd;
  }

  get macd(): number {
    return this.#macd;
  }

  get signal(): number {
    return this.#signal;
  }

  get histogram(): number {
    return this.#histogram;
  }

  get isReady(): boolean {
    return this.#count > this.warmup;
  }
}

export interface MacdColumns {
  macd: Float64Array;
  signal: Float64Array;
  histogram: Float64Array;
}

/** MACD over a column of closes; NaN before warm-up. */
export function macdBatch(values: Float64Array, fast = 12, slow = 26, signal = 9): MacdColumns {
  const n = values.length;
  const out: MacdColumns = {
    macd: new Float64Array(n),
    signal: new Float64Array(n),
    histogram: new Float64Array(n),
  };
  macdRun(new MacdState(fast, slow, signal), values, out.macd, out.signal, out.histogram);
  return out;
}
