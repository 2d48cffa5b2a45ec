import { z } from 'zod';
import { DEFAULT_RISK_POLICY } from './default-policy';
import { mergePolicy } from './merge-policy';
import { policyRelationIssues } from './policy-relations';

/*
 * The risk policy: one object per rule, each with an `enabled` switch and its parameters.
 * `riskPolicySchema` accepts any subset (missing rules and fields take the defaults from
 * `DEFAULT_RISK_POLICY`), then checks the relations between rules. `botRiskOverridesSchema`
 * is the partial form stored on a bot, merged over the user's policy by `resolvePolicy`.
 */

const num = (label: string) => z.number({ error: `${label} must be a number` });

const flag = (label: string) => z.boolean({ error: `${label} must be true or false` });

/** 0–100 inclusive. */
const percent = (label: string) =>
  num(label)
    .min(0, `${label} must be between 0 and 100`)
    .max(100, `${label} must be between 0 and 100`);

/** Above 0, at most 100: a zero limit would block everything, use the switch instead. */
const positivePercent = (label: string) =>
  num(label)
    .gt(0, `${label} must be above 0 and at most 100`)
    .max(100, `${label} must be above 0 and at most 100`);

/** An amount of quote currency above zero. */
const amount = (label: string) => num(label).gt(0, `${label} must be greater than 0`);

const count = (label: string) =>
  num(label).int(`${label} must be a whole number`).min(1, `${label} must be at least 1`);

const clockField = (label: string, max: number) =>
  num(label)
    .int(`${label} must be a whole number from 0 to ${max}`)
    .min(0, `${label} must be a whole number from 0 to ${max}`)
    .max(max, `${label} must be a whole number from 0 to ${max}`);

/** A daily UTC window, start inclusive, end exclusive; start after end crosses midnight. */
export const tradingWindowSchema = z
  .object({
    startHour: clockField('Start hour', 23),
    startMinute: clockField('Start minute', 59).default(0),
    endHour: clockField('End hour', 23),
    endMinute: clockField('End minute', 59).default(0),
  })
  .refine((w) => w.startHour * 60 + w.startMinute !== w.endHour * 60 + w.endMinute, {
    error: 'A trading window cannot start and end at the same time',
  });

const weekday = num('Trading day')
  .int('Trading days are whole numbers from 0 (Sunday) to 6 (Saturday)')
  .min(0, 'Trading days are whole numbers from 0 (Sunday) to 6 (Saturday)')
  .max(6, 'Trading days are whole numbers from 0 (Sunday) to 6 (Saturday)');

/** Each rule's full parameter set, without defaults (defaults live in `DEFAULT_RISK_POLICY`). */
export const ruleSchemas = {
  killSwitch: z.object({
    enabled: flag('Kill switch: enabled'),
    allowReducing: flag('Kill switch: allow reducing orders'),
  }),
  maxDrawdown: z.object({
    enabled: flag('Max drawdown: enabled'),
    maxPct: positivePercent('Max drawdown %'),
  }),
  dailyLoss: z.object({
    enabled: flag('Daily loss: enabled'),
    maxLoss: amount('Max daily loss').nullable(),
    maxLossPct: positivePercent('Max daily loss %').nullable(),
  }),
  tradingHours: z.object({
    enabled: flag('Trading hours: enabled'),
    windows: z.array(tradingWindowSchema).max(12, 'At most 12 trading windows'),
    days: z
      .array(weekday)
      .min(1, 'Pick at least one trading day, or switch trading hours off')
      .refine((days) => new Set(days).size === days.length, {
        error: 'Trading days must not repeat',
      }),
  }),
  minConfidence: z.object({
    enabled: flag('Min confidence: enabled'),
    min: percent('Minimum confidence'),
  }),
  minBalance: z.object({
    enabled: flag('Min balance: enabled'),
    min: amount('Minimum balance'),
  }),
  minTradeValue: z.object({
    enabled: flag('Min trade value: enabled'),
    min: amount('Minimum trade value').nullable(),
    minPct: positivePercent('Minimum trade value %').nullable(),
  }),
  maxTradeValue: z.object({
    enabled: flag('Max trade value: enabled'),
    max: amount('Maximum trade value').nullable(),
    maxPct: positivePercent('Maximum trade value %').nullable(),
  }),
  riskPerTrade: z.object({
    enabled: flag('Risk per trade: enabled'),
    pct: positivePercent('Risk per trade %'),
    requireStop: flag('Risk per trade: require a stop'),
  }),
  maxOpenPositions: z.object({
    enabled: flag('Max open positions: enabled'),
    total: count('Max open positions').nullable(),
    perBot: count('Max open positions per bot').nullable(),
  }),
  maxOpenOrdersPerSymbol: z.object({
    enabled: flag('Max open orders per symbol: enabled'),
    max: count('Max open orders per symbol'),
  }),
  maxTradesPerDay: z.object({
    enabled: flag('Max trades per day: enabled'),
    max: count('Max trades per day'),
  }),
  maxOrderValue: z.object({
    enabled: flag('Max order value: enabled'),
    max: amount('Max order value'),
  }),
  maxPositionValue: z.object({
    enabled: flag('Max position value: enabled'),
    max: amount('Max position value'),
  }),
  duplicateCooldown: z.object({
    enabled: flag('Duplicate cooldown: enabled'),
    seconds: count('Duplicate cooldown seconds'),
  }),
  stopLossCooldown: z.object({
    enabled: flag('Stop-loss cooldown: enabled'),
    minutes: count('Stop-loss cooldown minutes'),
  }),
  performance: z.object({
    enabled: flag('Performance adjustment: enabled'),
    minTrades: count('Performance: minimum closed trades'),
    winRateBelowPct: percent('Performance: win rate threshold %'),
    losingStreakAtLeast: count('Performance: losing streak'),
    confidenceIncrease: percent('Performance: confidence increase'),
    sizeMultiplier: num('Performance: size multiplier')
      .gt(0, 'Performance: size multiplier must be above 0 and at most 1')
      .max(1, 'Performance: size multiplier must be above 0 and at most 1'),
  }),
};

