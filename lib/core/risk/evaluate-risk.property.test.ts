import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizePosition } from '../sizing/size-position';
import { sizingCapsFromPolicy } from '../sizing/sizing-caps-from-policy';
import { evaluateRisk } from './evaluate-risk';
import { riskPolicySchema, type RiskPolicy } from './policy-schema';
import { inTradingHours } from './rules/trading-hours';
import { makeContext, NOON } from './test-fixtures';
import { RULE_IDS, type RiskContext } from './types';

const amount = (max: number) => fc.integer({ min: 1, max: max * 100 }).map((n) => n / 100);
const pct = fc.integer({ min: 1, max: 1000 }).map((n) => n / 10);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** Any valid policy: every rule randomly on or off with random limits. */
const policyArb: fc.Arbitrary<RiskPolicy> = fc
  .record({
    killSwitch: fc.record({ enabled: fc.boolean(), allowReducing: fc.boolean() }),
    maxDrawdown: fc.record({ enabled: fc.boolean(), maxPct: pct }),
    dailyLoss: fc.record({
      enabled: fc.boolean(),
      maxLoss: nullable(amount(1000)),
      maxLossPct: nullable(pct),
    }),
    tradingHours: fc.record({
      enabled: fc.boolean(),
      windows: fc
        .array(
          fc.record({
            startHour: fc.integer({ min: 0, max: 23 }),
            startMinute: fc.integer({ min: 0, max: 59 }),
            endHour: fc.integer({ min: 0, max: 23 }),
            endMinute: fc.integer({ min: 0, max: 59 }),
          }),
          { minLength: 1, maxLength: 3 },
        )
        .filter((ws) =>
          ws.every((w) => w.startHour * 60 + w.startMinute !== w.endHour * 60 + w.endMinute),
        ),
      days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    }),
    minConfidence: fc.record({ enabled: fc.boolean(), min: fc.integer({ min: 0, max: 100 }) }),
    minBalance: fc.record({ enabled: fc.boolean(), min: amount(1000) }),
    minTradeValue: fc.record({
      enabled: fc.boolean(),
      min: nullable(amount(20)),
      minPct: nullable(pct.map((p) => p / 10)),
    }),
    maxTradeValue: fc.record({
      enabled: fc.boolean(),
      max: nullable(amount(100_000)),
      maxPct: nullable(pct),
    }),
    riskPerTrade: fc.record({
      enabled: fc.boolean(),
      pct: pct.map((p) => p / 10),
      requireStop: fc.boolean(),
    }),
    maxOpenPositions: fc.record({
      enabled: fc.boolean(),
      total: nullable(fc.integer({ min: 5, max: 50 })),
      perBot: nullable(fc.integer({ min: 1, max: 5 })),
    }),
    maxOpenOrdersPerSymbol: fc.record({
      enabled: fc.boolean(),
      max: fc.integer({ min: 1, max: 5 }),
    }),
    maxTradesPerDay: fc.record({ enabled: fc.boolean(), max: fc.integer({ min: 1, max: 100 }) }),
    maxOrderValue: fc.record({ enabled: fc.boolean(), max: amount(100_000) }),
    maxPositionValue: fc.record({ enabled: fc.boolean(), max: amount(100_000) }),
    duplicateCooldown: fc.record({
      enabled: fc.boolean(),
      seconds: fc.integer({ min: 1, max: 3600 }),
    }),
    stopLossCooldown: fc.record({
      enabled: fc.boolean(),
      minutes: fc.integer({ min: 1, max: 600 }),
    }),
    performance: fc.record({
      enabled: fc.boolean(),
      minTrades: fc.integer({ min: 1, max: 15 }),
      winRateBelowPct: fc.integer({ min: 0, max: 100 }),
      losingStreakAtLeast: fc.integer({ min: 1, max: 10 }),
      confidenceIncrease: fc.integer({ min: 0, max: 30 }),
      sizeMultiplier: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
    }),
  })
  .map((patch) => riskPolicySchema.safeParse(patch))
  .filter((r) => r.success)
  .map((r) => r.data);

const contextArb: fc.Arbitrary<RiskContext> = fc
  .record({
    now: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    reducing: fc.boolean(),
    quantity: nullable(amount(10)),
    price: amount(100_000),
    stopOffset: nullable(fc.integer({ min: -2000, max: 2000 }).map((n) => n / 100)),
    confidence: nullable(fc.integer({ min: 0, max: 100 })),
    botId: nullable(fc.constantFrom('bot-1', 'bot-2')),
    balance: amount(100_000),
    equity: amount(100_000),
    peakExtra: amount(50_000),
    openPositions: fc.nat({ max: 60 }),
    openPositionsForBot: fc.nat({ max: 6 }),
    openOrdersForSymbol: fc.nat({ max: 6 }),
    tradesToday: fc.nat({ max: 120 }),
    realisedPnlToday: fc.integer({ min: -200_000, max: 200_000 }).map((n) => n / 100),
    lastOrderAgo: nullable(fc.integer({ min: -10_000, max: 7_200_000 })),
    lastStopLossAgo: nullable(fc.integer({ min: 0, max: 72_000_000 })),
    positionValue: amount(100_000),
    global: fc.boolean(),
    user: fc.boolean(),
    trackRecord: nullable(
      fc.record({
        closedTrades: fc.integer({ min: 0, max: 15 }),
        winRatePct: fc.integer({ min: 0, max: 100 }),
        losingStreak: fc.nat({ max: 15 }),
      }),
    ),
  })
  .map((r) =>
    makeContext({
      now: r.now,
      order: {
        side: r.side,
        reducing: r.reducing,
        quantity: r.quantity,
        price: r.price,
        stopPrice: r.stopOffset === null ? null : r.price * (1 + r.stopOffset / 100),
        confidence: r.confidence,
        botId: r.botId,
      },
      account: {
        balance: r.balance,
        equity: r.equity,
        equityPeak: r.equity + r.peakExtra,
        startOfDayEquity: r.equity,
      },
      counters: {
        openPositions: r.openPositions,
        openPositionsForBot: r.openPositionsForBot,
        openOrdersForSymbol: r.openOrdersForSymbol,
        tradesToday: r.tradesToday,
        realisedPnlToday: r.realisedPnlToday,
        lastOrderAt: r.lastOrderAgo === null ? null : r.now - r.lastOrderAgo,
        lastStopLossAt: r.lastStopLossAgo === null ? null : r.now - r.lastStopLossAgo,
        positionValue: r.positionValue,
      },
      killSwitch: { global: r.global, user: r.user },
      trackRecord: r.trackRecord,
    }),
  );

