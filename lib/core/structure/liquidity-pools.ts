import { type LiquidityZone, type SwingPoint } from './types';

/**
 * Equal highs and equal lows as liquidity zones. Keeps the swings of the last `lookback` bars that
 * price has not swept yet: a swing high is swept when a later high exceeds it by more than
 * `tolerancePct` (so two equal highs do not sweep each other), a swing low mirror-wise. Unswept
 * swings whose prices lie within `tolerancePct` of the lowest (for highs) of their group form a
 * zone when there are at least two of them.
 */
export class LiquidityPools {
  readonly tolerancePct: number;
  readonly lookback: number;
  #highs: SwingPoint[] = [];
  #lows: SwingPoint[] = [];

  constructor(tolerancePct: number, lookback: number) {
    this.tolerancePct = tolerancePct;
    this.lookback = lookback;
  }

  addSwing(swing: SwingPoint): void {
    if (swing.kind === 'high') this.#highs.push(swing);
    else this.#lows.push(swing);
  }

  /** Drops the swings bar `index` sweeps and those older than the lookback. */
  update(index: number, high: number, low: number): void {
    const tol = this.tolerancePct / 100;
    const oldest = index - this.lookback;
    this.#highs = this.#highs.filter((s) => s.index >= oldest && high <= s.price * (1 + tol));
    this.#lows = this.#lows.filter((s) => s.index >= oldest && low >= s.price * (1 - tol));
  }

  /** Zones at bar `index`, nearest to `close` first, at most `max` per side. */
  zones(
    index: number,
    close: number,
    max: number,
  ): { equalHighs: LiquidityZone[]; equalLows: LiquidityZone[] } {
    const byDistance = (a: LiquidityZone, b: LiquidityZone): number =>
      Math.abs(a.distancePct) - Math.abs(b.distancePct);
    return {
      equalHighs: this.#group(this.#highs, 'equal-highs', index, close)
        .sort(byDistance)
        .slice(0, max),
      equalLows: this.#group(this.#lows, 'equal-lows', index, close).sort(byDistance).slice(0, max),
    };
  }

  #group(
    swings: SwingPoint[],
    kind: LiquidityZone['kind'],
    index: number,
    close: number,
  ): LiquidityZone[] {
    const sorted = [...swings].sort((a, b) => a.price - b.price);
    const tol = this.tolerancePct / 100;
    const zones: LiquidityZone[] = [];
    let start = 0;
    while (start < sorted.length) {
      const base = sorted[start]!.price;
      let end = start + 1;
      while (end < sorted.length && sorted[end]!.price <= base * (1 + tol)) end++;
      if (end - start >= 2) {
        const group = sorted.slice(start, end);
        const price = kind === 'equal-highs' ? group[group.length - 1]!.price : base;
        const last = Math.max(...group.map((s) => s.index));
        zones.push({
          kind,
          price,
          touches: group.length,
          ageBars: index - last,
          distancePct: ((price - close) / close) * 100,
        });
      }
      start = end;
    }
    return zones;
  }
}
