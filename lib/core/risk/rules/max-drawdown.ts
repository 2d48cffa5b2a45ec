import { formatNumber, formatPct, roundPct } from '../format';
import { type RiskPolicy } from '../policy-schema';
import { reaches } from '../tolerance';
import { type AccountSnapshot } from '../types';
import { defineRule, failed, passed, skipped } from './rule';

/** Drawdown from the equity peak in %, or null when there is no usable peak. */
export function drawdownPct(account: AccountSnapshot): number | null {
  const { equity, equityPeak } = account;
  if (!(equityPeak > 0) || !Number.isFinite(equityPeak)) return null;
  return ((equityPeak - equity) * 100) / equityPeak;
}

/** True when the drawdown halt is on and reached: only reducing orders may pass. */
export function drawdownBreached(account: AccountSnapshot, policy: RiskPolicy): boolean {
  if (!policy.maxDrawdown.enabled) return false;
  const dd = drawdownPct(account);
  return dd !== null && reaches(dd, policy.maxDrawdown.maxPct);
}

/** Halts new exposure once equity has fallen `maxPct` % from its peak (reducing-only state). */
export const maxDrawdownRule = defineRule({
  id: 'max-drawdown',
  policyKey: 'maxDrawdown',
  check({ context, policy }) {
    const dd = drawdownPct(context.account);
    if (dd === null) return skipped('max-drawdown', 'no-data', 'No equity peak recorded yet');
    const { maxPct } = policy.maxDrawdown;
    if (!reaches(dd, maxPct)) return passed('max-drawdown');
    return failed(
      'max-drawdown',
      'MAX_DRAWDOWN_REACHED',
      `Drawdown ${formatPct(dd)} from the equity peak ${formatNumber(context.account.equityPeak)} has reached the ${formatPct(maxPct)} limit; only reducing orders are allowed`,
      roundPct(dd),
      maxPct,
    );
  },
});
