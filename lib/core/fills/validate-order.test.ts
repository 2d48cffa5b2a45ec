import { describe, it, expect } from 'vitest';
import { dec } from '../money';
import { evaluateOrder } from './evaluate-order';
import { createFillConfig } from './fill-config';
import { tickPrices } from './price-bar';
import { FillError, type Order } from './types';

const config = createFillConfig();
const qty = dec('0.5');
const candle = (open: number, high: number, low: number, close: number) => ({
  open,
  high,
  low,
  close,
});

describe('validation', () => {
  it('rejects non-positive quantities and prices', () => {
    expect(() =>
      evaluateOrder({ type: 'market', side: 'buy', quantity: dec(0) }, tickPrices(1), config),
    ).toThrow('Quantity must be positive, got 0');
    expect(() =>
      evaluateOrder(
        { type: 'limit', side: 'buy', quantity: qty, limitPrice: dec(-1) },
        tickPrices(1),
        config,
      ),
    ).toThrow(FillError);
    expect(() =>
      evaluateOrder(
        {
          type: 'take-profit',
          side: 'sell',
          quantity: qty,
          triggerPrice: dec(1),
          limitPrice: dec(0),
        },
        tickPrices(1),
        config,
      ),
    ).toThrow('Limit price must be positive, got 0');
  });

  it('rejects inconsistent candles and non-positive prices', () => {
    const order: Order = { type: 'market', side: 'buy', quantity: qty };
    expect(() => evaluateOrder(order, candle(100, 99, 98, 99), config)).toThrow(
      /Inconsistent candle/,
    );
    expect(() => evaluateOrder(order, tickPrices(0), config)).toThrow(
      'Prices must be positive, low is 0',
    );
    expect(() => evaluateOrder(order, tickPrices(NaN), config)).toThrow('Not a finite number: NaN');
  });
});
