import { describe, it, expect } from 'vitest';
import { replayDecisions } from './replay-decisions';
import { rsiReversion } from './rsi-reversion';
import { candlesFromCloses } from './test-support';

describe('rsi-reversion', () => {
  const params = rsiReversion.params.parse({ rsiPeriod: 2, atrPeriod: 2 });
  // RSI(2), Wilder: bar 2 → 100 (gains only); bar 3 (−1): gain .5, loss .5 → 50;
  // bar 4 (−2): gain .25, loss 1.25 → 16.67 < 30 → buy; bar 5 (−1): gain .125, loss 1.125 → 10;
  // bar 6 (+2): gain 1.0625, loss .5625 → 65.4 > 55 → close
  const closes = [10, 11, 12, 11, 9, 8, 10, 12];
  const decisions = replayDecisions(rsiReversion.create(params), candlesFromCloses(closes), 60_000);

  it('buys below oversold and closes above the exit level', () => {
    expect(decisions.map((d) => d.decision.action)).toEqual([
      'hold',
      'hold',
      'hold',
      'hold',
      'buy',
      'hold',
      'close',
      'hold',
    ]);
  });

  it('scales confidence with the depth below oversold and sets ATR exits', () => {
    // confidence 60 + (30 − 16.67) × 1.5 = 80; ATR(2) at bar 4 = 2 + (3 − 2) / 2 = 2.5
    expect(decisions[4]?.decision).toEqual({
      action: 'buy',
      confidence: 80,
      stopLoss: 4,
      takeProfit: 16.5,
      reasoning: 'RSI 16.6667 below oversold 30',
    });
    expect(decisions[6]?.decision.reasoning).toBe('RSI 65.3846 recovered above 55');
  });

  it('needs rsiPeriod + 1 candles', () => {
    expect(rsiReversion.warmup(params)).toBe(3);
    expect(rsiReversion.warmup(rsiReversion.params.parse({}))).toBe(15);
  });
});
