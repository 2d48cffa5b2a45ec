import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec } from '../money';
import { sizePosition } from './size-position';
import { stepDecimals } from './step-rounding';
import { type SizingCaps, type SizingInput, type SizingMode } from './types';

const steps = fc.constantFrom(
  '1',
  '0.1',
  '0.01',
  '0.001',
  '0.0001',
  '0.00001',
  '0.00000001',
  '0.5',
  '0.05',
  '10',
);
const ticks = fc.constantFrom('1', '0.1', '0.01', '0.001', '0.00001', '0.00000001', '0.5', '0.25');
const money = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const pct = fc.double({ min: 0.01, max: 100, noNaN: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const modeArb: fc.Arbitrary<SizingMode> = fc.oneof(
  pct.map((riskPct) => ({ kind: 'risk' as const, riskPct })),
  money(0.01, 1e6).map((amount) => ({ kind: 'fixed' as const, amount })),
  fc.record({
    kind: fc.constant('compounding' as const),
    initialAmount: money(0.01, 1e5),
    closedTrades: fc.nat({ max: 50 }),
    allocatedCapital: money(-100, 1e5),
  }),
);

const capsArb: fc.Arbitrary<SizingCaps> = fc.record({
  maxTradeValue: maybe(money(0.01, 1e6)),
  maxTradePct: maybe(pct),
  maxOrderValue: maybe(money(0.01, 1e6)),
  maxPositionRoom: maybe(money(-1000, 1e6)),
  maxRiskPct: maybe(pct),
  sizeMultiplier: fc.double({ min: 0.01, max: 1, noNaN: true }),
});

/** Edge cases: extreme doubles, coarse ticks and steps (mostly rejections). */
const wildInputArb: fc.Arbitrary<SizingInput> = fc
  .record({
    mode: modeArb,
    side: fc.constantFrom('buy' as const, 'sell' as const),
    price: money(0.0001, 1e6),
    stopDistance: fc.option(fc.double({ min: 0.0005, max: 0.5, noNaN: true }), { nil: null }),
    balance: money(0, 1e7),
    feeRate: fc.double({ min: 0, max: 0.01, noNaN: true }),
    caps: capsArb,
    stepSize: steps,
    tickSize: ticks,
    minQty: fc.constantFrom('0', '0.001', '0.1', '1'),
    minNotional: fc.constantFrom('0', '1', '5', '10', '100'),
    maxQty: fc.option(fc.constantFrom('0.5', '1000', '9000000'), { nil: null }),
  })
  .map((r) => ({
    mode: r.mode,
    side: r.side,
    price: r.price,
    stopPrice:
      r.stopDistance === null
        ? null
        : r.side === 'buy'
          ? r.price * (1 - r.stopDistance)
          : r.price * (1 + r.stopDistance),
    balance: r.balance,
    feeRate: r.feeRate,
    caps: r.caps,
    filters: {
      stepSize: r.stepSize,
      tickSize: r.tickSize,
      minQty: r.minQty,
      minNotional: r.minNotional,
      maxQty: r.maxQty,
    },
  }));

/** Integers over a power of ten: spreads values over magnitudes the way markets do. */
const scaled = (maxUnits: number, maxDecimals: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxUnits }), fc.integer({ min: 0, max: maxDecimals }))
    .map(([units, decimals]) => units / 10 ** decimals);
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

