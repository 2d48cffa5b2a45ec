import { type RiskPolicy } from './policy-schema';

export interface PolicyIssue {
  path: string[];
  message: string;
}

/**
 * Checks that need more than one field: a switched-on rule has at least one limit, minimums do
 * not exceed maximums. Limits of switched-off rules are ignored.
 */
export function policyRelationIssues(p: RiskPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const add = (path: string[], message: string) => issues.push({ path, message });

  if (p.dailyLoss.enabled && p.dailyLoss.maxLoss === null && p.dailyLoss.maxLossPct === null) {
    add(['dailyLoss'], 'Daily loss limit is on: set a maximum loss, a maximum loss %, or both');
  }
  if (p.minTradeValue.enabled && p.minTradeValue.min === null && p.minTradeValue.minPct === null) {
    add(['minTradeValue'], 'Minimum trade value is on: set an amount, a % of balance, or both');
  }
  if (p.maxTradeValue.enabled && p.maxTradeValue.max === null && p.maxTradeValue.maxPct === null) {
    add(['maxTradeValue'], 'Maximum trade value is on: set an amount, a % of balance, or both');
  }
  const positions = p.maxOpenPositions;
  if (positions.enabled && positions.total === null && positions.perBot === null) {
    add(['maxOpenPositions'], 'Max open positions is on: set a total, a per-bot limit, or both');
  }
  if (
    positions.enabled &&
    positions.total !== null &&
    positions.perBot !== null &&
    positions.perBot > positions.total
  ) {
    add(
      ['maxOpenPositions', 'perBot'],
      `Open positions per bot (${positions.perBot}) cannot exceed the total (${positions.total})`,
    );
  }
  if (p.tradingHours.enabled && p.tradingHours.windows.length === 0) {
    add(['tradingHours', 'windows'], 'Trading hours are on: add at least one window');
  }

  const minValue = p.minTradeValue.enabled ? p.minTradeValue.min : null;
  if (minValue !== null) {
    const ceilings: [string[], string, number | null][] = [
      [
        ['maxTradeValue', 'max'],
        'maximum trade value',
        p.maxTradeValue.enabled ? p.maxTradeValue.max : null,
      ],
      [
        ['maxOrderValue', 'max'],
        'max order value',
        p.maxOrderValue.enabled ? p.maxOrderValue.max : null,
      ],
      [
        ['maxPositionValue', 'max'],
        'max position value',
        p.maxPositionValue.enabled ? p.maxPositionValue.max : null,
      ],
    ];
    for (const [path, label, ceiling] of ceilings) {
      if (ceiling !== null && minValue > ceiling) {
        add(path, `Minimum trade value ${minValue} is above the ${label} ${ceiling}`);
      }
    }
  }
  const minPct = p.minTradeValue.enabled ? p.minTradeValue.minPct : null;
  const maxPct = p.maxTradeValue.enabled ? p.maxTradeValue.maxPct : null;
  if (minPct !== null && maxPct !== null && minPct > maxPct) {
    add(
      ['maxTradeValue', 'maxPct'],
      `Minimum trade value ${minPct}% of balance is above the maximum ${maxPct}%`,
    );
  }
  return issues;
}
