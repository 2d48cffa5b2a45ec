import { type FairValueGap } from './types';

/**
 * Streaming fair value gaps (see `FairValueGap`). Keeps the open gaps, newest last, at most
 * `maxOpen` (the oldest is dropped first); a gap is removed once filled. A gap completed by bar `i`
 * can first be filled by bar `i + 1`.
 */
export class FairValueGaps {
  readonly minPct: number;
  readonly maxOpen: number;
  readonly open: FairValueGap[] = [];
  /** Gaps filled by the last bar. */
  filled: FairValueGap[] = [];
  #count = 0;
  #high1 = NaN;
  #low1 = NaN;
  #close1 = NaN;
  #high2 = NaN;
  #low2 = NaN;

  constructor(minPct = 0, maxOpen = 50) {
    this.minPct = minPct;
    this.maxOpen = maxOpen;
  }

  /** Feeds bar `index`: fills older gaps it trades through, then records a gap it completes. */
  update(index: number, high: number, low: number, close: number): void {
    this.filled = [];
    for (let k = this.open.length - 1; k >= 0; k--) {
      const gap = this.open[k]!;
      const done = gap.direction === 'bullish' ? low <= gap.bottom : high >= gap.top;
      if (done) {
        this.filled.push(gap);
        this.open.splice(k, 1);
      }
    }
    if (this.#count >= 2) {
      const minSize = (this.minPct / 100) * this.#close1;
      if (low > this.#high2 && low - this.#high2 >= minSize) {
        this.#add({ direction: 'bullish', top: low, bottom: this.#high2, index });
      } else if (high < this.#low2 && this.#low2 - high >= minSize) {
        this.#add({ direction: 'bearish', top: this.#low2, bottom: high, index });
      }
    }
    this.#count++;
    this.#high2 = this.#high1;
    this.#low2 = this.#low1;
    this.#high1 = high;
    this.#low1 = low;
    this.#close1 = close;
  }

  #add(gap: FairValueGap): void {
    this.open.push(gap);
    if (this.open.length > this.maxOpen) this.open.shift();
  }
}
