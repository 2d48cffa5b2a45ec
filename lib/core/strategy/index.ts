export { atrExits, type AtrExitParams } from './atr-exits';
export { detectRegime, type Regime } from './detect-regime';
export { enhanced, type EnhancedParams } from './enhanced';
export {
  createStrategy,
  getStrategyOrThrow,
  listStrategies,
  parseStrategyParams,
  STRATEGY_IDS,
  type StrategyParamInfo,
  type StrategySummary,
} from './registry';
export { replayDecisions, type ReplayedDecision } from './replay-decisions';
export { rsiReversion, type RsiReversionParams } from './rsi-reversion';
export { simple, type SimpleParams } from './simple';
export { smaCross, type SmaCrossParams } from './sma-cross';
export { StrategyError } from './strategy-error';
export {
  type DecisionContext,
  type ParamDoc,
  type PositionView,
  type StrategyDecision,
  type StrategyDefinition,
  type StrategyInstance,
} from './types';
export { volatile, type VolatileParams } from './volatile';
