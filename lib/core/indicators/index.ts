/**
 * Technical indicators. Each has one kernel (`xRun`) holding its arithmetic, run by two forms:
 * a streaming class (O(1) per new bar; `update()` returns the value, NaN during warm-up) and a
 * batch function over `Float64Array` columns (NaN before warm-up). SMA, EMA, RSI, MACD,
 * Bollinger and ATR stream through a scalar copy of the kernel's loop body, held equal to the
 * batch bit for bit by `streaming-equals-batch.test.ts`. A kernel can also be run
 * chunk by chunk on a growing series with the same `XState`. Conventions are documented on each
 * indicator's state class.
 */
export { Sma, smaBatch, SmaState, smaRun } from './sma';
export { Ema, emaBatch, EmaState, emaRun } from './ema';
export { Rsi, rsiBatch, RsiState, rsiRun } from './rsi';
export { Macd, macdBatch, MacdState, macdRun, type MacdColumns } from './macd';
export {
  BollingerBands,
  bollingerBatch,
  BollingerState,
  bollingerRun,
  type BollingerColumns,
} from './bollinger-bands';
export { Atr, atrBatch, AtrState, atrRun } from './atr';
export { Adx, adxBatch, AdxState, adxRun, type AdxColumns } from './adx';
export {
  Stochastic,
  stochasticBatch,
  StochasticState,
  stochasticRun,
  type StochasticColumns,
} from './stochastic';
export { VolumeSma, volumeSmaBatch } from './volume-sma';
export { Vwap, vwapBatch, VwapState, vwapRun, type VwapSession } from './vwap';
export { trueRange } from './true-range';
export { WindowExtremes, pushBar } from './window-extremes';