type RuleSchemas = typeof ruleSchemas;

/** A complete, validated policy. */
export type RiskPolicy = { [K in keyof RuleSchemas]: z.output<RuleSchemas[K]> };

/** Keys of the policy, one per rule plus `performance`. */
export type PolicyKey = keyof RiskPolicy;

export type TradingWindow = z.output<typeof tradingWindowSchema>;

/** Any subset of a policy: rules or fields left out keep their current value. */
export type RiskPolicyPatch = { [K in PolicyKey]?: Partial<RiskPolicy[K]> };

/** Every rule (and its fields) optional, no defaults: the shape of patches and overrides. */
const patchShape = {
  killSwitch: ruleSchemas.killSwitch.partial().optional(),
  maxDrawdown: ruleSchemas.maxDrawdown.partial().optional(),
  dailyLoss: ruleSchemas.dailyLoss.partial().optional(),
  tradingHours: ruleSchemas.tradingHours.partial().optional(),
  minConfidence: ruleSchemas.minConfidence.partial().optional(),
  minBalance: ruleSchemas.minBalance.partial().optional(),
  minTradeValue: ruleSchemas.minTradeValue.partial().optional(),
  maxTradeValue: ruleSchemas.maxTradeValue.partial().optional(),
  riskPerTrade: ruleSchemas.riskPerTrade.partial().optional(),
  maxOpenPositions: ruleSchemas.maxOpenPositions.partial().optional(),
  maxOpenOrdersPerSymbol: ruleSchemas.maxOpenOrdersPerSymbol.partial().optional(),
  maxTradesPerDay: ruleSchemas.maxTradesPerDay.partial().optional(),
  maxOrderValue: ruleSchemas.maxOrderValue.partial().optional(),
  maxPositionValue: ruleSchemas.maxPositionValue.partial().optional(),
  duplicateCooldown: ruleSchemas.duplicateCooldown.partial().optional(),
  stopLossCooldown: ruleSchemas.stopLossCooldown.partial().optional(),
  performance: ruleSchemas.performance.partial().optional(),
};

/**
 * A user's policy. Accepts any subset; the rest comes from `DEFAULT_RISK_POLICY`. Relations
 * between rules (min ≤ max, a switched-on rule has a limit, …) are checked on the result.
 */
export const riskPolicySchema = z
  .object(patchShape)
  .transform((patch): RiskPolicy => mergePolicy(DEFAULT_RISK_POLICY, patch))
  .superRefine((policy, ctx) => {
    for (const issue of policyRelationIssues(policy)) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
  });

export type RiskPolicyInput = z.input<typeof riskPolicySchema>;

/**
 * Per-bot overrides: any subset of the policy except the kill switch, which a bot must not be
 * able to bypass (setting it is an error, not silently dropped). Validated field by field here;
 * relations are checked by `resolvePolicy`.
 */
export const botRiskOverridesSchema = z.object({
  ...patchShape,
  killSwitch: z
    .undefined({ error: 'A bot cannot override the kill switch; change it in your policy' })
    .optional(),
});

export type BotRiskOverrides = z.output<typeof botRiskOverridesSchema>;
