export { applyFill, fillDeltas, type AssetPair } from './apply-fill';
export { evaluateOco } from './evaluate-oco';
export { evaluateOrder } from './evaluate-order';
export {
  createFillConfig,
  fillConfigSchema,
  type BothLegsPolicy,
  type FeeMode,
  type FillConfig,
  type FillConfigInput,
} from './fill-config';
export { makeFill, slippedPrice } from './make-fill';
export { tickPrices, toPriceBar, touchPrice, type Direction, type PriceBar } from './price-bar';
export { validateOrder } from './validate-order';
export {
  FillError,
  type EvaluateOptions,
  type FeeAsset,
  type Fill,
  type LimitOrder,
  type Liquidity,
  type MarketOrder,
  type MarketPrices,
  type OcoLeg,
  type OcoOrder,
  type Order,
  type OrderEvaluation,
  type OrderType,
  type StopLimitOrder,
  type StopMarketOrder,
  type TakeProfitOrder,
} from './types';
