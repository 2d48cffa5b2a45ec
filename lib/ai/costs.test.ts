import { describe, expect, it } from 'vitest';
import { decisionCacheKey } from './cache-key';
import { computeCost, estimateCost } from './compute-cost';
import { DEFAULT_MODEL_PRICES, lookupModel } from './model-prices';
import { utcDay } from './budget';

describe('computeCost', () => {
  it('prices uncached input, cached input and output exactly', () => {
    const price = { inputPerMTok: '0.4', cachedInputPerMTok: '0.1', outputPerMTok: '1.6' };
    // 1000 uncached × 0.4 + 2000 cached × 0.1 + 300 out × 1.6 = 400 + 200 + 480 = 1080 per M
    expect(
      computeCost({ inputTokens: 3000, cachedInputTokens: 2000, outputTokens: 300 }, price),
    ).toBe('0.00108');
    expect(estimateCost(3000, 300, price)).toBe('0.00168');
    expect(computeCost({ inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 }, price)).toBe('0');
  });
});

describe('lookupModel', () => {
  it('matches exact names, dated variants by longest prefix, and nothing else', () => {
    expect(lookupModel(DEFAULT_MODEL_PRICES, 'openai', 'gpt-4.1-mini')?.inputPerMTok).toBe('0.4');
    expect(
      lookupModel(DEFAULT_MODEL_PRICES, 'openai', 'gpt-4.1-mini-2025-04-14')?.inputPerMTok,
    ).toBe('0.4');
    expect(lookupModel(DEFAULT_MODEL_PRICES, 'openai', 'gpt-4.1-2025-04-14')?.inputPerMTok).toBe(
      '2',
    );
    expect(lookupModel(DEFAULT_MODEL_PRICES, 'gemini', 'gemini-2.5-flash-lite')?.inputPerMTok).toBe(
      '0.1',
    );
    expect(lookupModel(DEFAULT_MODEL_PRICES, 'openai', 'llama3.1:8b')).toBeUndefined();
    expect(lookupModel(DEFAULT_MODEL_PRICES, 'gemini', 'gpt-4.1')).toBeUndefined();
  });
});

describe('utcDay', () => {
  it('spans the UTC calendar day of the instant', () => {
    const { from, to } = utcDay(new Date('2025-03-09T23:59:59.999Z'));
    expect(from.toISOString()).toBe('2025-03-09T00:00:00.000Z');
    expect(to.toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });
});

describe('decisionCacheKey', () => {
  const key = {
    provider: 'openai',
    model: 'm',
    system: 's',
    user: 'u',
    params: { a: 1, b: { c: 2, d: 3 } },
  };
  it('ignores key order in params and changes with every input', () => {
    expect(decisionCacheKey({ ...key, params: { b: { d: 3, c: 2 }, a: 1 } })).toBe(
      decisionCacheKey(key),
    );
    for (const change of [
      { model: 'n' },
      { user: 'v' },
      { system: 't' },
      { provider: 'gemini' },
      { params: { a: 2 } },
    ]) {
      expect(decisionCacheKey({ ...key, ...change })).not.toBe(decisionCacheKey(key));
    }
    expect(decisionCacheKey(key)).toMatch(/^[0-9a-f]{64}$/);
  });
});
