export type { MarketDataFeed, MarketDataMode, MarketDataSource } from './types';
export {
  createMarketDataFeed,
  publicCcxtClient,
  type MarketDataFeedOptions,
} from './create-market-data-feed';
export { AutoFeed, isUnreachable, type AutoFeedOptions } from './auto-feed';
export { CcxtFeed, type CcxtFeedOptions } from './ccxt-feed';
export { marketFromCcxt } from './ccxt-market';
export { probeVenue } from './probe-venue';
export {
  cachedCandles,
  type CachedCandles,
  type CachedCandlesOptions,
  type CachedCandlesResult,
  type CandleGap,
} from './cached-candles';
export {
  parseOhlcvCsv,
  storeCsvCandles,
  type CsvImportOptions,
  type CsvImportResult,
  type CsvRowError,
} from './csv-import';
export { aggregateCandles } from './aggregate-candles';
export {
  alignDown,
  alignUp,
  candleCount,
  candleRange,
  isAligned,
  type CandleRange,
} from './candle-range';
export { findGaps, type TimeRun } from './find-gaps';
export {
  DEFAULT_SIMULATED_SYMBOLS,
  SimulatedFeed,
  SimulatedMarket,
  simulatedMarket,
  simulatedMarkets,
  type SimulatedFeedOptions,
  type SimulatedMarketOptions,
} from './simulated';
