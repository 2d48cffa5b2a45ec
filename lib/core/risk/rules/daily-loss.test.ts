import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { dailyLossRule } from './daily-loss';

const abs = { dailyLoss: { enabled: true, maxLoss: 50, maxLossPct: null } };
const pct = { dailyLoss: { enabled: true, maxLoss: null, maxLossPct: 5 } };

describe('daily-loss rule', () => {
  it('is off by default', () => {
    const input = makeInput({ counters: { realisedPnlToday: -500 } });
    expect(dailyLossRule.evaluate(input)).toMatchObject({ status: 'skipped', reason: 'disabled' });
  });

  it('passes with a profit or a loss under the limit', () => {
    expect(dailyLossRule.evaluate(makeInput({ counters: { realisedPnlToday: 30 } }, abs)).ok).toBe(
      true,
    );
    expect(
      dailyLossRule.evaluate(makeInput({ counters: { realisedPnlToday: -49.99 } }, abs)).ok,
    ).toBe(true);
  });

  it('fails when the absolute limit is reached', () => {
    const input = makeInput({ counters: { realisedPnlToday: -50 } }, abs);
    expect(dailyLossRule.evaluate(input)).toEqual({
      rule: 'daily-loss',
      ok: false,
      status: 'failed',
      code: 'DAILY_LOSS_LIMIT',
      message:
        'Realised loss today 50 has reached the daily limit 50; only reducing orders are allowed until 00:00 UTC',
      observed: 50,
      limit: 50,
    });
  });

  it('fails when the % of start-of-day equity is reached', () => {
    const input = makeInput(
      { counters: { realisedPnlToday: -60 }, account: { startOfDayEquity: 1200 } },
      pct,
    );
    expect(dailyLossRule.evaluate(input)).toEqual({
      rule: 'daily-loss',
      ok: false,
      status: 'failed',
      code: 'DAILY_LOSS_PCT_LIMIT',
      message:
        'Realised loss today 60 has reached 5% of the start-of-day equity (60); only reducing orders are allowed until 00:00 UTC',
      observed: 60,
      limit: 60,
    });
    const under = makeInput(
      { counters: { realisedPnlToday: -59 }, account: { startOfDayEquity: 1200 } },
      pct,
    );
    expect(dailyLossRule.evaluate(under).ok).toBe(true);
  });

  it('checks the absolute limit before the percentage', () => {
    const both = { dailyLoss: { enabled: true, maxLoss: 40, maxLossPct: 1 } };
    const input = makeInput({ counters: { realisedPnlToday: -100 } }, both);
    expect(dailyLossRule.evaluate(input)).toMatchObject({ code: 'DAILY_LOSS_LIMIT', limit: 40 });
  });

  it('skips reducing orders', () => {
    const input = makeInput(
      { counters: { realisedPnlToday: -500 }, order: { reducing: true } },
      abs,
    );
    expect(dailyLossRule.evaluate(input)).toMatchObject({
      status: 'skipped',
      reason: 'reducing-order',
    });
  });

  it('fails closed on a NaN P&L', () => {
    const input = makeInput({ counters: { realisedPnlToday: Number.NaN } }, abs);
    expect(dailyLossRule.evaluate(input)).toMatchObject({ ok: false, code: 'DAILY_LOSS_LIMIT' });
  });
});
