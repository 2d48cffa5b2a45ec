import { describe, it, expect } from 'vitest';
import { dec } from '../money';
import { evaluateOrder } from './evaluate-order';
import { createFillConfig } from './fill-config';
import { tickPrices } from './price-bar';
import { type Fill, type Order, type OrderEvaluation } from './types';

/** Maker 0.1%, taker 0.2%, 10 bps slippage: numbers are easy to work out by hand. */
const config = createFillConfig({ makerFeeRate: '0.001', takerFeeRate: '0.002', slippageBps: 10 });
const candle = (open: number, high: number, low: number, close: number) => ({
  open,
  high,
  low,
  close,
});

function fillOf(result: OrderEvaluation): Fill {
  if (result.status !== 'filled') throw new Error(`expected a fill, got ${result.status}`);
  return result.fill;
}

/** Fill reduced to strings for compact assertions. */
function summary(result: OrderEvaluation) {
  const f = fillOf(result);
  return [
    f.side,
    f.price.toString(),
    f.quantity.toString(),
    f.quoteAmount.toString(),
    f.fee.toString(),
    f.liquidity,
  ];
}

const qty = dec('0.5');

describe('market orders', () => {
  it('buy at a tick pays the price plus slippage, as taker', () => {
    const order: Order = { type: 'market', side: 'buy', quantity: qty };
    // 100 × 1.001 = 100.1; 0.5 × 100.1 = 50.05; fee 50.05 × 0.002 = 0.1001
    expect(summary(evaluateOrder(order, tickPrices(100), config))).toEqual([
      'buy',
      '100.1',
      '0.5',
      '50.05',
      '0.1001',
      'taker',
    ]);
  });

  it('sell on a candle gets the open minus slippage', () => {
    const order: Order = { type: 'market', side: 'sell', quantity: qty };
    // 100 × 0.999 = 99.9; 0.5 × 99.9 = 49.95; fee 0.0999
    expect(summary(evaluateOrder(order, candle(100, 120, 80, 90), config))).toEqual([
      'sell',
      '99.9',
      '0.5',
      '49.95',
      '0.0999',
      'taker',
    ]);
  });
});

describe('limit orders', () => {
  const buy: Order = { type: 'limit', side: 'buy', quantity: qty, limitPrice: dec(100) };
  const sell: Order = { type: 'limit', side: 'sell', quantity: qty, limitPrice: dec(110) };

  it('buy fills at the limit when the low reaches it, as maker', () => {
    expect(summary(evaluateOrder(buy, candle(105, 106, 99, 101), config))).toEqual([
      'buy',
      '100',
      '0.5',
      '50',
      '0.05',
      'maker',
    ]);
    expect(fillOf(evaluateOrder(buy, candle(105, 106, 100, 101), config)).price.toString()).toBe(
      '100',
    );
  });

  it('buy fills at the open when the candle opens below the limit (better price)', () => {
    expect(fillOf(evaluateOrder(buy, candle(98, 101, 97, 99), config)).price.toString()).toBe('98');
  });

  it('buy stays open when the low stays above the limit', () => {
    expect(evaluateOrder(buy, candle(105, 106, 100.01, 101), config)).toEqual({ status: 'open' });
  });

  it('sell fills at the limit, or at a higher open', () => {
    expect(fillOf(evaluateOrder(sell, candle(105, 110, 104, 108), config)).price.toString()).toBe(
      '110',
    );
    expect(fillOf(evaluateOrder(sell, candle(112, 113, 109, 110), config)).price.toString()).toBe(
      '112',
    );
    expect(evaluateOrder(sell, candle(105, 109.99, 100, 108), config).status).toBe('open');
  });

  it('on ticks, fills at the tick price once it is at or through the limit', () => {
    expect(fillOf(evaluateOrder(buy, tickPrices(99.5), config)).price.toString()).toBe('99.5');
    expect(fillOf(evaluateOrder(buy, tickPrices(100), config)).liquidity).toBe('maker');
    expect(evaluateOrder(buy, tickPrices(100.5), config).status).toBe('open');
  });

  it('placed now and marketable at the open, takes liquidity with slippage capped at the limit', () => {
    // 98 × 1.001 = 98.098 ≤ 100, taker fee 0.5 × 98.098 × 0.002 = 0.098098
    expect(
      summary(evaluateOrder(buy, candle(98, 101, 97, 99), config, { immediate: true })),
    ).toEqual(['buy', '98.098', '0.5', '49.049', '0.098098', 'taker']);
    // 99.95 × 1.001 = 100.04995 > 100 → capped at the limit
    expect(
      fillOf(evaluateOrder(buy, tickPrices(99.95), config, { immediate: true })).price.toString(),
    ).toBe('100');
  });

  it('placed now but reached only inside the candle, rests and makes', () => {
    expect(
      summary(evaluateOrder(buy, candle(105, 106, 99, 101), config, { immediate: true })),
    ).toEqual(['buy', '100', '0.5', '50', '0.05', 'maker']);
  });
});

