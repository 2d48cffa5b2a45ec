export { computeMetrics } from './compute-metrics';
export { exposurePct } from './exposure';
export { maxDrawdown, type MaxDrawdown } from './max-drawdown';
export { periodsPerYear, safeRatio, YEAR_MS } from './ratio';
export { cagr, periodReturns, sharpeRatio, sortinoRatio, totalReturn } from './returns';
export { tradeStats, type TradeStats } from './trade-stats';
export { trackRecord, TRACK_RECORD_SIZE, type TrackRecord } from './track-record';
export { type EquityCurve, type MetricsInput, type PerformanceMetrics } from './types';
