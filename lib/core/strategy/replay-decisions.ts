import { type Candle } from '../types';
import { type PositionView, type StrategyDecision, type StrategyInstance } from './types';

export interface ReplayedDecision {
  index: number;
  time: number;
  decision: StrategyDecision;
}

/**
 * Feeds `candles` through a strategy one by one and records each decision, with a naive
 * position: a `buy` when flat opens one unit at the close, a `close` or `sell` exits it. No
 * fills, fees or stops: for signal previews on a chart and for tests. The decision time is the
 * candle's close (`time + timeframeMs`).
 */
export function replayDecisions(
  instance: StrategyInstance,
  candles: readonly Candle[],
  timeframeMs: number,
): ReplayedDecision[] {
  const out: ReplayedDecision[] = [];
  let position: PositionView | null = null;
  candles.forEach((candle, index) => {
    instance.update(candle);
    const time = candle.time + timeframeMs;
    const decision = instance.decide({ time, position });
    if (decision.action === 'buy' && !position) {
      position = { side: 'buy', entryPrice: candle.close, quantity: 1, entryTime: time };
    } else if ((decision.action === 'close' || decision.action === 'sell') && position) {
      position = null;
    }
    out.push({ index, time, decision });
  });
  return out;
}
