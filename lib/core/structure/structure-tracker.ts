import { FairValueGaps } from './fair-value-gaps';
import { LiquidityPools } from './liquidity-pools';
import { resolveStructureOptions } from './options';
import { StructureBreaks } from './structure-breaks';
import { SwingDetector } from './swing-detector';
import { TrendRegimeTracker } from './trend-regime';
import {
  type BreakSummary,
  type FairValueGap,
  type GapSummary,
  type MarketStructure,
  type StructureBreak,
  type StructureOptions,
  type SwingPoint,
  type SwingSummary,
} from './types';
import { VolatilityRegimeTracker } from './volatility-regime';

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Streaming market structure: feed closed bars in order with `update`, read the features at the
 * last bar with `snapshot()`. Everything it reports at bar `i` is computed from bars `0..i` only,
 * and memory stays bounded (recent swings, open gaps, fixed windows).
 */
export class StructureTracker {
  readonly options: StructureOptions;
  readonly #swings: SwingDetector;
  readonly #breaks: StructureBreaks;
  readonly #gaps: FairValueGaps;
  readonly #pools: LiquidityPools;
  readonly #trend: TrendRegimeTracker;
  readonly #volatility: VolatilityRegimeTracker;
  #index = -1;
  #time = NaN;
  #close = NaN;
  /** Last two confirmed swing highs / lows, newest last. */
  #highs: SwingPoint[] = [];
  #lows: SwingPoint[] = [];

  constructor(options: Partial<StructureOptions> = {}) {
    const o = resolveStructureOptions(options);
    this.options = o;
    this.#swings = new SwingDetector(o.swingWidth);
    this.#breaks = new StructureBreaks(o.breakOn);
    this.#gaps = new FairValueGaps(o.fvgMinPct, o.maxOpenFvgs);
    this.#pools = new LiquidityPools(o.equalTolerancePct, o.liquidityLookback);
    this.#trend = new TrendRegimeTracker(o);
    this.#volatility = new VolatilityRegimeTracker(o);
  }

  /** Feeds the next closed bar (open time in epoch ms). */
  update(time: number, high: number, low: number, close: number): void {
    const index = ++this.#index;
    this.#time = time;
    this.#close = close;
    this.#pools.update(index, high, low);
    this.#swings.update(time, high, low);
    for (const swing of [this.#swings.confirmedHigh, this.#swings.confirmedLow]) {
      if (!swing) continue;
      const list = swing.kind === 'high' ? this.#highs : this.#lows;
      list.push(swing);
      if (list.length > 2) list.shift();
      this.#breaks.addSwing(swing);
      this.#pools.addSwing(swing);
    }
    this.#breaks.update(index, high, low, close);
    this.#gaps.update(index, high, low, close);
    this.#trend.update(high, low, close);
    this.#volatility.update(high, low, close);
  }

  /** Structure breaks made by the last bar. */
  get latestBreaks(): readonly StructureBreak[] {
    return this.#breaks.latest;
  }

  /** Open fair value gaps, oldest first. */
  get openGaps(): readonly FairValueGap[] {
    return this.#gaps.open;
  }

  /** Features at the last bar fed. */
  snapshot(): MarketStructure {
    const index = this.#index;
    if (index < 0) throw new RangeError('no bars analysed yet');
    const close = this.#close;
    const o = this.options;
    const pct = (price: number): number => ((price - close) / close) * 100;
    const swing = (s: SwingPoint | undefined): SwingSummary | null =>
      s ? { price: s.price, ageBars: index - s.index, distancePct: pct(s.price) } : null;
    const compare = (list: SwingPoint[]): 'higher' | 'lower' | 'equal' | null => {
      if (list.length < 2) return null;
      const [a, b] = [list[0]!.price, list[1]!.price];
      if (Math.abs(b - a) <= (Math.abs(a) * o.equalTolerancePct) / 100) return 'equal';
      return b > a ? 'higher' : 'lower';
    };
    const brk = (e: StructureBreak | null): BreakSummary | null =>
      e ? { kind: e.kind, direction: e.direction, level: e.level, ageBars: index - e.index } : null;
    const trend = this.#trend;
    const vol = this.#volatility;
    return {
      index,
      time: this.#time,
      close,
      swings: {
        high: swing(this.#highs[this.#highs.length - 1]),
        low: swing(this.#lows[this.#lows.length - 1]),
        highs: compare(this.#highs),
        lows: compare(this.#lows),
      },
      bias: this.#breaks.bias,
      lastBreak: brk(this.#breaks.last),
      lastBos: brk(this.#breaks.lastBos),
      lastChoch: brk(this.#breaks.lastChoch),
      fvgs: { open: this.#gaps.open.length, ...nearestGaps(this.#gaps.open, index, close) },
      liquidity: this.#pools.zones(index, close, o.maxZones),
      trend: {
        regime: trend.regime,
        adx: finiteOrNull(trend.adx),
        slopePct: finiteOrNull(trend.slopePct),
      },
      volatility: {
        regime: vol.regime,
        percentile: vol.percentile,
        atr: finiteOrNull(vol.atr),
        atrPct: finiteOrNull(vol.atrPct),
      },
    };
  }
}

/** Nearest open gap whose middle is above / below the close; distance to its nearest edge. */
function nearestGaps(
  gaps: readonly FairValueGap[],
  index: number,
  close: number,
): { above: GapSummary | null; below: GapSummary | null } {
  let above: GapSummary | null = null;
  let below: GapSummary | null = null;
  for (const g of gaps) {
    const isAbove = (g.top + g.bottom) / 2 > close;
    const edge = isAbove ? Math.max(g.bottom, close) : Math.min(g.top, close);
    const summary: GapSummary = {
      direction: g.direction,
      top: g.top,
      bottom: g.bottom,
      ageBars: index - g.index,
      distancePct: ((edge - close) / close) * 100,
    };
    const best = isAbove ? above : below;
    if (!best || Math.abs(summary.distancePct) < Math.abs(best.distancePct)) {
      if (isAbove) above = summary;
      else below = summary;
    }
  }
  return { above, below };
}
