import { adjustForPerformance } from './adjust-for-performance';
import { riskPolicySchema, type RiskPolicy, type RiskPolicyInput } from './policy-schema';
import { type RuleInput } from './rules/rule';
import { type RiskContext } from './types';

/** Wednesday 2024-01-03 12:00 UTC. */
export const NOON = Date.UTC(2024, 0, 3, 12, 0, 0);

interface ContextPatch {
  now?: number;
  order?: Partial<RiskContext['order']>;
  account?: Partial<RiskContext['account']>;
  counters?: Partial<RiskContext['counters']>;
  killSwitch?: Partial<RiskContext['killSwitch']>;
  trackRecord?: RiskContext['trackRecord'];
}

/**
 * For tests: a context that passes every default rule. Buy 0.001 BTCUSDT at 50 000 (value 50,
 * 5 % of the 1 000 balance) with a stop at 49 000 (loss 1, 0.1 %), confidence 75, bot `bot-1`.
 */
export function makeContext(patch: ContextPatch = {}): RiskContext {
  return {
    now: patch.now ?? NOON,
    order: {
      symbol: 'BTCUSDT',
      side: 'buy',
      reducing: false,
      quantity: 0.001,
      price: 50_000,
      stopPrice: 49_000,
      confidence: 75,
      botId: 'bot-1',
      ...patch.order,
    },
    account: {
      balance: 1000,
      equity: 1000,
      equityPeak: 1000,
      startOfDayEquity: 1000,
      ...patch.account,
    },
    counters: {
      openPositions: 0,
      openPositionsForBot: 0,
      openOrdersForSymbol: 0,
      tradesToday: 0,
      realisedPnlToday: 0,
      lastOrderAt: null,
      lastStopLossAt: null,
      positionValue: 0,
      ...patch.counters,
    },
    killSwitch: { global: false, user: false, ...patch.killSwitch },
    trackRecord: patch.trackRecord ?? null,
  };
}

/** For tests: a validated policy from a patch over the defaults. */
export function makePolicy(patch: RiskPolicyInput = {}): RiskPolicy {
  return riskPolicySchema.parse(patch);
}

/** For tests: what a rule receives. */
export function makeInput(context: ContextPatch = {}, policy: RiskPolicyInput = {}): RuleInput {
  const ctx = makeContext(context);
  const p = makePolicy(policy);
  return { context: ctx, policy: p, performance: adjustForPerformance(p, ctx.trackRecord) };
}
