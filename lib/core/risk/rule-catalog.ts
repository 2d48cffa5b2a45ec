import { DEFAULT_RISK_POLICY } from './default-policy';
import { type PolicyKey } from './policy-schema';
import { type RuleId } from './types';

export type ParamUnit =
  'quote' | '%' | 'count' | 'seconds' | 'minutes' | 'flag' | 'windows' | 'days' | 'multiplier';

export interface RuleParam {
  /** Field of the rule's policy object. */
  key: string;
  label: string;
  unit: ParamUnit;
  /** True when null switches this limit off while the rule stays on. */
  nullable?: boolean;
  /** Value in `DEFAULT_RISK_POLICY`. */
  defaultValue: unknown;
}

export interface RuleDescriptor {
  id: RuleId | 'performance';
  policyKey: PolicyKey;
  label: string;
  description: string;
  /** How orders that close or reduce a position are treated. */
  onReducing: string;
  defaultEnabled: boolean;
  params: RuleParam[];
}

type ParamSpec = Omit<RuleParam, 'defaultValue'>;

const SKIPS_REDUCING = 'Skipped: reducing orders always pass.';

function describe(
  id: RuleDescriptor['id'],
  policyKey: PolicyKey,
  label: string,
  description: string,
  params: ParamSpec[],
  onReducing = SKIPS_REDUCING,
): RuleDescriptor {
  const defaults = DEFAULT_RISK_POLICY[policyKey] as unknown as Record<string, unknown>;
  return {
    id,
    policyKey,
    label,
    description,
    onReducing,
    defaultEnabled: DEFAULT_RISK_POLICY[policyKey].enabled,
    params: params.map((p) => ({ ...p, defaultValue: defaults[p.key] })),
  };
}

