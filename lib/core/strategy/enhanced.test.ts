import { describe, it, expect } from 'vitest';
import { detectRegime } from './detect-regime';
import { enhanced } from './enhanced';
import { replayDecisions } from './replay-decisions';
import { candlesFromCloses } from './test-support';

const small = enhanced.params.parse({
  adxPeriod: 3,
  fastEma: 3,
  slowEma: 5,
  rsiPeriod: 2,
  bbPeriod: 3,
  atrPeriod: 3,
});

describe('detectRegime', () => {
  it('splits on the two ADX thresholds', () => {
    expect(detectRegime(30, 25, 20)).toBe('trend');
    expect(detectRegime(25, 25, 20)).toBe('trend');
    expect(detectRegime(22, 25, 20)).toBe('unclear');
    expect(detectRegime(20, 25, 20)).toBe('range');
    expect(detectRegime(NaN, 25, 20)).toBe('unclear');
  });
});

describe('enhanced in a trend', () => {
  // +2 per bar for 10 bars, then −4 per bar.
  const up = Array.from({ length: 10 }, (_, i) => 100 + 2 * i);
  const down = Array.from({ length: 6 }, (_, i) => 116 - 4 * i);
  const decisions = replayDecisions(
    enhanced.create(small),
    candlesFromCloses([...up, ...down]),
    60_000,
  );

  it('buys the trend as soon as it is warm, closes when it reverses', () => {
    expect(enhanced.warmup(small)).toBe(6); // ADX(3) needs 2 × 3 bars
    const actions = decisions.map((d) => d.decision.action);
    expect(actions.indexOf('buy')).toBe(5);
    expect(actions.indexOf('close')).toBe(11);
    expect(actions.filter((a) => a !== 'hold')).toEqual(['buy', 'close']);
  });

  it('gives trend confidence, wide ATR exits and a full size hint', () => {
    // every bar moves up 2 with high/low ±1: +DM 2, −DM 0 → DX 100 → ADX 100 → 60 + 75, capped 90.
    // true ranges 2, 3, 3, …: ATR(3) = 8/3 at bar 2, then the gap to 3 shrinks by 2/3 per bar:
    // bar 5: 3 − (1/3)(2/3)³ = 235/81 ≈ 2.9012 → stop 110 − 2 ATR, target 110 + 4 ATR.
    const atr = 235 / 81;
    expect(decisions[5]?.decision).toMatchObject({
      action: 'buy',
      confidence: 90,
      sizeHint: 1,
      reasoning: 'Bullish trend (trend, ADX 100, +DI 66.6667, -DI 0, RSI 100)',
    });
    expect(decisions[5]?.decision.stopLoss).toBeCloseTo(110 - 2 * atr, 10);
    expect(decisions[5]?.decision.takeProfit).toBeCloseTo(110 + 4 * atr, 10);
    expect(decisions[11]?.decision.reasoning).toMatch(/^Trend reversed/);
  });

  it('scales the size down when ATR is a large share of the price', () => {
    const jumpy = enhanced.params.parse({ ...small, maxAtrPct: 1 });
    const d = replayDecisions(enhanced.create(jumpy), candlesFromCloses(up), 60_000)[5]!.decision;
    // ATR 235/81 / close 110 = 2.63749% of the price → hint 1 / 2.63749 = 0.379149
    expect(d.sizeHint).toBeCloseTo(110 / (100 * (235 / 81)), 10);
    expect(d.reasoning).toContain('ATR 2.63749% of price, size ×0.379149');
  });
});

describe('enhanced in a range', () => {
  // 60 bars alternating 100/101 (ADX ≈ 3.7), a drop to 94, then 101 and 104.
  const range = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 100 : 101));
  const decisions = replayDecisions(
    enhanced.create(enhanced.params.parse({})),
    candlesFromCloses([...range, 94, 101, 104, 104]),
    60_000,
  );

  it('buys the bottom of the range and closes at the top', () => {
    const actions = decisions.map((d) => d.decision.action);
    expect(actions.filter((a) => a !== 'hold')).toEqual(['buy', 'close']);
    expect(actions.indexOf('buy')).toBe(60);
    expect(actions.indexOf('close')).toBe(62);
  });

  it('uses the tight range exits', () => {
    const d = decisions[60]!.decision;
    expect(d.reasoning).toMatch(
      /^Range bottom: close 94 at\/below lower band 97.1933 \(range, ADX 5.75339/,
    );
    expect(d.confidence).toBe(61); // 60 + (35 − 33.75)
    // stop 1.5 ATR below, target 2 ATR above
    expect(((d.takeProfit ?? 0) - 94) / (94 - (d.stopLoss ?? 0))).toBeCloseTo(2 / 1.5, 10);
  });
});
