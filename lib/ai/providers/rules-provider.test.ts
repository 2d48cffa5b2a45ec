import { describe, expect, it } from 'vitest';
import { DECISION_OUTPUT_SCHEMA } from '../decision-schema';
import { makeCandles, makeContext } from '../test-fixtures';
import { DEFAULT_SANITY_LIMITS, validateDecision } from '../validate-decision';
import { createRulesProvider, ruleDecision } from './rules-provider';

describe('rules provider', () => {
  it('reports a core strategy decision as a valid AI decision with no usage', async () => {
    const context = makeContext();
    const provider = createRulesProvider({ id: 'sma-cross' }, context);
    const result = await provider({
      system: '',
      user: '',
      schema: DECISION_OUTPUT_SCHEMA,
      model: 'rules:sma-cross',
      timeoutMs: 1000,
    });
    expect(result.usage).toEqual({ inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 });
    expect(result.model).toBe('rules:sma-cross');
    expect(JSON.parse(result.rawText)).toEqual(result.parsed);
    const last = context.candles.at(-1)!.close;
    const checked = validateDecision(result.rawText, result.parsed, {
      lastPrice: last,
      hasPosition: false,
      limits: DEFAULT_SANITY_LIMITS,
    });
    expect(checked.ok).toBe(true);
    expect(
      (result.parsed as { reasoning: string }).reasoning.startsWith('[rules:sma-cross] '),
    ).toBe(true);
  });

  it('turns a rule entry into a buy with its ATR stop as the invalidation', () => {
    // rsi-reversion with a high oversold level buys on the falling leg of the wave.
    const candles = makeCandles(200);
    let found = false;
    for (let n = 40; n <= 200 && !found; n++) {
      const decision = ruleDecision(
        { id: 'rsi-reversion', params: { oversold: 45 } },
        makeContext({ candles: candles.slice(0, n) }),
      );
      if (decision.action !== 'buy') continue;
      found = true;
      const close = candles[n - 1]!.close;
      expect(decision.entry).toBe(close);
      expect(decision.stopLoss!).toBeLessThan(close);
      expect(decision.takeProfit!).toBeGreaterThan(close);
      expect(decision.invalidation).toEqual({
        type: 'close_below',
        price: decision.stopLoss,
        text: expect.any(String),
      });
      expect(decision.confidence).toBeGreaterThanOrEqual(60);
    }
    expect(found).toBe(true);
  });

  it('holds while warming up and with no candles', () => {
    expect(ruleDecision({ id: 'simple' }, makeContext({ candles: makeCandles(10) })).action).toBe(
      'hold',
    );
    expect(ruleDecision({ id: 'simple' }, makeContext({ candles: [] })).reasoning).toContain(
      'No candles',
    );
  });
});
