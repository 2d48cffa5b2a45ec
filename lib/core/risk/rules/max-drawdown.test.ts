import { describe, expect, it } from 'vitest';
import { makeInput, makePolicy } from '../test-fixtures';
import { drawdownBreached, drawdownPct, maxDrawdownRule } from './max-drawdown';

const on = { maxDrawdown: { enabled: true, maxPct: 20 } };

describe('max-drawdown rule', () => {
  it('is off by default', () => {
    const input = makeInput({ account: { equity: 500 } });
    expect(maxDrawdownRule.evaluate(input)).toMatchObject({
      ok: true,
      status: 'skipped',
      reason: 'disabled',
    });
  });

  it('passes below the limit', () => {
    const input = makeInput({ account: { equity: 810, equityPeak: 1000 } }, on);
    expect(maxDrawdownRule.evaluate(input)).toEqual({
      rule: 'max-drawdown',
      ok: true,
      status: 'passed',
    });
  });

  it('fails once the drawdown reaches the limit exactly', () => {
    const input = makeInput({ account: { equity: 800, equityPeak: 1000 } }, on);
    expect(maxDrawdownRule.evaluate(input)).toEqual({
      rule: 'max-drawdown',
      ok: false,
      status: 'failed',
      code: 'MAX_DRAWDOWN_REACHED',
      message:
        'Drawdown 20% from the equity peak 1000 has reached the 20% limit; only reducing orders are allowed',
      observed: 20,
      limit: 20,
    });
  });

  it('reports the drawdown rounded to 4 decimals', () => {
    const input = makeInput({ account: { equity: 2000, equityPeak: 3000 } }, on);
    expect(maxDrawdownRule.evaluate(input)).toMatchObject({ observed: 33.3333, limit: 20 });
  });

  it('skips reducing orders and a missing peak', () => {
    const reducing = makeInput({ account: { equity: 100 }, order: { reducing: true } }, on);
    expect(maxDrawdownRule.evaluate(reducing)).toMatchObject({
      status: 'skipped',
      reason: 'reducing-order',
    });
    const noPeak = makeInput({ account: { equityPeak: 0 } }, on);
    expect(maxDrawdownRule.evaluate(noPeak)).toMatchObject({
      status: 'skipped',
      reason: 'no-data',
    });
  });

  it('measures drawdown from the peak', () => {
    expect(drawdownPct({ balance: 0, equity: 750, equityPeak: 1000, startOfDayEquity: 0 })).toBe(
      25,
    );
    expect(drawdownPct({ balance: 0, equity: 1200, equityPeak: 1000, startOfDayEquity: 0 })).toBe(
      -20,
    );
    const account = { balance: 0, equity: 790, equityPeak: 1000, startOfDayEquity: 0 };
    expect(drawdownBreached(account, makePolicy(on))).toBe(true);
    expect(drawdownBreached(account, makePolicy())).toBe(false);
  });
});
