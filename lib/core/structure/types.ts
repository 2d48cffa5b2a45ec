/** Vocabulary of market-structure analysis (ICT/SMC-style features as compact numbers). */

export type Direction = 'bullish' | 'bearish';
export type TrendRegime = 'trend-up' | 'trend-down' | 'range';
export type VolatilityRegime = 'low' | 'normal' | 'high';

/** A confirmed fractal swing: the bar at `index` is the extreme of `width` bars on each side. */
export interface SwingPoint {
  kind: 'high' | 'low';
  price: number;
  index: number;
  time: number;
  /** Index of the bar that confirmed it: `index + width`, never earlier (no look-ahead). */
  confirmedAt: number;
}

/** A close (or wick) beyond the last confirmed swing: a break of structure or change of character. */
export interface StructureBreak {
  /** `choch` when it breaks against the previous break's direction, else `bos`. */
  kind: 'bos' | 'choch';
  direction: Direction;
  /** Price of the swing that was broken. */
  level: number;
  /** Bar of the break. */
  index: number;
  /** Bar of the broken swing. */
  swingIndex: number;
}

/**
 * A 3-candle imbalance. Bullish: `low[i] > high[i-2]`, the gap is `[high[i-2], low[i]]`; bearish:
 * `high[i] < low[i-2]`, the gap is `[high[i], low[i-2]]`. Filled once price trades back through
 * the whole gap (a low at or below the bottom of a bullish gap, a high at or above the top of a
 * bearish one).
 */
export interface FairValueGap {
  direction: Direction;
  top: number;
  bottom: number;
  /** Bar that completed the gap (the third candle). */
  index: number;
}

/** All knobs of `analyzeStructure`; every field has a default (`DEFAULT_STRUCTURE_OPTIONS`). */
export interface StructureOptions {
  /** Bars on each side of a fractal swing; a swing is confirmed this many bars later. */
  swingWidth: number;
  /** What breaks a swing: the close beyond it, or any wick beyond it. */
  breakOn: 'close' | 'wick';
  /** Ignore gaps smaller than this percentage of the middle candle's close. */
  fvgMinPct: number;
  /** Open gaps kept; the oldest is dropped beyond this. */
  maxOpenFvgs: number;
  /** Swings within this percentage of each other count as equal highs/lows. */
  equalTolerancePct: number;
  /** Only swings from the last this-many bars can form liquidity zones. */
  liquidityLookback: number;
  /** Zones reported per side, nearest first. */
  maxZones: number;
  adxPeriod: number;
  /** ADX at or above this means trending. */
  adxThreshold: number;
  trendMa: 'ema' | 'sma';
  trendMaPeriod: number;
  /** The moving-average slope is its percentage change over this many bars. */
  slopeBars: number;
  /** Slopes within ±this percentage count as flat (range). */
  minSlopePct: number;
  atrPeriod: number;
  /** ATR% values (ATR / close) the current one is ranked against, including itself. */
  volatilityLookback: number;
  /** Percentile below which volatility is `low`. */
  lowPercentile: number;
  /** Percentile above which volatility is `high`. */
  highPercentile: number;
}

/** A swing as seen from the last bar. */
export interface SwingSummary {
  price: number;
  /** Bars since the swing bar. */
  ageBars: number;
  /** `(price − close) / close × 100`: positive above the last close. */
  distancePct: number;
}

export interface BreakSummary {
  kind: 'bos' | 'choch';
  direction: Direction;
  level: number;
  /** Bars since the break (0 = on the last bar). */
  ageBars: number;
}

export interface GapSummary {
  direction: Direction;
  top: number;
  bottom: number;
  ageBars: number;
  /** To the nearest edge, signed like `SwingSummary.distancePct`; 0 when price is inside. */
  distancePct: number;
}

/** Two or more unswept swings within the tolerance: resting stops (liquidity). */
export interface LiquidityZone {
  kind: 'equal-highs' | 'equal-lows';
  /** The extreme of the group (highest of equal highs, lowest of equal lows). */
  price: number;
  touches: number;
  /** Bars since the most recent swing of the group. */
  ageBars: number;
  distancePct: number;
}

/** Features at the last bar, all plain numbers/strings (null while unknown) for rules and prompts. */
export interface MarketStructure {
  /** Index and time of the last bar analysed, and its close. */
  index: number;
  time: number;
  close: number;
  swings: {
    high: SwingSummary | null;
    low: SwingSummary | null;
    /** Last swing high compared with the one before (equal within `equalTolerancePct`). */
    highs: 'higher' | 'lower' | 'equal' | null;
    lows: 'higher' | 'lower' | 'equal' | null;
  };
  /** Direction of the last break, i.e. the current structure. */
  bias: Direction | null;
  lastBreak: BreakSummary | null;
  lastBos: BreakSummary | null;
  lastChoch: BreakSummary | null;
  fvgs: { open: number; above: GapSummary | null; below: GapSummary | null };
  liquidity: { equalHighs: LiquidityZone[]; equalLows: LiquidityZone[] };
  trend: { regime: TrendRegime | null; adx: number | null; slopePct: number | null };
  volatility: {
    regime: VolatilityRegime | null;
    /** Rank of the current ATR% among the lookback window: 0 = lowest, 100 = highest. */
    percentile: number | null;
    atr: number | null;
    atrPct: number | null;
  };
}
