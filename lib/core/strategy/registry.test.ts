import { describe, it, expect } from 'vitest';
import {
  createStrategy,
  getStrategyOrThrow,
  listStrategies,
  parseStrategyParams,
  STRATEGY_IDS,
} from './registry';
import { StrategyError } from './strategy-error';

describe('strategy registry', () => {
  it('lists the five built-in strategies with documented parameters and defaults', () => {
    const list = listStrategies();
    expect(list.map((s) => s.id)).toEqual([
      'sma-cross',
      'rsi-reversion',
      'volatile',
      'simple',
      'enhanced',
    ]);
    expect(STRATEGY_IDS).toHaveLength(5);
    const sma = list[0]!;
    expect(sma.warmup).toBe(31);
    expect(sma.params.map((p) => [p.key, p.default])).toEqual([
      ['fastPeriod', 10],
      ['slowPeriod', 30],
      ['atrPeriod', 14],
      ['stopLossAtr', 2],
      ['takeProfitAtr', 4],
    ]);
    expect(sma.params[0]).toMatchObject({ label: 'Fast SMA', min: 1, max: 500 });
  });

  it('documents every parameter of every strategy, and nothing else', () => {
    for (const summary of listStrategies()) {
      const defaults = getStrategyOrThrow(summary.id).params.parse({}) as Record<string, unknown>;
      expect(summary.params.map((p) => p.key).sort()).toEqual(Object.keys(defaults).sort());
      for (const p of summary.params) {
        expect(p.label.length).toBeGreaterThan(0);
        expect(p.description.length).toBeGreaterThan(0);
        if (typeof p.default === 'number' && p.min !== undefined && p.max !== undefined) {
          expect(p.default).toBeGreaterThanOrEqual(p.min);
          expect(p.default).toBeLessThanOrEqual(p.max);
        }
      }
      // the listing is plain data
      expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    }
  });

  it('rejects unknown ids with not_found naming the known ones', () => {
    expect(() => getStrategyOrThrow('moon')).toThrow(StrategyError);
    try {
      createStrategy('moon');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'not_found',
        message:
          'Unknown strategy "moon". Known: sma-cross, rsi-reversion, volatile, simple, enhanced',
      });
    }
    expect.assertions(2);
  });

  it('validates parameters with a clear bad_request error per field', () => {
    expect(() => parseStrategyParams('sma-cross', { fastPeriod: 30, slowPeriod: 10 })).toThrow(
      'Invalid parameters for sma-cross: fastPeriod: Fast period must be below slow period',
    );
    let caught: unknown;
    try {
      parseStrategyParams('rsi-reversion', { rsiPeriod: 'fourteen', oversold: 0 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StrategyError);
    const err = caught as StrategyError;
    expect(err.code).toBe('bad_request');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['oversold', 'rsiPeriod']);
    expect(err.message).toMatch(
      /^Invalid parameters for rsi-reversion: rsiPeriod: .+; oversold: .+/,
    );
    expect(() => parseStrategyParams('volatile', { minSignals: 4 })).toThrow(/minSignals/);
    expect(() => parseStrategyParams('enhanced', { rangeAdx: 30, trendAdx: 25 })).toThrow(
      'rangeAdx: Range ADX must be below trend ADX',
    );
  });

  it('fills defaults for missing parameters and keeps given ones', () => {
    expect(parseStrategyParams('sma-cross', { fastPeriod: 5 })).toEqual({
      fastPeriod: 5,
      slowPeriod: 30,
      atrPeriod: 14,
      stopLossAtr: 2,
      takeProfitAtr: 4,
    });
    expect(parseStrategyParams('simple', undefined)).toMatchObject({ fastEma: 20, slowEma: 50 });
    expect(createStrategy('sma-cross', { fastPeriod: 2, slowPeriod: 3, atrPeriod: 2 }).warmup).toBe(
      4,
    );
  });
});
