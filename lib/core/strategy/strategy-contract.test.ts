import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Candle } from '../types';
import { createStrategy, listStrategies } from './registry';
import { replayDecisions } from './replay-decisions';
import { randomWalkCandles } from './test-support';
import { type PositionView } from './types';

const MINUTE = 60_000;
const ids = listStrategies().map((s) => s.id);

/** Random walks as fast-check candles: 80–300 bars, −3%…+3% moves. */
const candlesArb = fc
  .array(
    fc.tuple(
      fc.double({ min: -0.03, max: 0.03, noNaN: true }),
      fc.double({ min: 0, max: 0.01, noNaN: true }),
    ),
    {
      minLength: 80,
      maxLength: 300,
    },
  )
  .map((steps) => {
    let close = 100;
    return steps.map(([move, wick], i): Candle => {
      const open = close;
      close = open * (1 + move);
      return {
        time: i * MINUTE,
        open,
        high: Math.max(open, close) * (1 + wick),
        low: Math.min(open, close) * (1 - wick),
        close,
        volume: 1,
      };
    });
  });

describe.each(ids)('%s contract', (id) => {
  const long = randomWalkCandles(3000, 7);

  it('holds during warm-up and trades after it', () => {
    const decisions = replayDecisions(createStrategy(id), long, MINUTE);
    const warmup = createStrategy(id).warmup;
    expect(decisions.slice(0, warmup - 1).every((d) => d.decision.action === 'hold')).toBe(true);
    expect(decisions.some((d) => d.decision.action === 'buy')).toBe(true);
    expect(decisions.some((d) => d.decision.action === 'close')).toBe(true);
  });

  it('never decides anything but hold before warm-up, even when flat or in a position', () => {
    fc.assert(
      fc.property(candlesArb, fc.boolean(), (candles, inPosition) => {
        const instance = createStrategy(id);
        const position: PositionView | null = inPosition
          ? { side: 'buy', entryPrice: 100, quantity: 1, entryTime: 0 }
          : null;
        candles.slice(0, instance.warmup - 1).forEach((c) => {
          instance.update(c);
          expect(instance.decide({ time: c.time + MINUTE, position }).action).toBe('hold');
        });
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic: the same candles give the same decisions', () => {
    fc.assert(
      fc.property(candlesArb, (candles) => {
        const first = replayDecisions(createStrategy(id), candles, MINUTE);
        const second = replayDecisions(createStrategy(id), candles, MINUTE);
        expect(second).toEqual(first);
      }),
      { numRuns: 20 },
    );
  });

  it('decide changes nothing: asking twice, or extra times, gives the same answers', () => {
    const plain = replayDecisions(createStrategy(id), long, MINUTE).map((d) => d.decision);
    const instance = createStrategy(id);
    let position: PositionView | null = null;
    long.forEach((candle, i) => {
      instance.update(candle);
      const ctx = { time: candle.time + MINUTE, position };
      instance.decide({
        ...ctx,
        position: position ? null : { side: 'buy', entryPrice: 1, quantity: 1, entryTime: 0 },
      });
      const decision = instance.decide(ctx);
      expect(instance.decide(ctx)).toEqual(decision);
      expect(decision).toEqual(plain[i]);
      if (decision.action === 'buy' && !position)
        position = { side: 'buy', entryPrice: candle.close, quantity: 1, entryTime: ctx.time };
      else if (decision.action === 'close' && position) position = null;
    });
  });

  it('decides the same without reasoning text (explain: false, as the backtester asks)', () => {
    const explained = createStrategy(id);
    const silent = createStrategy(id);
    let position: PositionView | null = null;
    long.forEach((candle) => {
      explained.update(candle);
      silent.update(candle);
      const time = candle.time + MINUTE;
      const full = explained.decide({ time, position });
      const bare = silent.decide({ time, position, explain: false });
      expect({ ...bare, reasoning: full.reasoning }).toEqual(full);
      if (full.action !== 'hold') expect(full.reasoning.length).toBeGreaterThan(0);
      if (full.action === 'buy' && !position)
        position = { side: 'buy', entryPrice: candle.close, quantity: 1, entryTime: time };
      else if (full.action === 'close' && position) position = null;
    });
  });

  it('emits sane decisions: only buy/close/hold, confidence 0–100, buy exits around the close', () => {
    const decisions = replayDecisions(createStrategy(id), long, MINUTE);
    for (const { index, decision } of decisions) {
      expect(['buy', 'close', 'hold']).toContain(decision.action);
      expect(Number.isInteger(decision.confidence)).toBe(true);
      expect(decision.confidence).toBeGreaterThanOrEqual(0);
      expect(decision.confidence).toBeLessThanOrEqual(100);
      expect(decision.reasoning.length).toBeGreaterThan(0);
      if (decision.action === 'buy') {
        const close = long[index]!.close;
        expect(decision.confidence).toBeGreaterThanOrEqual(60);
        if (decision.stopLoss !== undefined) expect(decision.stopLoss).toBeLessThan(close);
        if (decision.takeProfit !== undefined) expect(decision.takeProfit).toBeGreaterThan(close);
        if (decision.sizeHint !== undefined) expect(decision.sizeHint).toBeGreaterThan(0);
      }
    }
  });
});
