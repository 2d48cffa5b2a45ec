import { adjustForPerformance, type PerformanceAdjustment } from './adjust-for-performance';
import { type RiskPolicy } from './policy-schema';
import { ALL_RULES } from './rules/all-rules';
import { tradingStateOf } from './trading-state';
import { type RiskContext, type RuleFailed, type RuleResult, type TradingState } from './types';

export interface RiskEvaluation {
  /** True when no rule failed. */
  approved: boolean;
  tradingState: TradingState;
  /** One result per rule, in `RULE_IDS` order; switched-off rules are reported as skipped. */
  results: RuleResult[];
  /** The failed results, in the same order (empty when approved). */
  failures: RuleFailed[];
  /** Performance adjustment applied: the min confidence used and the size multiplier for sizing. */
  performance: PerformanceAdjustment;
  /** Shorthand for `performance.sizeMultiplier`: pass it to sizing. */
  sizeMultiplier: number;
}

/**
 * Runs every rule on the proposed order. Nothing short-circuits: the signal stores every result.
 * Reducing orders are judged only by the kill switch (see README.md), so they pass in the
 * `reducing-only` state and, with `killSwitch.allowReducing`, while halted.
 */
export function evaluateRisk(context: RiskContext, policy: RiskPolicy): RiskEvaluation {
  const performance = adjustForPerformance(policy, context.trackRecord);
  const input = { context, policy, performance };
  const results = ALL_RULES.map((rule) => rule.evaluate(input));
  const failures = results.filter((r): r is RuleFailed => !r.ok);
  return {
    approved: failures.length === 0,
    tradingState: tradingStateOf(context, policy),
    results,
    failures,
    performance,
    sizeMultiplier: performance.sizeMultiplier,
  };
}