describe('stop-market orders', () => {
  const buyStop: Order = { type: 'stop-market', side: 'buy', quantity: qty, stopPrice: dec(110) };
  const sellStop: Order = { type: 'stop-market', side: 'sell', quantity: qty, stopPrice: dec(95) };

  it('buy triggers when the high reaches the stop and fills at the stop plus slippage', () => {
    // 110 × 1.001 = 110.11
    expect(summary(evaluateOrder(buyStop, candle(105, 111, 104, 108), config))).toEqual([
      'buy',
      '110.11',
      '0.5',
      '55.055',
      '0.11011',
      'taker',
    ]);
    expect(evaluateOrder(buyStop, candle(105, 109.99, 104, 108), config).status).toBe('open');
  });

  it('buy gapped through the stop fills at the (worse) open', () => {
    // 112 × 1.001 = 112.112
    expect(
      fillOf(evaluateOrder(buyStop, candle(112, 115, 111, 113), config)).price.toString(),
    ).toBe('112.112');
  });

  it('sell triggers when the low reaches the stop, and gaps fill at the open', () => {
    // 95 × 0.999 = 94.905 ; 93 × 0.999 = 92.907
    expect(fillOf(evaluateOrder(sellStop, candle(100, 101, 94, 96), config)).price.toString()).toBe(
      '94.905',
    );
    expect(fillOf(evaluateOrder(sellStop, candle(93, 96, 92, 95), config)).price.toString()).toBe(
      '92.907',
    );
    expect(evaluateOrder(sellStop, candle(100, 101, 95.01, 96), config).status).toBe('open');
  });

  it('on a tick, fills at the tick price once at or past the stop', () => {
    // 94.5 × 0.999 = 94.4055
    expect(fillOf(evaluateOrder(sellStop, tickPrices(94.5), config)).price.toString()).toBe(
      '94.4055',
    );
    expect(fillOf(evaluateOrder(sellStop, tickPrices(95), config)).price.toString()).toBe('94.905');
    expect(evaluateOrder(sellStop, tickPrices(95.5), config).status).toBe('open');
  });
});

describe('stop-limit orders', () => {
  const sellStopLimit: Order = {
    type: 'stop-limit',
    side: 'sell',
    quantity: qty,
    stopPrice: dec(95),
    limitPrice: dec('94.5'),
  };

  it('fills at once when the trigger price satisfies the limit', () => {
    // triggered at 95; 95 × 0.999 = 94.905 ≥ 94.5
    expect(summary(evaluateOrder(sellStopLimit, candle(100, 101, 94, 96), config))).toEqual([
      'sell',
      '94.905',
      '0.5',
      '47.4525',
      '0.094905',
      'taker',
    ]);
  });

  it('never slips past the limit', () => {
    const wide = createFillConfig({ slippageBps: 100 }); // 95 × 0.99 = 94.05 < 94.5
    expect(
      fillOf(evaluateOrder(sellStopLimit, candle(100, 101, 94, 96), wide)).price.toString(),
    ).toBe('94.5');
  });

  it('gapped past the limit, rests as a limit that fills on a later candle', () => {
    const result = evaluateOrder(sellStopLimit, candle(94, 94.4, 93, 94), config);
    expect(result).toEqual({
      status: 'triggered',
      order: { type: 'limit', side: 'sell', quantity: qty, limitPrice: dec('94.5') },
    });
    if (result.status !== 'triggered') return;
    expect(summary(evaluateOrder(result.order, candle(94.2, 95, 94, 94.8), config))).toEqual([
      'sell',
      '94.5',
      '0.5',
      '47.25',
      '0.04725',
      'maker',
    ]);
  });

  it('buy stop-limit triggers on the high and fills below its limit', () => {
    const buyStopLimit: Order = {
      type: 'stop-limit',
      side: 'buy',
      quantity: qty,
      stopPrice: dec(110),
      limitPrice: dec(111),
    };
    expect(
      fillOf(evaluateOrder(buyStopLimit, candle(105, 112, 104, 108), config)).price.toString(),
    ).toBe('110.11');
    expect(evaluateOrder(buyStopLimit, candle(113, 114, 112, 113), config).status).toBe(
      'triggered',
    );
    expect(evaluateOrder(buyStopLimit, candle(105, 109, 104, 108), config).status).toBe('open');
  });
});

describe('take-profit orders', () => {
  const sellTp: Order = {
    type: 'take-profit',
    side: 'sell',
    quantity: qty,
    triggerPrice: dec(120),
  };

  it('sell triggers when the high reaches the target, fills at the target minus slippage', () => {
    // 120 × 0.999 = 119.88
    expect(summary(evaluateOrder(sellTp, candle(110, 121, 109, 115), config))).toEqual([
      'sell',
      '119.88',
      '0.5',
      '59.94',
      '0.11988',
      'taker',
    ]);
    expect(evaluateOrder(sellTp, candle(110, 119, 109, 115), config).status).toBe('open');
  });

  it('a gap above the target fills at the (better) open', () => {
    // 125 × 0.999 = 124.875
    expect(fillOf(evaluateOrder(sellTp, candle(125, 126, 124, 125), config)).price.toString()).toBe(
      '124.875',
    );
  });

  it('buy take-profit (closing a short) triggers on the low', () => {
    const buyTp: Order = { type: 'take-profit', side: 'buy', quantity: qty, triggerPrice: dec(90) };
    expect(fillOf(evaluateOrder(buyTp, candle(100, 101, 89, 95), config)).price.toString()).toBe(
      '90.09',
    );
    expect(fillOf(evaluateOrder(buyTp, tickPrices(89), config)).price.toString()).toBe('89.089');
  });

  it('with a limit, fills bounded by it or rests when gapped past it', () => {
    const tpLimit: Order = { ...sellTp, limitPrice: dec('119.5') };
    expect(
      fillOf(evaluateOrder(tpLimit, candle(110, 121, 109, 115), config)).price.toString(),
    ).toBe('119.88');
    const strict: Order = { ...sellTp, limitPrice: dec('130') };
    expect(evaluateOrder(strict, candle(110, 121, 109, 115), config).status).toBe('triggered');
  });
});
