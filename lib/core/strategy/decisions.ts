import { type DecisionContext, type StrategyDecision } from './types';

/** A `hold` with its reason. */
export function hold(reasoning: string): StrategyDecision {
  return { action: 'hold', confidence: 0, reasoning };
}

/**
 * A `hold` that can be returned again and again: strategies keep one per fixed reason and
 * return it on held bars, so `decide` allocates nothing on almost every bar. Frozen, because
 * callers may keep decisions (e.g. `replayDecisions`) and must never see one change.
 */
export function frozenHold(reasoning: string): StrategyDecision {
  return Object.freeze(hold(reasoning));
}

/**
 * Whether the caller will read the reasoning of a decision that acts. False only when the
 * context says so (`explain: false`, the backtester, which never reads it): strategies then
 * skip formatting numbers into text, which was about a third of a 1M-candle backtest.
 */
export function wantsReasoning(ctx: DecisionContext): boolean {
  return ctx.explain !== false;
}

/** The hold for a caller that does not read reasoning (`explain: false`): shared, frozen. */
export const SILENT_HOLD: StrategyDecision = frozenHold('');

/** The `hold` every strategy returns before it has seen `warmup` candles. */
export function warmingUp(seen: number, warmup: number): StrategyDecision {
  return hold(`Warming up: ${seen} of ${warmup} candles`);
}

/** Confidence rounded to an integer in 0–100. */
export function clampConfidence(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)));
}

/** A number for reasoning text: 6 significant digits, no exponent for usual prices. */
export function fmt(value: number): string {
  return String(Number(value.toPrecision(6)));
}
