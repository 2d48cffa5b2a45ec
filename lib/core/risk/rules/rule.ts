import { type PerformanceAdjustment } from '../adjust-for-performance';
import { type PolicyKey, type RiskPolicy } from '../policy-schema';
import {
  type RiskContext,
  type RuleFailed,
  type RuleId,
  type RulePassed,
  type RuleResult,
  type RuleSkipped,
  type SkipReason,
} from '../types';

/** What every rule receives: the context, the resolved policy and the performance adjustment. */
export interface RuleInput {
  context: RiskContext;
  policy: RiskPolicy;
  performance: PerformanceAdjustment;
}

export interface RiskRule {
  id: RuleId;
  policyKey: PolicyKey;
  /** True when the rule also judges reducing orders; otherwise they are skipped. */
  checksReducing: boolean;
  evaluate(input: RuleInput): RuleResult;
}

export function passed(rule: RuleId, note?: string): RulePassed {
  return note === undefined
    ? { rule, ok: true, status: 'passed' }
    : { rule, ok: true, status: 'passed', note };
}

export function skipped(rule: RuleId, reason: SkipReason, note: string): RuleSkipped {
  return { rule, ok: true, status: 'skipped', reason, note };
}

export function failed(
  rule: RuleId,
  code: string,
  message: string,
  observed: number | string,
  limit: number | string,
): RuleFailed {
  return { rule, ok: false, status: 'failed', code, message, observed, limit };
}

/**
 * A rule with the common gates in front of its check: switched off → skipped `disabled`;
 * reducing order and the rule does not judge those → skipped `reducing-order`.
 */
export function defineRule(spec: {
  id: RuleId;
  policyKey: PolicyKey;
  checksReducing?: boolean;
  check(input: RuleInput): RuleResult;
}): RiskRule {
  const checksReducing = spec.checksReducing ?? false;
  return {
    id: spec.id,
    policyKey: spec.policyKey,
    checksReducing,
    evaluate(input) {
      if (!input.policy[spec.policyKey].enabled) {
        return skipped(spec.id, 'disabled', 'Switched off in the policy');
      }
      if (input.context.order.reducing && !checksReducing) {
        return skipped(
          spec.id,
          'reducing-order',
          'Does not apply to orders that reduce a position',
        );
      }
      return spec.check(input);
    },
  };
}

/** Quote value of the order (quantity × price), or null before sizing. */
export function orderValue(input: RuleInput): number | null {
  const { quantity, price } = input.context.order;
  return quantity === null || quantity === undefined ? null : quantity * price;
}

export function noQuantity(rule: RuleId): RuleSkipped {
  return skipped(rule, 'no-data', 'No quantity yet: sizing enforces this limit');
}
