import { describe, expect, it } from 'vitest';
import { backtestRunSchema } from '@/lib/backtests/backtest-input';
import { listStrategies } from '@/lib/core/strategy';
import { withSweep } from './sweep-request';

const sma = listStrategies().find((s) => s.id === 'sma-cross')!;
const body = {
  strategyId: 'sma-cross',
  params: { fastPeriod: 10, slowPeriod: 30, atrPeriod: 14 },
  symbol: 'BTC/USDT',
  timeframe: '1h',
  from: '2025-01-01',
  to: '2025-03-01',
};
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe('withSweep (the form’s sweep fields → the request)', () => {
  it('leaves a single run as it is', () => {
    expect(withSweep(body, form({ mode: 'single' }), sma)).toEqual({ ...body, mode: 'single' });
  });

  it('sweeps the filled rows only, takes them out of the base params, and parses', () => {
    const request = withSweep(
      body,
      form({
        mode: 'walk-forward',
        'grid.fastPeriod.min': '5',
        'grid.fastPeriod.max': '15',
        'grid.slowPeriod.min': '40',
        metric: 'calmar',
        minTrades: '12',
        'wf.unit': 'days',
        'wf.train': '20',
        'wf.test': '5',
      }),
      sma,
    );
    expect(request).toMatchObject({
      params: { atrPeriod: 14 },
      grid: { fastPeriod: { min: 5, max: 15, step: 1 }, slowPeriod: { min: 40, max: 40, step: 1 } },
      metric: 'calmar',
      minTrades: 12,
      walkForward: { unit: 'days', train: 20, test: 5, step: undefined },
    });
    expect(request.params).not.toHaveProperty('fastPeriod');
    const parsed = backtestRunSchema.safeParse(request);
    expect(parsed.success).toBe(true);
  });
});
