import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { riskPerTradeRule } from './risk-per-trade';

describe('risk-per-trade rule', () => {
  it('passes when the loss to the stop is exactly 1% of the balance', () => {
    // 0.01 × (50 000 − 49 000) = 10 = 1% of 1 000.
    expect(riskPerTradeRule.evaluate(makeInput({ order: { quantity: 0.01 } }))).toEqual({
      rule: 'risk-per-trade',
      ok: true,
      status: 'passed',
    });
  });

  it('fails when the loss to the stop is above the budget', () => {
    expect(riskPerTradeRule.evaluate(makeInput({ order: { quantity: 0.015 } }))).toEqual({
      rule: 'risk-per-trade',
      ok: false,
      status: 'failed',
      code: 'RISK_ABOVE_MAX',
      message: 'Loss to the stop 15 is above 1% of the balance (10)',
      observed: 15,
      limit: 10,
    });
  });

  it('measures a short from a stop above the entry', () => {
    const input = makeInput(
      { order: { side: 'sell', quantity: 0.03, price: 50_000, stopPrice: 50_500 } },
      { riskPerTrade: { pct: 2 } },
    );
    expect(riskPerTradeRule.evaluate(input)).toMatchObject({ ok: true });
    const over = makeInput(
      { order: { side: 'sell', quantity: 0.05, price: 50_000, stopPrice: 50_500 } },
      { riskPerTrade: { pct: 2 } },
    );
    expect(riskPerTradeRule.evaluate(over)).toMatchObject({
      code: 'RISK_ABOVE_MAX',
      observed: 25,
      limit: 20,
    });
  });

  it('rejects a stop on the wrong side', () => {
    expect(riskPerTradeRule.evaluate(makeInput({ order: { stopPrice: 51_000 } }))).toEqual({
      rule: 'risk-per-trade',
      ok: false,
      status: 'failed',
      code: 'STOP_ON_WRONG_SIDE',
      message: 'A buy stop must be below the entry price: stop 51000, entry 50000',
      observed: 51_000,
      limit: 50_000,
    });
    const short = makeInput({ order: { side: 'sell', stopPrice: 50_000 } });
    expect(riskPerTradeRule.evaluate(short)).toMatchObject({
      code: 'STOP_ON_WRONG_SIDE',
      observed: 50_000,
    });
  });

  it('skips without a stop unless a stop is required', () => {
    expect(riskPerTradeRule.evaluate(makeInput({ order: { stopPrice: null } }))).toMatchObject({
      status: 'skipped',
      reason: 'no-data',
    });
    const required = makeInput(
      { order: { stopPrice: null } },
      { riskPerTrade: { requireStop: true } },
    );
    expect(riskPerTradeRule.evaluate(required)).toEqual({
      rule: 'risk-per-trade',
      ok: false,
      status: 'failed',
      code: 'STOP_REQUIRED',
      message: 'A stop price is required to open a position',
      observed: 'none',
      limit: 'a stop price',
    });
  });

  it('skips before sizing and for reducing orders', () => {
    expect(riskPerTradeRule.evaluate(makeInput({ order: { quantity: null } }))).toMatchObject({
      reason: 'no-data',
    });
    expect(
      riskPerTradeRule.evaluate(makeInput({ order: { quantity: 5, reducing: true } })),
    ).toMatchObject({
      reason: 'reducing-order',
    });
  });
});
