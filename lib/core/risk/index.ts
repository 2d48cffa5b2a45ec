export {
  adjustForPerformance,
  type PerformanceAdjustment,
  type PerformanceReason,
} from './adjust-for-performance';
export { DEFAULT_RISK_POLICY } from './default-policy';
export { evaluateRisk, type RiskEvaluation } from './evaluate-risk';
export { mergePolicy } from './merge-policy';
export {
  botRiskOverridesSchema,
  riskPolicySchema,
  ruleSchemas,
  tradingWindowSchema,
  type BotRiskOverrides,
  type PolicyKey,
  type RiskPolicy,
  type RiskPolicyInput,
  type RiskPolicyPatch,
  type TradingWindow,
} from './policy-schema';
export { policyRelationIssues, type PolicyIssue } from './policy-relations';
export { resolvePolicy } from './resolve-policy';
export {
  PERFORMANCE_DESCRIPTOR,
  RULE_CATALOG,
  type ParamUnit,
  type RuleDescriptor,
  type RuleParam,
} from './rule-catalog';
export { ALL_RULES } from './rules/all-rules';
export { type RiskRule, type RuleInput } from './rules/rule';
export { inTradingHours } from './rules/trading-hours';
export { tradingStateOf } from './trading-state';
export * from './types';
export { startOfUtcDay, utcDayOfWeek, utcMinuteOfDay } from './utc-time';
