/**
 * Market structure for ICT/SMC-style strategies and AI prompts: fractal swings, BOS/CHoCH, fair
 * value gaps, equal-high/low liquidity, trend and volatility regimes, as compact numbers.
 */
export { analyzeStructure } from './analyze-structure';
export { StructureTracker } from './structure-tracker';
export { SwingDetector, findSwings } from './swing-detector';
export { StructureBreaks } from './structure-breaks';
export { FairValueGaps } from './fair-value-gaps';
export { LiquidityPools } from './liquidity-pools';
export { TrendRegimeTracker } from './trend-regime';
export { VolatilityRegimeTracker } from './volatility-regime';
export { DEFAULT_STRUCTURE_OPTIONS, resolveStructureOptions } from './options';
export type * from './types';
