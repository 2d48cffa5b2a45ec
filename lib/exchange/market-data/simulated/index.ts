export { SimulatedMarket, type SimulatedMarketOptions } from './simulated-market';
export { SimulatedFeed, type SimulatedFeedOptions } from './simulated-feed';
export { DEFAULT_SIMULATED_SYMBOLS, simulatedMarket, simulatedMarkets } from './simulated-markets';
export { REGIMES, type RegimeName } from './regimes';
export { symbolProfile, type SymbolProfile } from './symbol-profile';
