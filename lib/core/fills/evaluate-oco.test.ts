import { describe, it, expect } from 'vitest';
import { dec } from '../money';
import { evaluateOrder } from './evaluate-order';
import { createFillConfig } from './fill-config';
import { tickPrices } from './price-bar';
import { FillError, type OcoOrder, type OrderEvaluation } from './types';

const stopFirst = createFillConfig({
  makerFeeRate: '0.001',
  takerFeeRate: '0.002',
  slippageBps: 10,
});
const targetFirst = createFillConfig({ ...stopFirst, bothLegsPolicy: 'target-first' });
const candle = (open: number, high: number, low: number, close: number) => ({
  open,
  high,
  low,
  close,
});

/** Exit of a 1-unit long: take profit at 120, stop at 95. */
const exitLong: OcoOrder = {
  type: 'oco',
  side: 'sell',
  quantity: dec(1),
  takeProfitPrice: dec(120),
  stopPrice: dec(95),
};

function outcome(
  result: OrderEvaluation,
): [string | undefined, string, string] | 'open' | 'triggered' {
  if (result.status !== 'filled') return result.status;
  return [result.leg, result.fill.price.toString(), result.fill.liquidity];
}

describe('OCO on candles', () => {
  it('fills the take-profit leg as a maker limit when only the target is reached', () => {
    expect(outcome(evaluateOrder(exitLong, candle(100, 121, 99, 118), stopFirst))).toEqual([
      'take-profit',
      '120',
      'maker',
    ]);
  });

  it('fills the stop leg as a slipped taker when only the stop is reached', () => {
    // 95 × 0.999 = 94.905
    expect(outcome(evaluateOrder(exitLong, candle(100, 101, 94, 96), stopFirst))).toEqual([
      'stop-loss',
      '94.905',
      'taker',
    ]);
  });

  it('stays open when neither leg is reached', () => {
    expect(evaluateOrder(exitLong, candle(100, 119.99, 95.01, 100), stopFirst)).toEqual({
      status: 'open',
    });
  });

  it('a candle reaching both legs takes the stop first by default', () => {
    expect(outcome(evaluateOrder(exitLong, candle(100, 121, 94, 110), stopFirst))).toEqual([
      'stop-loss',
      '94.905',
      'taker',
    ]);
  });

  it('a candle reaching both legs takes the target with target-first', () => {
    expect(outcome(evaluateOrder(exitLong, candle(100, 121, 94, 110), targetFirst))).toEqual([
      'take-profit',
      '120',
      'maker',
    ]);
  });

  it('a leg reached at the open wins whatever the policy', () => {
    // opens above the target: take profit at the open even though the low also hits the stop
    expect(outcome(evaluateOrder(exitLong, candle(122, 125, 94, 100), stopFirst))).toEqual([
      'take-profit',
      '122',
      'maker',
    ]);
    // opens below the stop: stop at the open (93 × 0.999 = 92.907) even with target-first
    expect(outcome(evaluateOrder(exitLong, candle(93, 121, 90, 100), targetFirst))).toEqual([
      'stop-loss',
      '92.907',
      'taker',
    ]);
  });

  it('a stop-limit leg gapped past its limit rests as a limit and cancels the target', () => {
    const order: OcoOrder = { ...exitLong, stopLimitPrice: dec('94.5') };
    const result = evaluateOrder(order, candle(94, 94.4, 93, 94), stopFirst);
    expect(result).toEqual({
      status: 'triggered',
      leg: 'stop-loss',
      order: { type: 'limit', side: 'sell', quantity: dec(1), limitPrice: dec('94.5') },
    });
    expect(outcome(evaluateOrder(order, candle(100, 101, 94, 96), stopFirst))).toEqual([
      'stop-loss',
      '94.905',
      'taker',
    ]);
  });

  it('a buy OCO (exit of a short) mirrors the sell', () => {
    const exitShort: OcoOrder = {
      type: 'oco',
      side: 'buy',
      quantity: dec(1),
      takeProfitPrice: dec(90),
      stopPrice: dec(110),
    };
    // both reached: stop first, 110 × 1.001 = 110.11
    expect(outcome(evaluateOrder(exitShort, candle(100, 111, 89, 100), stopFirst))).toEqual([
      'stop-loss',
      '110.11',
      'taker',
    ]);
    expect(outcome(evaluateOrder(exitShort, candle(100, 111, 89, 100), targetFirst))).toEqual([
      'take-profit',
      '90',
      'maker',
    ]);
  });

  it('placed now and already past the target at the open, the target takes liquidity', () => {
    // 121 × 0.999 = 120.879 ≥ 120
    expect(
      outcome(evaluateOrder(exitLong, candle(121, 122, 119, 120), stopFirst, { immediate: true })),
    ).toEqual(['take-profit', '120.879', 'taker']);
  });
});

describe('OCO on ticks', () => {
  it('fills the leg the tick reached', () => {
    expect(outcome(evaluateOrder(exitLong, tickPrices(121), stopFirst))).toEqual([
      'take-profit',
      '121',
      'maker',
    ]);
    expect(outcome(evaluateOrder(exitLong, tickPrices(94), stopFirst))).toEqual([
      'stop-loss',
      '93.906',
      'taker',
    ]);
    expect(evaluateOrder(exitLong, tickPrices(100), stopFirst).status).toBe('open');
  });
});

describe('OCO validation', () => {
  it('requires the target on the profitable side of the stop', () => {
    const bad: OcoOrder = { ...exitLong, takeProfitPrice: dec(90) };
    expect(() => evaluateOrder(bad, tickPrices(100), stopFirst)).toThrow(FillError);
    expect(() => evaluateOrder(bad, tickPrices(100), stopFirst)).toThrow(
      'OCO sell: take-profit 90 must be above stop 95',
    );
    const badBuy: OcoOrder = { ...exitLong, side: 'buy' };
    expect(() => evaluateOrder(badBuy, tickPrices(100), stopFirst)).toThrow('must be below stop');
  });
});
