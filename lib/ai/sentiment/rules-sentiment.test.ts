import { describe, expect, it } from 'vitest';
import { type Candle } from '../../core/types';
import { rulesSentiment } from './rules-sentiment';
import { sentimentUserPrompt } from './sentiment-prompt';
import { symbolSnapshot } from './symbol-snapshot';

const series = (count: number, step: number): Candle[] =>
  Array.from({ length: count }, (_, i) => {
    const close = 100 + i * step + Math.sin(i) * 0.3;
    return {
      time: i * 60_000,
      open: close - step,
      high: close + 0.5,
      low: close - 0.5,
      close,
      volume: 1,
    };
  });

describe('the indicator-based sentiment', () => {
  it('reads a climb as bullish, a slide as bearish, and both together as mixed', () => {
    const up = symbolSnapshot('UP/USDT', '1h', series(80, 0.5))!;
    const down = symbolSnapshot('DOWN/USDT', '1h', series(80, -0.5))!;
    expect(rulesSentiment([up]).overall).toBe('bullish');
    expect(rulesSentiment([down])).toMatchObject({ overall: 'bearish' });
    const both = rulesSentiment([up, down]);
    expect(both.overall).toBe('mixed');
    expect(both.symbols.map((s) => s.sentiment)).toEqual(['bullish', 'bearish']);
    expect(Math.abs(both.score)).toBeLessThan(40);
  });

  it('leaves out symbols without enough history and keeps the prompt compact', () => {
    expect(symbolSnapshot('NEW/USDT', '1h', series(10, 1))).toBeNull();
    const snaps = Array.from({ length: 20 }, (_, i) =>
      symbolSnapshot(`S${i}/USDT`, '1h', series(100, 0.1))!,
    );
    const prompt = sentimentUserPrompt(snaps, new Date(Date.UTC(2026, 0, 1)));
    expect(prompt.split('\n')).toHaveLength(22);
    // Twenty symbols stay far below a decision prompt (~4 characters per token).
    expect(prompt.length / 4).toBeLessThan(2500);
  });
});
