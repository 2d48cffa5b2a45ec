import { type Direction, type StructureBreak, type SwingPoint } from './types';

/**
 * Break of structure (BOS) and change of character (CHoCH). The reference levels are the most
 * recent confirmed swing high and swing low; a newer swing replaces the older one. A bar breaks
 * the swing high when its close (or, with `breakOn: 'wick'`, its high) goes strictly above it;
 * each swing can be broken once. The break is a CHoCH when it goes against the direction of the
 * previous break, otherwise (including the very first break) a BOS.
 */
export class StructureBreaks {
  readonly breakOn: 'close' | 'wick';
  #high: SwingPoint | null = null;
  #low: SwingPoint | null = null;
  bias: Direction | null = null;
  last: StructureBreak | null = null;
  lastBos: StructureBreak | null = null;
  lastChoch: StructureBreak | null = null;
  /** Breaks made by the last bar (rarely two, on a huge outside bar). */
  latest: StructureBreak[] = [];

  constructor(breakOn: 'close' | 'wick' = 'close') {
    this.breakOn = breakOn;
  }

  /** Makes a newly confirmed swing the reference level on its side. */
  addSwing(swing: SwingPoint): void {
    if (swing.kind === 'high') this.#high = swing;
    else this.#low = swing;
  }

  /** Checks bar `index` against the reference levels. */
  update(index: number, high: number, low: number, close: number): void {
    this.latest = [];
    const up = this.breakOn === 'wick' ? high : close;
    const down = this.breakOn === 'wick' ? low : close;
    if (this.#high && up > this.#high.price) {
      this.#record('bullish', this.#high, index);
      this.#high = null;
    }
    if (this.#low && down < this.#low.price) {
      this.#record('bearish', this.#low, index);
      this.#low = null;
    }
  }

  #record(direction: Direction, swing: SwingPoint, index: number): void {
    const kind = this.bias !== null && this.bias !== direction ? 'choch' : 'bos';
    const event: StructureBreak = {
      kind,
      direction,
      level: swing.price,
      index,
      swingIndex: swing.index,
    };
    this.bias = direction;
    this.last = event;
    if (kind === 'bos') this.lastBos = event;
    else this.lastChoch = event;
    this.latest.push(event);
  }
}