/** Markets and accounts as they look in practice (mostly sized orders). */
const realisticInputArb: fc.Arbitrary<SizingInput> = fc
  .record({
    tickDecimals: fc.integer({ min: 0, max: 8 }),
    priceTicks: fc.integer({ min: 1000, max: 10_000_000 }),
    priceNoise: fc.double({ min: 0, max: 0.999, noNaN: true }),
    extraStepDecimals: fc.integer({ min: -2, max: 3 }),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    stopPct: fc.option(fc.double({ min: 0.2, max: 30, noNaN: true }), { nil: null, freq: 4 }),
    balance: scaled(10_000_000, 2),
    feeRate: fc.constantFrom(0, 0.001, 0.00075),
    mode: fc.oneof(
      scaled(500, 1).map((riskPct) => ({ kind: 'risk' as const, riskPct: Math.min(riskPct, 100) })),
      scaled(1_000_000, 2).map((amount) => ({ kind: 'fixed' as const, amount })),
      fc.record({
        kind: fc.constant('compounding' as const),
        initialAmount: scaled(100_000, 2),
        closedTrades: fc.nat({ max: 20 }),
        allocatedCapital: scaled(100_000, 2),
      }),
    ),
    caps: fc.record({
      maxTradeValue: sometimes(scaled(1_000_000, 2)),
      maxTradePct: sometimes(scaled(1000, 1).map((x) => Math.min(x, 100))),
      maxOrderValue: sometimes(scaled(1_000_000, 2)),
      maxPositionRoom: sometimes(scaled(1_000_000, 2)),
      maxRiskPct: sometimes(scaled(100, 1)),
      sizeMultiplier: fc.constantFrom(1, 1, 0.5, 0.25, 0.7, 0.33),
    }),
    minNotional: fc.constantFrom('0', '1', '5', '10'),
    hasMaxQty: fc.boolean(),
  })
  .map((r) => {
    const tick = 10 ** -r.tickDecimals;
    const price = Number(((r.priceTicks + r.priceNoise) * tick).toPrecision(15));
    const priceMagnitude = Math.floor(Math.log10(price));
    const stepDecimals = Math.max(0, Math.min(8, priceMagnitude + r.extraStepDecimals));
    const step = (10 ** -stepDecimals).toFixed(stepDecimals);
    const stopPrice =
      r.stopPct === null
        ? null
        : price * (r.side === 'buy' ? 1 - r.stopPct / 100 : 1 + r.stopPct / 100);
    return {
      mode: r.mode,
      side: r.side,
      price,
      stopPrice,
      balance: r.balance,
      feeRate: r.feeRate,
      caps: r.caps,
      filters: {
        stepSize: step,
        tickSize: tick.toFixed(r.tickDecimals),
        minQty: step,
        minNotional: r.minNotional,
        maxQty: r.hasMaxQty ? '9000' : null,
      },
    };
  });

const inputArb = fc.oneof(
  { arbitrary: realisticInputArb, weight: 4 },
  { arbitrary: wildInputArb, weight: 1 },
);

/** Every quote-value ceiling the result must respect, already multiplied by the size multiplier. */
function valueCeilings(input: SizingInput): Decimal[] {
  const caps = input.caps ?? {};
  const m = dec(caps.sizeMultiplier ?? 1);
  const out: Decimal[] = [];
  if (caps.maxTradeValue != null) out.push(dec(caps.maxTradeValue).mul(m));
  if (caps.maxOrderValue != null) out.push(dec(caps.maxOrderValue).mul(m));
  if (caps.maxTradePct != null)
    out.push(dec(input.balance).mul(caps.maxTradePct).mul('0.01').mul(m));
  if (caps.maxPositionRoom != null) out.push(Decimal.max(0, caps.maxPositionRoom).mul(m));
  if (input.mode.kind === 'fixed') out.push(dec(input.mode.amount).mul(m));
  return out;
}

function riskCeilings(input: SizingInput): Decimal[] {
  const caps = input.caps ?? {};
  const m = dec(caps.sizeMultiplier ?? 1);
  const balance = dec(input.balance);
  const out: Decimal[] = [];
  if (caps.maxRiskPct != null) out.push(balance.mul(caps.maxRiskPct).mul('0.01').mul(m));
  if (input.mode.kind === 'risk') out.push(balance.mul(input.mode.riskPct).mul('0.01').mul(m));
  return out;
}

