import { type StrategyDecision, type StrategyInstance } from '../strategy';
import { type Candle } from '../types';

/** One scripted decision: an action plus the optional decision fields. */
export type ScriptStep = Pick<StrategyDecision, 'action'> & Partial<StrategyDecision>;

/**
 * A strategy that answers from a script keyed by bar index (the index of the candle last given
 * to `update`, counted from 0), holding otherwise. For hand-checked tests and for replaying a
 * recorded list of decisions. Like every strategy it ignores a buy while in a position and a
 * close while flat.
 */
export function scriptedStrategy(script: Readonly<Record<number, ScriptStep>>): StrategyInstance {
  let index = -1;
  return {
    warmup: 0,
    update(_candle: Candle) {
      index++;
    },
    decide(ctx) {
      const step = script[index];
      if (!step) return { action: 'hold', confidence: 0, reasoning: 'script: hold' };
      const inPosition = ctx.position !== null;
      if ((step.action === 'buy') === inPosition && step.action !== 'hold') {
        return { action: 'hold', confidence: 0, reasoning: 'script: not applicable' };
      }
      return { confidence: 70, reasoning: `script: ${step.action} at bar ${index}`, ...step };
    },
  };
}