describe('evaluateRisk properties', () => {
  it('reports every rule once, in order, and every rejection with a code and its numbers', () => {
    fc.assert(
      fc.property(contextArb, policyArb, (context, policy) => {
        const result = evaluateRisk(context, policy);
        expect(result.results.map((r) => r.rule)).toEqual([...RULE_IDS]);
        expect(result.approved).toBe(result.failures.length === 0);
        expect(result.failures).toEqual(result.results.filter((r) => !r.ok));
        for (const f of result.failures) {
          expect(f.code).toMatch(/^[A-Z_]+$/);
          expect(f.message.length).toBeGreaterThan(10);
          for (const v of [f.observed, f.limit]) {
            expect(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))).toBe(
              true,
            );
          }
        }
        for (const r of result.results) {
          if (r.status === 'skipped') expect(r.note.length).toBeGreaterThan(0);
          if (r.status === 'skipped' && r.reason === 'disabled')
            expect(policy[ALL_KEYS[r.rule]].enabled).toBe(false);
        }
        expect(result.sizeMultiplier).toBeGreaterThan(0);
        expect(result.sizeMultiplier).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1500 },
    );
  });

  it('approves every reducing order unless a kill switch forbids reducing', () => {
    fc.assert(
      fc.property(contextArb, policyArb, (context, policy) => {
        const reducing = { ...context, order: { ...context.order, reducing: true } };
        const result = evaluateRisk(reducing, policy);
        const halted = result.tradingState === 'halted';
        expect(result.approved).toBe(!halted || policy.killSwitch.allowReducing);
      }),
      { numRuns: 1000 },
    );
  });

  it('approves no opening order while halted or reducing-only', () => {
    fc.assert(
      fc.property(contextArb, policyArb, (context, policy) => {
        const opening = { ...context, order: { ...context.order, reducing: false } };
        const result = evaluateRisk(opening, policy);
        if (result.tradingState !== 'active') expect(result.approved).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('never fails a size rule for an order sized from the same policy', () => {
    fc.assert(
      fc.property(
        policyArb,
        amount(100_000),
        fc.integer({ min: 100, max: 10_000_000 }).map((n) => n / 100),
        fc.integer({ min: 1, max: 300 }).map((n) => n / 10),
        amount(5000),
        fc.constantFrom('0.001', '0.0001', '0.01', '1'),
        (policy, balance, price, stopPct, positionValue, stepSize) => {
          const sizeMultiplier = 0.5;
          const stopPrice = price * (1 - stopPct / 100);
          const sized = sizePosition({
            mode: { kind: 'risk', riskPct: 2 },
            side: 'buy',
            price,
            stopPrice,
            balance,
            caps: sizingCapsFromPolicy(policy, { sizeMultiplier, positionValue }),
            filters: { stepSize, tickSize: '0.01', minQty: stepSize, minNotional: '1' },
          });
          if (!sized.ok) return;
          const context = makeContext({
            now: NOON,
            order: { quantity: sized.quantity, price: sized.price, stopPrice: sized.stopPrice },
            account: { balance },
            counters: { positionValue },
          });
          const failedRules = evaluateRisk(context, policy).failures.map((f) => f.rule);
          for (const rule of [
            'max-trade-value',
            'risk-per-trade',
            'max-order-value',
            'max-position-value',
          ]) {
            expect(failedRules).not.toContain(rule);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('agrees with a plain reading of the trading windows', () => {
    const windowArb = fc
      .record({
        startHour: fc.integer({ min: 0, max: 23 }),
        startMinute: fc.integer({ min: 0, max: 59 }),
        endHour: fc.integer({ min: 0, max: 23 }),
        endMinute: fc.integer({ min: 0, max: 59 }),
      })
      .filter((w) => w.startHour !== w.endHour || w.startMinute !== w.endMinute);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), windowArb, (now, w) => {
        const d = new Date(now);
        const minute = d.getUTCHours() * 60 + d.getUTCMinutes();
        const start = w.startHour * 60 + w.startMinute;
        const end = w.endHour * 60 + w.endMinute;
        const expected =
          start < end ? minute >= start && minute < end : minute >= start || minute < end;
        expect(inTradingHours(now, [w], [0, 1, 2, 3, 4, 5, 6])).toBe(expected);
        // With only the opening day allowed, the part after midnight belongs to yesterday.
        const openDay = start > end && minute < end ? (d.getUTCDay() + 6) % 7 : d.getUTCDay();
        expect(inTradingHours(now, [w], [openDay])).toBe(expected);
        expect(inTradingHours(now, [w], [(openDay + 1) % 7])).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

/** Rule id → policy key, e.g. `min-confidence` → `minConfidence`. */
const ALL_KEYS = Object.fromEntries(
  RULE_IDS.map((id) => [id, id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())]),
) as Record<(typeof RULE_IDS)[number], keyof RiskPolicy>;
