import { type RiskPolicy } from '../risk/policy-schema';
import { type SizingCaps } from './types';

/**
 * The sizing caps a policy implies: max trade value (amount and % of balance), max order value,
 * room left under the max position value, max risk per trade, and the performance multiplier
 * returned by `evaluateRisk`. Switched-off rules give no cap.
 */
export function sizingCapsFromPolicy(
  policy: RiskPolicy,
  options: { sizeMultiplier?: number; positionValue?: number } = {},
): SizingCaps {
  const { maxTradeValue, maxOrderValue, maxPositionValue, riskPerTrade } = policy;
  return {
    maxTradeValue: maxTradeValue.enabled ? maxTradeValue.max : null,
    maxTradePct: maxTradeValue.enabled ? maxTradeValue.maxPct : null,
    maxOrderValue: maxOrderValue.enabled ? maxOrderValue.max : null,
    maxPositionRoom: maxPositionValue.enabled
      ? maxPositionValue.max - (options.positionValue ?? 0)
      : null,
    maxRiskPct: riskPerTrade.enabled ? riskPerTrade.pct : null,
    sizeMultiplier: options.sizeMultiplier ?? 1,
  };
}
