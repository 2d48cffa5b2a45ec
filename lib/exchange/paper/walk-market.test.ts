import { describe, expect, it } from 'vitest';
import { createFillConfig } from '../../core/fills';
import { dec } from '../../core/money';
import { stepsSince, walkMarket, type MarketTape } from './walk-market';

const M = 60_000;
const T = Date.UTC(2024, 0, 1);
const candle = (i: number, open: number, high: number, low: number, close: number) => ({
  time: T + i * M,
  open,
  high,
  low,
  close,
  volume: 1,
});
const config = createFillConfig({ makerFeeRate: '0', takerFeeRate: '0' });

describe('stepsSince', () => {
  const tape: MarketTape = {
    candles: [
      candle(0, 100, 101, 99, 100),
      candle(1, 100, 102, 98, 101),
      candle(2, 101, 101, 100, 100),
    ],
    timeframeMs: M,
    last: dec('100.5'),
    now: T + 2 * M + 30_000,
  };

  it('takes closed candles opening at or after the mark, then the tick', () => {
    const steps = stepsSince(tape, T + 30_000);
    expect(steps.map((s) => s.time)).toEqual([T + M, T + 2 * M + 30_000]);
    expect(steps.map((s) => s.coversUntil)).toEqual([T + 2 * M, null]);
    expect(steps[1]!.triggerUntil).toBe(T + 3 * M);
  });

  it('takes only the tick without a closed candle after the mark', () => {
    expect(stepsSince({ ...tape, last: null }, T + 2 * M)).toEqual([]);
  });
});

describe('walkMarket', () => {
  const limitBuy = {
    type: 'limit' as const,
    side: 'buy' as const,
    quantity: dec('1'),
    limitPrice: dec('98.5'),
  };

  it('fills on the first candle that reaches the limit, at the limit, as maker', () => {
    const tape: MarketTape = {
      candles: [
        candle(0, 100, 101, 99, 100),
        candle(1, 100, 102, 98, 101),
        candle(2, 99, 99, 97, 98),
      ],
      timeframeMs: M,
      last: dec('98'),
      now: T + 3 * M,
    };
    const walk = walkMarket(limitBuy, stepsSince(tape, T), T, config);
    expect(walk.status).toBe('filled');
    expect(walk.time).toBe(T + M);
    expect(walk.fill?.price.toString()).toBe('98.5');
    expect(walk.fill?.liquidity).toBe('maker');
    expect(walk.checkedUntil).toBe(T + M);
  });

  it('advances the mark over candles that do not reach it, not over the tick', () => {
    const tape: MarketTape = {
      candles: [candle(0, 100, 101, 99, 100)],
      timeframeMs: M,
      last: dec('100'),
      now: T + M + 10_000,
    };
    const walk = walkMarket(limitBuy, stepsSince(tape, T), T, config);
    expect(walk).toMatchObject({ status: 'open', checkedUntil: T + M });
  });

  it('turns a gapped stop-limit into a limit and fills it from the next bar only', () => {
    const stopLimit = {
      type: 'stop-limit' as const,
      side: 'sell' as const,
      quantity: dec('1'),
      stopPrice: dec('95'),
      limitPrice: dec('94'),
    };
    // Bar 0 opens at 93 (gap through stop and limit) and reaches 94.5 inside: not filled yet.
    const tape: MarketTape = {
      candles: [candle(0, 93, 94.5, 92, 93), candle(1, 93, 94.2, 93, 94)],
      timeframeMs: M,
      last: null,
      now: T + 2 * M,
    };
    const walk = walkMarket(stopLimit, stepsSince(tape, T), T, config);
    expect(walk.triggered).toMatchObject({ type: 'limit', side: 'sell' });
    expect(walk.status).toBe('filled');
    expect(walk.time).toBe(T + M);
    expect(walk.fill?.price.toString()).toBe('94');
  });

  it('reports the OCO leg that filled', () => {
    const oco = {
      type: 'oco' as const,
      side: 'sell' as const,
      quantity: dec('1'),
      takeProfitPrice: dec('105'),
      stopPrice: dec('95'),
    };
    const tape: MarketTape = {
      candles: [candle(0, 100, 106, 99, 104)],
      timeframeMs: M,
      last: null,
      now: T + M,
    };
    const walk = walkMarket(oco, stepsSince(tape, T), T, config);
    expect(walk).toMatchObject({ status: 'filled', leg: 'take-profit' });
    expect(walk.fill?.price.toString()).toBe('105');
  });
});
