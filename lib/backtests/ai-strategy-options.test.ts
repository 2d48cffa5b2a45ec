import { describe, expect, it } from 'vitest';
import { decisionEveryBars, decisionPointCount } from './ai-backtest-input';
import { decisionIndices } from './ai-replay';
import { initialSelection } from './ai-strategy-options';

const V = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the backtest form preselection from the URL', () => {
  it('picks an AI version the user has, and ignores one they do not', () => {
    expect(initialSelection({ strategy: 'x', version: V }, [{ id: `ai:${V}` }])).toEqual({
      strategyId: `ai:${V}`,
    });
    expect(initialSelection({ version: V }, [])).toEqual({});
  });

  it('picks a built-in strategy with its params, ignoring unknown ids and bad JSON', () => {
    expect(initialSelection({ strategy: 'sma-cross', params: '{"fastPeriod":5}' }, [])).toEqual({
      strategyId: 'sma-cross',
      params: { fastPeriod: 5 },
    });
    expect(initialSelection({ strategy: 'sma-cross', params: '{bad' }, [])).toEqual({
      strategyId: 'sma-cross',
    });
    expect(initialSelection({ strategy: 'nope' }, [])).toEqual({});
    expect(initialSelection({}, [])).toEqual({});
  });
});

describe('the AI decision cadence', () => {
  it('defaults to about 200 decisions per run', () => {
    expect(decisionEveryBars(100, undefined)).toBe(1);
    expect(decisionEveryBars(4380, undefined)).toBe(22);
    expect(decisionPointCount(4380, 22)).toBe(200);
    expect(decisionEveryBars(4380, 5)).toBe(5);
  });

  it('asks from the first traded bar, never on the last bar', () => {
    expect(decisionIndices(10, 3, 2)).toEqual([3, 5, 7]);
    expect(decisionIndices(10, 3, 1)).toEqual([3, 4, 5, 6, 7, 8]);
  });
});
