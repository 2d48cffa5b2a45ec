import { describe, it, expect } from 'vitest';
import { replayDecisions } from './replay-decisions';
import { simple } from './simple';
import { candlesFromCloses } from './test-support';

const params = simple.params.parse({ fastEma: 3, slowEma: 5, rsiPeriod: 2, atrPeriod: 2 });

describe('simple (trend pullback)', () => {
  // A steady climb of +2 per bar, one pullback of −3 at bar 10, then +4 per bar.
  const closes = [...Array.from({ length: 10 }, (_, i) => 100 + 2 * i), 115, 119, 123];
  const decisions = replayDecisions(simple.create(params), candlesFromCloses(closes), 60_000);

  it('holds through a trend without pullback, buys the pullback, closes when overbought', () => {
    // bar 10: EMA3 = 116 + (115 − 116)/2 = 115.5 > EMA5 = 114 + (115 − 114)/3 = 114.33 < close 115;
    // RSI(2): gain 2 → 1, loss 0 → 1.5 → 40 < 45 → buy.
    // bar 11: +4 → gain 2.5, loss 0.75 → RSI 76.9 > 70 → close.
    expect(decisions.map((d) => d.decision.action)).toEqual([
      ...Array<string>(10).fill('hold'),
      'buy',
      'close',
      'hold',
    ]);
    expect(decisions[10]?.decision.reasoning).toBe(
      'Pullback in an uptrend (EMA 115.5/114.333, RSI 40)',
    );
    expect(decisions[11]?.decision.reasoning).toBe(
      'Overbought, taking profit (EMA 117.25/115.889, RSI 76.9231)',
    );
  });

  it('sets a 2:1 ATR bracket', () => {
    // ATR(2): true ranges 2, then 3 (|close + 1 − previous close|); bar 10 falls 3: |114 − 118| = 4.
    // ATR = 2.5 at bar 1, → 3 − 0.5/2^8 by bar 9, then + (4 − that)/2 ≈ 3.499 at bar 10;
    // stop 1.5 ATR below 115, target 3 ATR above (2:1).
    const atr = (3 - 0.5 / 2 ** 8 + 4) / 2;
    const d = decisions[10]!.decision;
    expect(d.stopLoss).toBeCloseTo(115 - 1.5 * atr, 10);
    expect(d.takeProfit).toBeCloseTo(115 + 3 * atr, 10);
  });

  it('closes when the trend turns', () => {
    const falling = [...Array.from({ length: 10 }, (_, i) => 100 + 2 * i), 115, 105, 95];
    const actions = replayDecisions(simple.create(params), candlesFromCloses(falling), 60_000).map(
      (d) => d.decision,
    );
    expect(actions[11]?.action).toBe('close');
    expect(actions[11]?.reasoning).toMatch(/^Trend turned down/);
  });

  it('never buys in a downtrend', () => {
    const down = Array.from({ length: 30 }, (_, i) => 200 - 3 * i + (i % 3 === 0 ? 4 : 0));
    const actions = replayDecisions(simple.create(params), candlesFromCloses(down), 60_000).map(
      (d) => d.decision.action,
    );
    expect(actions.includes('buy')).toBe(false);
  });
});
