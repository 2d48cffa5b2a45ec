import { describe, expect, it } from 'vitest';
import { type RiskPolicyInput } from '../risk';
import { runBacktest } from './run-backtest';
import { scriptedStrategy, type ScriptStep } from './scripted-strategy';
import { candlesFromRows } from './seeded-candles';

type Row = readonly [number, number, number, number];
const quiet = (n: number): Row[] => Array.from({ length: n }, () => [100, 101, 99, 100] as const);

function run(
  rows: readonly Row[],
  script: Record<number, ScriptStep>,
  riskPolicy: RiskPolicyInput,
) {
  return runBacktest({
    candles: candlesFromRows(rows),
    timeframe: '1m',
    strategy: { id: 'script' },
    instance: scriptedStrategy(script),
    options: { startingBalance: 10_000, feeRate: 0.001, riskPolicy },
  });
}

/** Buy at even bars, close at odd bars: one round trip every two minutes. */
function churn(bars: number, confidence = 80): Record<number, ScriptStep> {
  const script: Record<number, ScriptStep> = {};
  for (let i = 0; i < bars; i++) {
    script[i] = i % 2 === 0 ? { action: 'buy', confidence } : { action: 'close' };
  }
  return script;
}

describe('the core risk engine inside a backtest', () => {
  it('sizes all-in entries within the default policy caps (10 % of the balance)', () => {
    const result = run(quiet(6), { 0: { action: 'buy', confidence: 80 } }, {});
    const [trade] = result.trades;
    // quantity × price = 10 % of the 10 000 cash
    expect(trade!.quantity * trade!.entryPrice).toBeCloseTo(1000, 6);
    expect(result.stats.skippedEntries).toEqual({});
  });

  it('rejects entries below the minimum confidence, counting the failed rule', () => {
    const result = run(quiet(6), { 0: { action: 'buy', confidence: 50 } }, {});
    expect(result.trades).toEqual([]);
    expect(result.stats.skippedEntries).toEqual({ RISK_REJECTED: 1 });
    expect(result.stats.riskRejections).toEqual({ CONFIDENCE_BELOW_MIN: 1 });
  });

  it('counts trades per UTC day of the decision time', () => {
    const result = run(quiet(20), churn(20), {
      maxTradesPerDay: { enabled: true, max: 3 },
      performance: { enabled: false },
    });
    expect(result.trades).toHaveLength(3);
    // buys at bars 0, 2, …, 18 = 10 signals: 3 placed, 7 rejected by the daily count
    expect(result.stats.riskRejections).toEqual({ MAX_TRADES_PER_DAY: 7 });
  });

  it('applies the stop-loss cooldown from the run’s own last stop-loss', () => {
    // entry at the bar-1 open, stopped in bar 2; buys keep coming every bar afterwards
    const rows: Row[] = [...quiet(2), [100, 100, 94, 95], ...quiet(8)];
    const script: Record<number, ScriptStep> = {
      0: { action: 'buy', stopLoss: 96, confidence: 80 },
    };
    for (let i = 2; i < 10; i++) script[i] = { action: 'buy', confidence: 80 };
    const result = run(rows, script, {
      stopLossCooldown: { enabled: true, minutes: 5 },
      performance: { enabled: false },
    });
    // stop-loss at the bar-2 open time; decisions at bar closes 2..5 fall within 5 minutes
    expect(result.trades[0]!.exitReason).toBe('stop_loss');
    expect(result.stats.riskRejections).toEqual({ STOP_LOSS_COOLDOWN: 4 });
    expect(result.trades[1]!.entryIndex).toBe(7);
  });

  it('halves sizes after a losing streak (performance adjustment)', () => {
    // three losing round trips (fees only), then a fourth entry at half size
    const result = run(quiet(10), churn(8), {
      performance: { enabled: true, losingStreakAtLeast: 3, sizeMultiplier: 0.5 },
    });
    const values = result.trades.map((t) => t.quantity * t.entryPrice);
    expect(values[0]).toBeCloseTo(1000, 6);
    // after three losses the cap is 10 % of the (slightly smaller) cash, times 0.5
    expect(values[3]! / values[2]!).toBeCloseTo(0.5, 3);
  });
});
