/**
 * The AI strategy inside the (synchronous) engine: answers each decision point from decisions
 * resolved beforehand, keyed by bar index; at the first point not resolved yet it reports the
 * engine's state there (`onMissing`) and holds from then on, so the caller can resolve that
 * point (cache or provider) and run again. Between points it holds, except that an open
 * position's invalidation (from the decision that opened it) closes it when a candle closes
 * through the level, as the live decider enforces it.
 */
import { type Invalidation } from '../ai';
import { type PositionView, type StrategyInstance } from '../core/strategy';
import { type Candle } from '../core/types';
import { invalidationHit } from '../ai-runtime/invalidation';

/** A resolved decision, in the engine's vocabulary (`sell` on spot is a close). */
export interface AiStep {
  action: 'buy' | 'close' | 'hold';
  confidence: number;
  stopLoss?: number;
  takeProfit?: number;
  reasoning: string;
  invalidation: Invalidation | null;
}

/** The engine's state at a decision point nobody has answered yet. */
export interface MissingPoint {
  index: number;
  /** Decision time: the bar's close. */
  time: number;
  position: PositionView | null;
  /** The buy decision that opened `position` (its stop, target and invalidation). */
  opening: AiStep | null;
}

export function aiReplayStrategy(params: {
  decisions: ReadonlyMap<number, AiStep>;
  isDecisionPoint: (index: number) => boolean;
  onMissing: (point: MissingPoint) => void;
}): StrategyInstance {
  let index = -1;
  let lastClose = NaN;
  let missing = false;
  let lastBuy: { time: number; step: AiStep } | null = null;
  const hold = (reasoning: string) => ({ action: 'hold' as const, confidence: 0, reasoning });
  return {
    warmup: 0,
    update(candle: Candle) {
      index++;
      lastClose = candle.close;
    },
    decide(ctx) {
      if (missing) return hold('AI: not resolved yet');
      const opening =
        ctx.position && lastBuy && ctx.position.entryTime >= lastBuy.time ? lastBuy.step : null;
      if (params.isDecisionPoint(index)) {
        const step = params.decisions.get(index);
        if (!step) {
          missing = true;
          params.onMissing({
            index,
            time: ctx.time,
            position: ctx.position ? { ...ctx.position } : null,
            opening,
          });
          return hold('AI: not resolved yet');
        }
        const inPosition = ctx.position !== null;
        const applies =
          (step.action === 'buy' && !inPosition) || (step.action === 'close' && inPosition);
        if (applies) {
          if (step.action === 'buy') lastBuy = { time: ctx.time, step };
          const { invalidation: _invalidation, ...decision } = step;
          return decision;
        }
      }
      const invalidation = opening?.invalidation;
      if (ctx.position && invalidation && invalidationHit(invalidation, lastClose)) {
        return { action: 'close', confidence: 100, reasoning: `Invalidated: ${invalidation.text}` };
      }
      return hold('AI: hold');
    },
  };
}
