import { describe, expect, it } from 'vitest';
import { sizePosition } from './size-position';
import { type SizingInput } from './types';

const filters = { stepSize: '0.001', tickSize: '0.01', minQty: '0.001', minNotional: '5' };

function input(patch: Partial<SizingInput> = {}): SizingInput {
  return {
    mode: { kind: 'risk', riskPct: 1 },
    side: 'buy',
    price: 100,
    stopPrice: 95,
    balance: 1000,
    filters,
    ...patch,
  };
}

describe('sizePosition, risk mode', () => {
  it('sizes the loss at the stop to risk % of the balance', () => {
    // 1000 × 1% / (100 − 95) = 2.
    expect(sizePosition(input())).toEqual({
      ok: true,
      quantity: 2,
      quantityText: '2.000',
      price: 100,
      priceText: '100.00',
      notional: 200,
      notionalText: '200',
      stopPrice: 95,
      stopPriceText: '95.00',
      riskAmount: 10,
      limitedBy: 'risk-budget',
      sizeMultiplier: 1,
    });
  });

  it('rounds down to the step', () => {
    // 1000 × 1% / 3 = 3.3333… → 3.333.
    const r = sizePosition(input({ stopPrice: 97 }));
    expect(r).toMatchObject({
      ok: true,
      quantityText: '3.333',
      notionalText: '333.3',
      riskAmount: 9.999,
    });
  });

  it('is capped by the max trade value and the % of balance', () => {
    expect(sizePosition(input({ caps: { maxTradePct: 10 } }))).toMatchObject({
      quantity: 1,
      notional: 100,
      limitedBy: 'max-trade-pct',
    });
    expect(sizePosition(input({ caps: { maxTradePct: 10, maxTradeValue: 50 } }))).toMatchObject({
      quantity: 0.5,
      limitedBy: 'max-trade-value',
    });
  });

  it('applies the performance multiplier after the caps', () => {
    expect(sizePosition(input({ caps: { maxTradePct: 10, sizeMultiplier: 0.5 } }))).toMatchObject({
      quantity: 0.5,
      notional: 50,
      limitedBy: 'max-trade-pct',
      sizeMultiplier: 0.5,
    });
    expect(sizePosition(input({ caps: { sizeMultiplier: 0.25 } }))).toMatchObject({
      quantity: 0.5,
      riskAmount: 2.5,
    });
  });

  it('counts fees at entry and at the stop', () => {
    // loss per unit = 5 + 0.001 × (100 + 95) = 5.195 → 10 / 5.195 = 1.9249… → 1.924.
    const r = sizePosition(input({ feeRate: 0.001 }));
    expect(r).toMatchObject({ ok: true, quantityText: '1.924', riskAmount: 9.99518 });
  });

  it('never spends more than the balance (no leverage)', () => {
    const r = sizePosition(
      input({ stopPrice: 99.99, balance: 100, mode: { kind: 'risk', riskPct: 5 } }),
    );
    expect(r).toMatchObject({ ok: true, quantity: 1, notional: 100, limitedBy: 'balance' });
  });

  it("respects the market's max quantity", () => {
    const r = sizePosition(input({ filters: { ...filters, maxQty: '1.5' } }));
    expect(r).toMatchObject({ quantity: 1.5, limitedBy: 'max-qty' });
  });

  it('sizes a short from a stop above the entry, rounding prices up', () => {
    const r = sizePosition(input({ side: 'sell', price: 100.004, stopPrice: 105.001 }));
    // entry 100.01, stop 105.01 → distance 5 → 2.
    expect(r).toMatchObject({
      ok: true,
      priceText: '100.01',
      stopPriceText: '105.01',
      quantity: 2,
    });
  });

  it('rounds the entry down and the stop away from it for a buy', () => {
    const r = sizePosition(input({ price: 100.009, stopPrice: 95.009 }));
    expect(r).toMatchObject({ priceText: '100.00', stopPriceText: '95.00', quantity: 2 });
  });

  it('needs a stop on the right side', () => {
    expect(sizePosition(input({ stopPrice: null }))).toEqual({
      ok: false,
      code: 'STOP_REQUIRED',
      message: 'Risk-based sizing needs a stop price',
      observed: 'none',
      limit: 'a stop price',
    });
    expect(sizePosition(input({ stopPrice: 100.004 }))).toEqual({
      ok: false,
      code: 'STOP_ON_WRONG_SIDE',
      message:
        'A buy stop must be below the entry: stop 100.00, entry 100.00 (after rounding to the tick)',
      observed: 100,
      limit: 100,
    });
  });
});

