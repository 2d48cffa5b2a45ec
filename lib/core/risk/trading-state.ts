import { type RiskPolicy } from './policy-schema';
import { dailyLossBreached } from './rules/daily-loss';
import { drawdownBreached } from './rules/max-drawdown';
import { type RiskContext, type TradingState } from './types';

/**
 * `halted` when a kill switch is on (the global one always counts, the user's when the rule is
 * on); `reducing-only` when the drawdown halt or the daily loss limit is reached; else `active`.
 */
export function tradingStateOf(context: RiskContext, policy: RiskPolicy): TradingState {
  const { global, user } = context.killSwitch;
  if (global || (user && policy.killSwitch.enabled)) return 'halted';
  if (drawdownBreached(context.account, policy) || dailyLossBreached(context, policy)) {
    return 'reducing-only';
  }
  return 'active';
}
