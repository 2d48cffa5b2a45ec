import { formatNumber, formatPct } from '../format';
import { type RiskPolicy } from '../policy-schema';
import { reaches } from '../tolerance';
import { type RiskContext, type RuleFailed } from '../types';
import { defineRule, failed, passed } from './rule';

/**
 * The first daily loss limit reached (absolute, then % of start-of-day equity), or null.
 * Ignores whether the rule is on; `dailyLossBreached` adds that.
 */
export function dailyLossBreach(context: RiskContext, policy: RiskPolicy): RuleFailed | null {
  const pnl = context.counters.realisedPnlToday;
  const loss = pnl < 0 ? -pnl : Number.isNaN(pnl) ? Number.NaN : 0;
  if (loss === 0) return null;
  const { maxLoss, maxLossPct } = policy.dailyLoss;
  if (maxLoss !== null && reaches(loss, maxLoss)) {
    return failed(
      'daily-loss',
      'DAILY_LOSS_LIMIT',
      `Realised loss today ${formatNumber(loss)} has reached the daily limit ${formatNumber(maxLoss)}; only reducing orders are allowed until 00:00 UTC`,
      loss,
      maxLoss,
    );
  }
  const startEquity = context.account.startOfDayEquity;
  if (maxLossPct !== null && startEquity > 0) {
    const limit = (startEquity * maxLossPct) / 100;
    if (reaches(loss, limit)) {
      return failed(
        'daily-loss',
        'DAILY_LOSS_PCT_LIMIT',
        `Realised loss today ${formatNumber(loss)} has reached ${formatPct(maxLossPct)} of the start-of-day equity (${formatNumber(limit)}); only reducing orders are allowed until 00:00 UTC`,
        loss,
        limit,
      );
    }
  }
  return null;
}

export function dailyLossBreached(context: RiskContext, policy: RiskPolicy): boolean {
  return policy.dailyLoss.enabled && dailyLossBreach(context, policy) !== null;
}

/** Stops new exposure for the rest of the UTC day once the realised loss reaches a limit. */
export const dailyLossRule = defineRule({
  id: 'daily-loss',
  policyKey: 'dailyLoss',
  check({ context, policy }) {
    return dailyLossBreach(context, policy) ?? passed('daily-loss');
  },
});
