import { dailyLossRule } from './daily-loss';
import { duplicateCooldownRule } from './duplicate-cooldown';
import { killSwitchRule } from './kill-switch';
import { maxDrawdownRule } from './max-drawdown';
import { maxOpenOrdersPerSymbolRule } from './max-open-orders-per-symbol';
import { maxOpenPositionsRule } from './max-open-positions';
import { maxOrderValueRule } from './max-order-value';
import { maxPositionValueRule } from './max-position-value';
import { maxTradeValueRule } from './max-trade-value';
import { maxTradesPerDayRule } from './max-trades-per-day';
import { minBalanceRule } from './min-balance';
import { minConfidenceRule } from './min-confidence';
import { minTradeValueRule } from './min-trade-value';
import { riskPerTradeRule } from './risk-per-trade';
import { type RiskRule } from './rule';
import { stopLossCooldownRule } from './stop-loss-cooldown';
import { tradingHoursRule } from './trading-hours';

/** Every rule in evaluation order (the order of `RULE_IDS`). */
export const ALL_RULES: readonly RiskRule[] = [
  killSwitchRule,
  maxDrawdownRule,
  dailyLossRule,
  tradingHoursRule,
  minConfidenceRule,
  minBalanceRule,
  minTradeValueRule,
  maxTradeValueRule,
  riskPerTradeRule,
  maxOpenPositionsRule,
  maxOpenOrdersPerSymbolRule,
  maxTradesPerDayRule,
  maxOrderValueRule,
  maxPositionValueRule,
  duplicateCooldownRule,
  stopLossCooldownRule,
];
