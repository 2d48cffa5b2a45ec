import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFillConfig, evaluateOrder, type Order, type OrderEvaluation } from '../fills';
import { dec } from '../money';
import { EXIT_NONE, exitPrice, floatFillModel, isTargetExit, touchExit } from './float-fills';
import { parseBacktestOptions, toFillConfigInput } from './options';

/*
 * The engine's float64 fill rules must agree with the exact core fill model
 * (`lib/core/fills`) on which leg fills, at what price (to 1e-12 relative: the core is exact,
 * the engine rounds once or twice) and with which fee rate.
 */

const price = fc.double({ min: 1, max: 1000, noNaN: true });

/** A consistent bar plus exit levels (stop below target) and fill settings. */
const scenario = fc
  .record({
    a: price,
    b: price,
    c: price,
    d: price,
    stopRaw: price,
    gap: fc.double({ min: 0.01, max: 200, noNaN: true }),
    withStop: fc.boolean(),
    withTarget: fc.boolean(),
    feeRate: fc.constantFrom(0, 0.001, 0.00075),
    makerFeeRate: fc.constantFrom(null, 0, 0.0002),
    slippageBps: fc.constantFrom(0, 1, 5, 25),
    bothLegsPolicy: fc.constantFrom('stop-first' as const, 'target-first' as const),
  })
  .map((s) => {
    const [low, o, c, high] = [s.a, s.b, s.c, s.d].sort((x, y) => x - y) as [
      number,
      number,
      number,
      number,
    ];
    // put the open and close at random places inside the range, levels around them
    return {
      bar: { open: s.b >= s.c ? o : c, high, low, close: s.b >= s.c ? c : o },
      stop: s.withStop ? s.stopRaw : NaN,
      target: s.withTarget ? s.stopRaw + s.gap : NaN,
      options: parseBacktestOptions({
        feeRate: s.feeRate,
        makerFeeRate: s.makerFeeRate,
        slippageBps: s.slippageBps,
        bothLegsPolicy: s.bothLegsPolicy,
      }),
    };
  });

function coreExit(stop: number, target: number): Order | null {
  const quantity = dec(1);
  if (stop === stop && target === target) {
    return {
      type: 'oco',
      side: 'sell',
      quantity,
      stopPrice: dec(stop),
      takeProfitPrice: dec(target),
    };
  }
  if (stop === stop) return { type: 'stop-market', side: 'sell', quantity, stopPrice: dec(stop) };
  if (target === target) return { type: 'limit', side: 'sell', quantity, limitPrice: dec(target) };
  return null;
}

function closeTo(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-12 * Math.abs(expected);
}

describe('float fills agree with the exact core fill model', () => {
  it('exit legs: same leg, same price, same liquidity on random bars', () => {
    fc.assert(
      fc.property(scenario, ({ bar, stop, target, options }) => {
        const model = floatFillModel(options);
        const config = createFillConfig(toFillConfigInput(options));
        const code = touchExit(stop, target, bar.open, bar.high, bar.low, model.stopFirst);
        const order = coreExit(stop, target);
        const core: OrderEvaluation = order
          ? evaluateOrder(order, bar, config)
          : { status: 'open' };
        if (core.status !== 'filled') {
          expect(code).toBe(EXIT_NONE);
          return;
        }
        expect(code).not.toBe(EXIT_NONE);
        const coreIsTarget = core.leg
          ? core.leg === 'take-profit'
          : core.fill.liquidity === 'maker';
        expect(isTargetExit(code)).toBe(coreIsTarget);
        const p = exitPrice(model, code, stop, target, bar.open);
        expect(closeTo(p, core.fill.price.toNumber())).toBe(true);
        const rate = isTargetExit(code) ? model.makerFee : model.takerFee;
        const coreRate = core.fill.fee.toNumber() / core.fill.quoteAmount.toNumber();
        expect(Math.abs(rate - coreRate)).toBeLessThan(1e-12);
      }),
      { numRuns: 3000 },
    );
  });

  it('market entries and exits: open slipped against the taker, taker fee', () => {
    fc.assert(
      fc.property(scenario, ({ bar, options }) => {
        const model = floatFillModel(options);
        const config = createFillConfig(toFillConfigInput(options));
        for (const side of ['buy', 'sell'] as const) {
          const core = evaluateOrder({ type: 'market', side, quantity: dec(1) }, bar, config);
          if (core.status !== 'filled') throw new Error('market orders always fill');
          const p = bar.open * (side === 'buy' ? model.buyFactor : model.sellFactor);
          expect(closeTo(p, core.fill.price.toNumber())).toBe(true);
          expect(core.fill.liquidity).toBe('taker');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('books the stop when one bar reaches both legs inside its range (stop-first default)', () => {
    const model = floatFillModel(parseBacktestOptions({ slippageBps: 10 }));
    // open 100, stop 95, target 110, the bar spans 90–115
    expect(exitPrice(model, touchExit(95, 110, 100, 115, 90, true), 95, 110, 100)).toBeCloseTo(
      94.905,
      12,
    );
    expect(exitPrice(model, touchExit(95, 110, 100, 115, 90, false), 95, 110, 100)).toBe(110);
    // a gap through the stop fills at the (worse) open, whatever the policy
    expect(exitPrice(model, touchExit(95, 110, 93, 115, 90, false), 95, 110, 93)).toBeCloseTo(
      92.907,
      12,
    );
  });
});
