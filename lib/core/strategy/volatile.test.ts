import { describe, it, expect } from 'vitest';
import { replayDecisions } from './replay-decisions';
import { candlesFromCloses } from './test-support';
import { volatile } from './volatile';

const params = volatile.params.parse({
  rsiPeriod: 2,
  bbPeriod: 3,
  bbStdDev: 1,
  macdFast: 2,
  macdSlow: 3,
  macdSignal: 2,
  atrPeriod: 2,
});

describe('volatile', () => {
  // Flat at 100, a drop to 90 (bar 10), then 100 and 110.
  const closes = [...Array<number>(10).fill(100), 90, 100, 110, 110];
  const decisions = replayDecisions(volatile.create(params), candlesFromCloses(closes), 60_000);

  it('needs two MACD values: max(slow, fast) + signal − 2 + 2 candles', () => {
    expect(volatile.warmup(params)).toBe(5);
    expect(volatile.warmup(volatile.params.parse({}))).toBe(35);
  });

  it('buys when two of three bullish signals agree and closes on two bearish ones', () => {
    expect(decisions.map((d) => d.decision.action)).toEqual([
      ...Array<string>(10).fill('hold'),
      'buy',
      'hold',
      'close',
      'hold',
    ]);
  });

  it('explains the confluence; confidence 45 + 15 per signal', () => {
    // bar 10: bands of (100, 100, 90) with 1 sd: mean 96.67, sd 4.714 → lower 91.95 ≥ 90;
    // RSI(2): flat gives 100, then a loss of 10 with no gain → 0. MACD histogram falls (no signal).
    expect(decisions[10]?.decision).toMatchObject({
      action: 'buy',
      confidence: 75,
      reasoning: 'Bullish: close 90 at/below lower band 91.9526; RSI 0 < 35',
    });
    // bar 11: only RSI 66.7 > 65 is bearish → hold; bar 12: close 110 ≥ upper 108.16 and RSI 85.7
    expect(decisions[11]?.decision.reasoning).toBe('In position, 1 of 2 bearish signals');
    expect(decisions[12]?.decision).toMatchObject({
      action: 'close',
      confidence: 75,
      reasoning: 'Bearish: close 110 at/above upper band 108.165; RSI 85.7143 > 65',
    });
  });

  it('requires all three when minSignals is 3', () => {
    const strict = volatile.params.parse({ ...params, minSignals: 3 });
    const actions = replayDecisions(volatile.create(strict), candlesFromCloses(closes), 60_000).map(
      (d) => d.decision.action,
    );
    expect(actions.every((a) => a === 'hold')).toBe(true);
  });
});
