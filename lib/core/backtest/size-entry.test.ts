import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizePosition, type SizingCaps } from '../sizing';
import { sizeEntry } from './size-entry';

const base = { equity: 1000, cash: 1000, feeRate: 0.001, sizeHint: 1, caps: null, stop: NaN };

describe('sizeEntry', () => {
  it('fraction: position plus entry fee is the fraction of equity', () => {
    const q = sizeEntry({ ...base, sizing: { kind: 'fraction', fraction: 0.5 }, price: 100 });
    // 500 / (100 × 1.001)
    expect(q).toBeCloseTo(4.995004995004995, 12);
  });

  it('fixed: a position worth the amount, the fee on top', () => {
    expect(sizeEntry({ ...base, sizing: { kind: 'fixed', amount: 250 }, price: 50 })).toBe(5);
  });

  it('risk: the loss at the stop including both fees is riskPct of equity', () => {
    const q = sizeEntry({ ...base, sizing: { kind: 'risk', riskPct: 1 }, price: 100, stop: 95 });
    // 10 / (5 + 0.001 × 195) = 10 / 5.195
    expect(q).toBeCloseTo(1.92492781520693, 12);
    expect(sizeEntry({ ...base, sizing: { kind: 'risk', riskPct: 1 }, price: 100 })).toBe(
      'STOP_REQUIRED',
    );
  });

  it('skips a stop at or above the entry, as the core sizing does', () => {
    const sizing = { kind: 'fraction', fraction: 1 } as const;
    expect(sizeEntry({ ...base, sizing, price: 100, stop: 100 })).toBe('STOP_ON_WRONG_SIDE');
  });

  it('scales by the size hint and never spends more cash than there is', () => {
    const sizing = { kind: 'fixed', amount: 5000 } as const;
    expect(sizeEntry({ ...base, sizing, price: 100, sizeHint: 0.5 })).toBeCloseTo(1000 / 100.1, 12);
    expect(sizeEntry({ ...base, sizing, price: 100, cash: 0 })).toBe('NO_CASH');
  });

  it('agrees with the exact core sizePosition (risk and fixed modes, policy caps)', () => {
    const cents = (lo: number, hi: number) =>
      fc.integer({ min: lo * 100, max: hi * 100 }).map((x) => x / 100);
    const capsArb: fc.Arbitrary<SizingCaps> = fc.record({
      maxTradeValue: fc.option(cents(10, 50_000), { nil: null }),
      maxTradePct: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
      maxOrderValue: fc.option(cents(10, 50_000), { nil: null }),
      maxPositionRoom: fc.option(cents(10, 50_000), { nil: null }),
      maxRiskPct: fc.option(fc.constantFrom(0.5, 1, 2), { nil: null }),
      sizeMultiplier: fc.constantFrom(1, 0.5),
    });
    fc.assert(
      fc.property(
        cents(1, 1000),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        cents(100, 100_000),
        fc.constantFrom(0, 0.001, 0.00075),
        fc.constantFrom('risk', 'fixed'),
        fc.option(capsArb, { nil: null }),
        (price, stopRatio, balance, feeRate, kind, caps) => {
          const stop = Math.max(0.01, Math.floor(price * stopRatio * 100) / 100);
          fc.pre(stop < price);
          const amount = balance / 3;
          const core = sizePosition({
            mode: kind === 'risk' ? { kind: 'risk', riskPct: 1 } : { kind: 'fixed', amount },
            side: 'buy',
            price,
            stopPrice: stop,
            balance,
            feeRate,
            caps: caps ?? {},
            filters: { stepSize: '0.00000001', tickSize: '0.01', minQty: 0, minNotional: 0 },
          });
          const mine = sizeEntry({
            sizing: kind === 'risk' ? { kind: 'risk', riskPct: 1 } : { kind: 'fixed', amount },
            price,
            stop,
            equity: balance,
            cash: balance,
            feeRate,
            sizeHint: 1,
            caps,
          });
          if (!core.ok) {
            // only a size below one step (1e-8) can be rejected here
            expect(core.code).toBe('BELOW_MIN_QTY');
            expect(typeof mine === 'string' || mine < 2e-8).toBe(true);
            return;
          }
          if (typeof mine === 'string') throw new Error(`float sizing refused: ${mine}`);
          // the core rounds down to the 1e-8 step; otherwise the same number
          expect(mine - core.quantity).toBeGreaterThanOrEqual(-1e-12 * mine);
          expect(mine - core.quantity).toBeLessThanOrEqual(1e-8 + 1e-12 * mine);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
