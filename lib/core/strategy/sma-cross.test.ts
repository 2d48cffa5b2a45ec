import { describe, it, expect } from 'vitest';
import { replayDecisions } from './replay-decisions';
import { smaCross } from './sma-cross';
import { candlesFromCloses } from './test-support';

const params = smaCross.params.parse({ fastPeriod: 2, slowPeriod: 3, atrPeriod: 2 });

describe('sma-cross', () => {
  // i:      0   1   2   3   4   5   6   7   8   9  10
  // close: 10  10  10  10   9   8  12  14  13   9   7
  // fast:   -  10  10  10 9.5 8.5  10  13 13.5 11   8
  // slow:   -   -  10  10 9.67  9 9.67 11.3 13  12 9.67
  // equal at 3 (no cross), cross up at 6 (8.5 ≤ 9 → 10 > 9.67), cross down at 9 (13.5 ≥ 13 → 11 < 12)
  const closes = [10, 10, 10, 10, 9, 8, 12, 14, 13, 9, 7];
  const decisions = replayDecisions(smaCross.create(params), candlesFromCloses(closes), 60_000);
  const actions = decisions.map((d) => d.decision.action);

  it('needs slowPeriod + 1 candles', () => {
    expect(smaCross.warmup(params)).toBe(4);
    expect(decisions[2]?.decision.reasoning).toBe('Warming up: 3 of 4 candles');
  });

  it('buys on the cross up and closes on the cross down, holds otherwise', () => {
    expect(actions).toEqual([
      'hold',
      'hold',
      'hold',
      'hold',
      'hold',
      'hold',
      'buy',
      'hold',
      'hold',
      'close',
      'hold',
    ]);
  });

  it('puts ATR exits on the buy', () => {
    // ATR(2) with high/low = close ± 1: true ranges 2 until bar 6, where |13 − 8| = 5:
    // ATR = 2 + (5 − 2) / 2 = 3.5 → stop 12 − 2 × 3.5 = 5, target 12 + 4 × 3.5 = 26
    expect(decisions[6]?.decision).toEqual({
      action: 'buy',
      confidence: 70,
      stopLoss: 5,
      takeProfit: 26,
      reasoning: 'Fast SMA crossed above slow SMA (fast SMA 10, slow SMA 9.66667)',
    });
  });

  it('does not close on a cross down while flat, nor buy again while in a position', () => {
    const instance = smaCross.create(params);
    const candles = candlesFromCloses(closes);
    const flatActions = candles.map((c) => {
      instance.update(c);
      return instance.decide({ time: c.time, position: null }).action;
    });
    expect(flatActions.filter((a) => a !== 'hold')).toEqual(['buy']);
  });
});
