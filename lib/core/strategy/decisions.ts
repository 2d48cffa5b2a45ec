import { type StrategyDecision } from './types';

/** A `hold` with its reason. */
export function hold(reasoning: string): StrategyDecision {
  return { action: 'hold', confidence: 0, reasoning };
}

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
