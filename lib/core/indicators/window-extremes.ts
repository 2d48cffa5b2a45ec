import { assertPeriod } from './validate';

/**
 * Highest high and lowest low of the last `period` bars in amortised O(1), streaming van Herk /
 * Gil-Werman: bars are grouped in blocks of `period`; the window is the tail of the previous
 * block (whose suffix extremes are computed once, when it completes) plus the head of the current
 * block (a running extreme). Two comparisons per bar plus one pass per block, no data-dependent
 * loops, nothing allocated per step. While fewer than `period` bars have been seen, the extremes
 * cover them all.
 */
export class WindowExtremes {
  readonly period: number;
  /** Highs / lows of the current block. */
  readonly blockHighs: Float64Array;
  readonly blockLows: Float64Array;
  /** Suffix extremes of the previous block: `suffixHighs[j]` = max of its bars j..period−1. */
  readonly suffixHighs: Float64Array;
  readonly suffixLows: Float64Array;
  /** Position of the next bar in the current block. */
  pos = 0;
  prefixHigh = -Infinity;
  prefixLow = Infinity;
  /** Bars pushed so far. */
  seen = 0;
  highest = NaN;
  lowest = NaN;

  constructor(period: number) {
    assertPeriod('period', period);
    this.period = period;
    this.blockHighs = new Float64Array(period);
    this.blockLows = new Float64Array(period);
    this.suffixHighs = new Float64Array(period).fill(-Infinity);
    this.suffixLows = new Float64Array(period).fill(Infinity);
  }
}

/** Adds one bar; afterwards `w.highest` and `w.lowest` cover the last `period` bars. */
export function pushBar(w: WindowExtremes, high: number, low: number): void {
  const period = w.period;
  const j = w.pos;
  w.blockHighs[j] = high;
  w.blockLows[j] = low;
  const prefixHigh = high > w.prefixHigh ? high : w.prefixHigh;
  const prefixLow = low < w.prefixLow ? low : w.prefixLow;
  let tailHigh = -Infinity;
  let tailLow = Infinity;
  if (j + 1 < period) {
    tailHigh = w.suffixHighs[j + 1]!;
    tailLow = w.suffixLows[j + 1]!;
  }
  w.highest = tailHigh > prefixHigh ? tailHigh : prefixHigh;
  w.lowest = tailLow < prefixLow ? tailLow : prefixLow;
  w.seen++;
  if (j + 1 === period) {
    let h = -Infinity;
    let l = Infinity;
    for (let q = period - 1; q >= 0; q--) {
      const bh = w.blockHighs[q]!;
      const bl = w.blockLows[q]!;
      if (bh > h) h = bh;
      if (bl < l) l = bl;
      w.suffixHighs[q] = h;
      w.suffixLows[q] = l;
    }
    w.pos = 0;
    w.prefixHigh = -Infinity;
    w.prefixLow = Infinity;
  } else {
    w.pos = j + 1;
    w.prefixHigh = prefixHigh;
    w.prefixLow = prefixLow;
  }
}