describe('sizePosition, fixed and compounding modes', () => {
  it('spends a fixed amount', () => {
    expect(
      sizePosition(input({ mode: { kind: 'fixed', amount: 30 }, stopPrice: null, price: 7 })),
    ).toMatchObject({
      ok: true,
      quantityText: '4.285',
      notionalText: '29.995',
      riskAmount: null,
      stopPrice: null,
      limitedBy: 'amount',
    });
  });

  it('shrinks a fixed amount to the max risk when a stop is given', () => {
    // 100 / 100 = 1 unit, but a 20-point stop loses 20 > 1% of 1000; 10 / 20 = 0.5.
    const r = sizePosition(
      input({ mode: { kind: 'fixed', amount: 100 }, stopPrice: 80, caps: { maxRiskPct: 1 } }),
    );
    expect(r).toMatchObject({ quantity: 0.5, riskAmount: 10, limitedBy: 'max-risk' });
  });

  it('uses the initial amount first, then the allocated capital', () => {
    const first = {
      kind: 'compounding' as const,
      initialAmount: 100,
      closedTrades: 0,
      allocatedCapital: 0,
    };
    expect(sizePosition(input({ mode: first, stopPrice: null }))).toMatchObject({
      quantity: 1,
      limitedBy: 'amount',
    });
    const later = { ...first, closedTrades: 4, allocatedCapital: 125.5 };
    expect(sizePosition(input({ mode: later, stopPrice: null }))).toMatchObject({
      quantityText: '1.255',
    });
    const broke = { ...first, closedTrades: 4, allocatedCapital: -3 };
    expect(sizePosition(input({ mode: broke }))).toEqual({
      ok: false,
      code: 'CAPITAL_EXHAUSTED',
      message: "The bot's allocated capital -3 leaves nothing to trade",
      observed: -3,
      limit: '> 0',
    });
  });
});

describe('sizePosition, market minimums', () => {
  it('rejects a quantity below the minimum with the numbers', () => {
    const r = sizePosition(input({ filters: { ...filters, minQty: '3' } }));
    expect(r).toEqual({
      ok: false,
      code: 'BELOW_MIN_QTY',
      message: 'Quantity 2.000 (limited by the risk budget) is below the market minimum 3',
      observed: 2,
      limit: 3,
    });
  });

  it('rejects a zero quantity', () => {
    const r = sizePosition(input({ caps: { maxPositionRoom: -10 } }));
    expect(r).toMatchObject({ ok: false, code: 'BELOW_MIN_QTY', observed: 0, limit: 0.001 });
    expect(r.ok || r.message).toBe(
      'Quantity 0.000 (limited by the max position value) is below the market minimum 0.001',
    );
  });

  it('rejects a value below the min notional, not rounding up to it', () => {
    const r = sizePosition(input({ caps: { maxTradeValue: 4.999 } }));
    expect(r).toEqual({
      ok: false,
      code: 'BELOW_MIN_NOTIONAL',
      message: 'Order value 4.9 (limited by the max trade value) is below the market minimum 5',
      observed: 4.9,
      limit: 5,
    });
  });
});

describe('sizePosition, invalid input', () => {
  it.each([
    [{ price: 0 }, 'INVALID_PRICE'],
    [{ price: Number.NaN }, 'INVALID_PRICE'],
    [{ price: 0.001 }, 'INVALID_PRICE'],
    [{ balance: -1 }, 'INVALID_BALANCE'],
    [{ balance: Number.POSITIVE_INFINITY }, 'INVALID_BALANCE'],
    [{ stopPrice: -5 }, 'INVALID_STOP'],
    [{ feeRate: 1 }, 'INVALID_SIZING_MODE'],
    [{ mode: { kind: 'risk', riskPct: 0 } }, 'INVALID_SIZING_MODE'],
    [{ mode: { kind: 'fixed', amount: Number.NaN } }, 'INVALID_SIZING_MODE'],
    [{ caps: { sizeMultiplier: 0 } }, 'INVALID_CAP'],
    [{ caps: { sizeMultiplier: 1.5 } }, 'INVALID_CAP'],
    [{ caps: { maxTradeValue: -1 } }, 'INVALID_CAP'],
    [{ caps: { maxTradePct: 150 } }, 'INVALID_CAP'],
    [{ filters: { ...filters, stepSize: '0' } }, 'INVALID_MARKET_FILTERS'],
    [{ filters: { ...filters, tickSize: 'abc' } }, 'INVALID_MARKET_FILTERS'],
    [{ filters: { ...filters, minNotional: -1 } }, 'INVALID_MARKET_FILTERS'],
  ] as [Partial<SizingInput>, string][])('rejects %j with %s', (patch, code) => {
    const r = sizePosition(input(patch));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message.length).toBeGreaterThan(10);
    }
  });
});