describe('sizePosition properties', () => {
  it('never exceeds a cap, never returns a bad quantity, always explains a rejection', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = sizePosition(input);
        if (!r.ok) {
          expect(r.code).toMatch(/^[A-Z_]+$/);
          expect(r.message.length).toBeGreaterThan(10);
          for (const v of [r.observed, r.limit]) {
            expect(typeof v === 'string' || typeof v === 'number').toBe(true);
          }
          if (r.code === 'BELOW_MIN_QTY' || r.code === 'BELOW_MIN_NOTIONAL') {
            expect(r.observed).toBeLessThan(r.limit as number);
          }
          return;
        }
        const f = input.filters;
        const qty = dec(r.quantityText);
        const price = dec(r.priceText);
        const notional = qty.mul(price);
        // A finite, positive multiple of the step, as text with the step's precision.
        expect(Number.isFinite(r.quantity) && r.quantity > 0).toBe(true);
        expect(Number(r.quantityText)).toBe(r.quantity);
        expect(qty.roundToStep(f.stepSize, 'floor').eq(qty)).toBe(true);
        expect(r.quantityText.split('.')[1]?.length ?? 0).toBe(stepDecimals(dec(f.stepSize)));
        expect(price.roundToStep(f.tickSize, 'floor').eq(price)).toBe(true);
        expect(notional.eq(r.notionalText)).toBe(true);
        // Price never worse than asked.
        if (input.side === 'buy') expect(r.price).toBeLessThanOrEqual(input.price);
        else expect(r.price).toBeGreaterThanOrEqual(input.price);
        // Market limits.
        expect(qty.gte(f.minQty)).toBe(true);
        expect(notional.gte(f.minNotional)).toBe(true);
        if (f.maxQty != null) expect(qty.lte(f.maxQty)).toBe(true);
        // Every cap, exactly, and as doubles.
        for (const ceiling of valueCeilings(input)) expect(notional.lte(ceiling)).toBe(true);
        expect(notional.mul(dec(input.feeRate ?? 0).add(1)).lte(input.balance)).toBe(true);
        if (input.caps?.maxTradeValue != null)
          expect(r.notional).toBeLessThanOrEqual(input.caps.maxTradeValue);
        if (r.stopPriceText !== null) {
          const stop = dec(r.stopPriceText);
          const loss = qty.mul(price.sub(stop).abs());
          for (const ceiling of riskCeilings(input)) expect(loss.lte(ceiling)).toBe(true);
          expect(input.side === 'buy' ? stop.lt(price) : stop.gt(price)).toBe(true);
        } else {
          expect(input.mode.kind).not.toBe('risk');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('is as large as the binding limit allows (one more step would break it)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = sizePosition(input);
        if (!r.ok) return;
        const m = dec(input.caps?.sizeMultiplier ?? 1);
        const next = dec(r.quantityText).add(input.filters.stepSize);
        const price = dec(r.priceText);
        const fee = dec(input.feeRate ?? 0);
        const caps = input.caps ?? {};
        const balance = dec(input.balance);
        const lossPerUnit =
          r.stopPriceText === null
            ? null
            : price
                .sub(r.stopPriceText)
                .abs()
                .add(fee.mul(price.add(r.stopPriceText)));
        const breaks: Record<string, () => boolean> = {
          amount: () => {
            const mode = input.mode;
            const amount =
              mode.kind === 'fixed'
                ? mode.amount
                : mode.kind === 'compounding'
                  ? mode.closedTrades === 0
                    ? mode.initialAmount
                    : mode.allocatedCapital
                  : 0;
            return next.mul(price).gt(dec(amount).mul(m));
          },
          'risk-budget': () =>
            input.mode.kind === 'risk' &&
            next.mul(lossPerUnit!).gt(balance.mul(input.mode.riskPct).mul('0.01').mul(m)),
          'max-risk': () =>
            next.mul(lossPerUnit!).gt(balance.mul(caps.maxRiskPct!).mul('0.01').mul(m)),
          'max-trade-value': () => next.mul(price).gt(dec(caps.maxTradeValue!).mul(m)),
          'max-order-value': () => next.mul(price).gt(dec(caps.maxOrderValue!).mul(m)),
          'max-trade-pct': () =>
            next.mul(price).gt(balance.mul(caps.maxTradePct!).mul('0.01').mul(m)),
          'max-position-value': () =>
            next.mul(price).gt(Decimal.max(0, caps.maxPositionRoom!).mul(m)),
          balance: () => next.mul(price).mul(fee.add(1)).gt(balance),
          'max-qty': () => next.gt(input.filters.maxQty!),
        };
        expect(breaks[r.limitedBy]!()).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