/** Every rule with its parameters and defaults, in evaluation order, for the UI and docs. */
export const RULE_CATALOG: readonly RuleDescriptor[] = [
  describe(
    'kill-switch',
    'killSwitch',
    'Kill switch',
    'Halts all trading when the global (admin) or your own kill switch is on. The global switch is enforced even when this rule is off; switching it off only ignores your own switch.',
    [{ key: 'allowReducing', label: 'Allow reducing orders while halted', unit: 'flag' }],
    'Allowed while halted when "allow reducing orders" is on (default); rejected otherwise.',
  ),
  describe(
    'max-drawdown',
    'maxDrawdown',
    'Max drawdown halt',
    'Once equity has fallen this far below its peak, trading becomes reducing-only.',
    [{ key: 'maxPct', label: 'Max drawdown from peak', unit: '%' }],
    'Allowed: the halt only blocks new exposure.',
  ),
  describe(
    'daily-loss',
    'dailyLoss',
    'Max daily loss',
    'Once the realised loss since 00:00 UTC reaches the limit, trading becomes reducing-only until the next UTC day.',
    [
      { key: 'maxLoss', label: 'Max loss per day', unit: 'quote', nullable: true },
      {
        key: 'maxLossPct',
        label: 'Max loss per day, % of start-of-day equity',
        unit: '%',
        nullable: true,
      },
    ],
    'Allowed: the halt only blocks new exposure.',
  ),
  describe(
    'trading-hours',
    'tradingHours',
    'Trading hours',
    'Opens positions only inside the UTC windows (a window may cross midnight) and on the chosen days; a window belongs to the day it opens.',
    [
      { key: 'windows', label: 'Windows (UTC)', unit: 'windows' },
      { key: 'days', label: 'Days (0 = Sunday)', unit: 'days' },
    ],
  ),
  describe(
    'min-confidence',
    'minConfidence',
    'Min confidence',
    'Rejects AI decisions below this confidence (raised by the performance adjustment). Orders without a confidence are skipped.',
    [{ key: 'min', label: 'Minimum confidence', unit: '%' }],
  ),
  describe(
    'min-balance',
    'minBalance',
    'Min balance',
    'No new positions when the free balance is below this amount.',
    [{ key: 'min', label: 'Minimum balance', unit: 'quote' }],
  ),
  describe(
    'min-trade-value',
    'minTradeValue',
    'Min trade value',
    'Rejects trades smaller than an amount and/or a % of the balance.',
    [
      { key: 'min', label: 'Minimum trade value', unit: 'quote', nullable: true },
      { key: 'minPct', label: 'Minimum trade value, % of balance', unit: '%', nullable: true },
    ],
  ),
  describe(
    'max-trade-value',
    'maxTradeValue',
    'Max trade value',
    'Caps one trade at an amount and/or a % of the balance; sizing never goes above it.',
    [
      { key: 'max', label: 'Maximum trade value', unit: 'quote', nullable: true },
      { key: 'maxPct', label: 'Maximum trade value, % of balance', unit: '%', nullable: true },
    ],
  ),
  describe(
    'risk-per-trade',
    'riskPerTrade',
    'Risk per trade',
    'The loss if the stop is hit (quantity × distance to the stop) must not exceed this % of the balance; the stop must be on the losing side of the entry.',
    [
      { key: 'pct', label: 'Risk per trade, % of balance', unit: '%' },
      { key: 'requireStop', label: 'Require a stop price', unit: 'flag' },
    ],
  ),
  describe(
    'max-open-positions',
    'maxOpenPositions',
    'Max open positions',
    'Limits open positions in total and per bot (per bot 1 = one trade at a time).',
    [
      { key: 'total', label: 'Total', unit: 'count', nullable: true },
      { key: 'perBot', label: 'Per bot', unit: 'count', nullable: true },
    ],
  ),
  describe(
    'max-open-orders-per-symbol',
    'maxOpenOrdersPerSymbol',
    'Max open orders per symbol',
    'Limits pending entry orders on one symbol (protective exit orders do not count).',
    [{ key: 'max', label: 'Maximum open orders', unit: 'count' }],
  ),
  describe(
    'max-trades-per-day',
    'maxTradesPerDay',
    'Max trades per day',
    'Limits positions opened per UTC day.',
    [{ key: 'max', label: 'Maximum trades per day', unit: 'count' }],
  ),
  describe(
    'max-order-value',
    'maxOrderValue',
    'Max order value',
    'A hard ceiling on one order in quote currency, whatever the balance.',
    [{ key: 'max', label: 'Maximum order value', unit: 'quote' }],
  ),
  describe(
    'max-position-value',
    'maxPositionValue',
    'Max position value',
    'The position on a symbol after the order must not exceed this value.',
    [{ key: 'max', label: 'Maximum position value', unit: 'quote' }],
  ),
  describe(
    'duplicate-cooldown',
    'duplicateCooldown',
    'Duplicate cooldown',
    'Rejects a second order on the same symbol and side within the window.',
    [{ key: 'seconds', label: 'Window', unit: 'seconds' }],
  ),
  describe(
    'stop-loss-cooldown',
    'stopLossCooldown',
    'Stop-loss cooldown',
    'No new position on a symbol for a while after it hit a stop-loss.',
    [{ key: 'minutes', label: 'Cooldown', unit: 'minutes' }],
  ),
];

/** The performance adjustment: not a rule, but configured and shown with them. */
export const PERFORMANCE_DESCRIPTOR: RuleDescriptor = describe(
  'performance',
  'performance',
  'Performance adjustment',
  'After a poor recent record (win rate below the threshold over the last 15 closed trades, with enough trades, or a losing streak), the minimum confidence rises and sizes shrink.',
  [
    { key: 'minTrades', label: 'Minimum closed trades for the win rate', unit: 'count' },
    { key: 'winRateBelowPct', label: 'Win rate threshold', unit: '%' },
    { key: 'losingStreakAtLeast', label: 'Losing streak threshold', unit: 'count' },
    { key: 'confidenceIncrease', label: 'Raise min confidence by', unit: '%' },
    { key: 'sizeMultiplier', label: 'Size multiplier', unit: 'multiplier' },
  ],
  'Not applicable: reducing orders are not sized and skip the confidence rule.',
);
