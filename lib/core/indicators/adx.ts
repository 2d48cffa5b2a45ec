import { trueRange } from './true-range';
import { assertPeriod, assertSameLength } from './validate';

/**
 * Average Directional Index with +DI and −DI (Wilder's DMI), on a 0–100 scale.
 *
 * Conventions (Wilder; StockCharts' cs-adx worked example; TA-Lib): true range and directional
 * movement start with the second bar (they need the previous bar). `+DM = up move` when it is
 * positive and larger than the down move, else 0 (mirror for −DM; equal moves give 0 to both).
 * TR, +DM and −DM are seeded with their sum (here: mean) over the first `period` moves, then
 * Wilder-smoothed; `±DI = 100 × ±DM / TR` (0 when TR is 0); `DX = 100 × |+DI − −DI| / (+DI + −DI)`
 * (0 when both are 0); ADX is the mean of the first `period` DX values, then Wilder-smoothed. All
 * three outputs appear together with bar `2 × period` (`warmup = 2 × period − 1`, 27 for 14).
 * (`trading-signals` instead counts the first bar as a zero move with `TR = high − low`; its values
 * converge to these after a few hundred bars.)
 */
export class AdxState {
  readonly period: number;
  readonly inv: number;
  readonly keep: number;
  /** Moves seen, capped at `period`; −1 before the first bar. */
  moves = -1;
  prevHigh = NaN;
  prevLow = NaN;
  prevClose = NaN;
  tr = 0;
  plusDm = 0;
  minusDm = 0;
  dxCount = 0;
  adx = 0;

  constructor(period: number) {
    assertPeriod('period', period);
    this.period = period;
    this.inv = 1 / period;
    this.keep = (period - 1) / period;
  }
}

/**
 * The ADX/DMI arithmetic, shared by `adxBatch` (whole columns) and `Adx.update` (one bar):
 * advances `s` over the bars, writing the three outputs at the same index.
 */
export function adxRun(
  s: AdxState,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  adxOut: Float64Array,
  plusDiOut: Float64Array,
  minusDiOut: Float64Array,
): void {
  const period = s.period;
  const inv = s.inv;
  const keep = s.keep;
  let moves = s.moves;
  let prevHigh = s.prevHigh;
  let prevLow = s.prevLow;
  let prevClose = s.prevClose;
  let tr = s.tr;
  let plusDm = s.plusDm;
  let minusDm = s.minusDm;
  let dxCount = s.dxCount;
  let adx = s.adx;
  const n = high.length;
  for (let i = 0; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const upMove = h - prevHigh;
    const downMove = prevLow - l;
    const range = trueRange(h, l, prevClose);
    prevHigh = h;
    prevLow = l;
    prevClose = close[i]!;
    let ready = false;
    if (moves >= 0) {
      const pdm = upMove > downMove && upMove > 0 ? upMove : 0;
      const mdm = downMove > upMove && downMove > 0 ? downMove : 0;
      if (moves < period) {
        tr += range;
        plusDm += pdm;
        minusDm += mdm;
        if (++moves === period) {
          tr *= inv;
          plusDm *= inv;
          minusDm *= inv;
        }
      } else {
        tr = tr * keep + range * inv;
        plusDm = plusDm * keep + pdm * inv;
        minusDm = minusDm * keep + mdm * inv;
      }
      if (moves === period) {
        const plusDi = tr > 0 ? (100 * plusDm) / tr : 0;
        const minusDi = tr > 0 ? (100 * minusDm) / tr : 0;
        const diSum = plusDi + minusDi;
        const dx = diSum > 0 ? (100 * Math.abs(plusDi - minusDi)) / diSum : 0;
        if (dxCount < period) {
          adx += dx;
          if (++dxCount === period) adx *= inv;
        } else {
          adx = adx * keep + dx * inv;
        }
        if (dxCount === period) {
          adxOut[i] = adx;
          plusDiOut[i] = plusDi;
          minusDiOut[i] = minusDi;
          ready = true;
        }
      }
    } else {
      moves = 0;
    }
    if (!ready) {
      adxOut[i] = NaN;
      plusDiOut[i] = NaN;
      minusDiOut[i] = NaN;
    }
  }
  s.moves = moves;
  s.prevHigh = prevHigh;
  s.prevLow = prevLow;
  s.prevClose = prevClose;
  s.tr = tr;
  s.plusDm = plusDm;
  s.minusDm = minusDm;
  s.dxCount = dxCount;
  s.adx = adx;
}

/** Streaming ADX/DMI: O(1) per bar; `update` returns the ADX. */
export class Adx {
  readonly period: number;
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #state: AdxState;
  readonly #high = new Float64Array(1);
  readonly #low = new Float64Array(1);
  readonly #close = new Float64Array(1);
  readonly #adx = new Float64Array([NaN]);
  readonly #plusDi = new Float64Array([NaN]);
  readonly #minusDi = new Float64Array([NaN]);
  #count = 0;

  constructor(period = 14) {
    this.#state = new AdxState(period);
    this.period = period;
    this.warmup = 2 * period - 1;
  }

  update(high: number, low: number, close: number): number {
    this.#high[0] = high;
    this.#low[0] = low;
    this.#close[0] = close;
    adxRun(this.#state, this.#high, this.#low, this.#close, this.#adx, this.#plusDi, this.#minusDi);
    this.#count++;
    return this.#adx[0]!;
  }

  /** The ADX (primary value). */
  get value(): number {
    return this.#adx[0]!;
  }

  get adx(): number {
    return this.#adx[0]!;
  }

  get plusDi(): number {
    return this.#plusDi[0]!;
  }

  get minusDi(): number {
    return this.#minusDi[0]!;
  }

  get isReady(): boolean {
    return this.#count > this.warmup;
  }
}

export interface AdxColumns {
  adx: Float64Array;
  plusDi: Float64Array;
  minusDi: Float64Array;
}

/** ADX/DMI over high/low/close columns; NaN before warm-up. */
export function adxBatch(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): AdxColumns {
  const n = assertSameLength(high, low, close);
  const out: AdxColumns = {
    adx: new Float64Array(n),
    plusDi: new Float64Array(n),
    minusDi: new Float64Array(n),
  };
  adxRun(new AdxState(period), high, low, close, out.adx, out.plusDi, out.minusDi);
  return out;
}
