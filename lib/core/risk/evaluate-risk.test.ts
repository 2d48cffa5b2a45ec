import { describe, expect, it } from 'vitest';
import { evaluateRisk } from './evaluate-risk';
import { makeContext, makePolicy, NOON } from './test-fixtures';
import { RULE_IDS } from './types';

const at = (day: number, hour: number, minute = 0) => Date.UTC(2024, 0, day, hour, minute);

describe('evaluateRisk', () => {
  it('approves the baseline order with every rule reported in order', () => {
    const result = evaluateRisk(makeContext(), makePolicy());
    expect(result.approved).toBe(true);
    expect(result.tradingState).toBe('active');
    expect(result.failures).toEqual([]);
    expect(result.sizeMultiplier).toBe(1);
    expect(result.results.map((r) => r.rule)).toEqual([...RULE_IDS]);
  });

  it('reports switched-off rules as skipped, not omitted', () => {
    const { results } = evaluateRisk(makeContext(), makePolicy());
    const disabled = results
      .filter((r) => r.status === 'skipped' && r.reason === 'disabled')
      .map((r) => r.rule);
    expect(disabled).toEqual([
      'max-drawdown',
      'daily-loss',
      'trading-hours',
      'max-order-value',
      'max-position-value',
      'stop-loss-cooldown',
    ]);
  });

  it('evaluates every rule even after a failure', () => {
    const context = makeContext({
      killSwitch: { user: true },
      order: { confidence: 40, quantity: 0.01 },
      counters: { tradesToday: 12, openPositions: 10 },
    });
    const result = evaluateRisk(context, makePolicy());
    expect(result.approved).toBe(false);
    expect(result.failures.map((f) => f.code)).toEqual([
      'KILL_SWITCH_USER',
      'CONFIDENCE_BELOW_MIN',
      'TRADE_VALUE_ABOVE_MAX_PCT',
      'MAX_OPEN_POSITIONS',
      'MAX_TRADES_PER_DAY',
    ]);
    expect(result.results).toHaveLength(RULE_IDS.length);
    expect(result.tradingState).toBe('halted');
  });

  describe('trading state', () => {
    const drawdown = { maxDrawdown: { enabled: true, maxPct: 20 } };
    const dailyLoss = { dailyLoss: { enabled: true, maxLoss: 100, maxLossPct: null } };

    it('is halted by either kill switch; the user switch only while its rule is on', () => {
      expect(
        evaluateRisk(makeContext({ killSwitch: { global: true } }), makePolicy()).tradingState,
      ).toBe('halted');
      expect(
        evaluateRisk(makeContext({ killSwitch: { user: true } }), makePolicy()).tradingState,
      ).toBe('halted');
      const off = makePolicy({ killSwitch: { enabled: false } });
      expect(evaluateRisk(makeContext({ killSwitch: { user: true } }), off).tradingState).toBe(
        'active',
      );
      expect(evaluateRisk(makeContext({ killSwitch: { global: true } }), off).tradingState).toBe(
        'halted',
      );
    });

    it('is reducing-only after the drawdown halt or the daily loss limit', () => {
      const deep = makeContext({ account: { equity: 790, equityPeak: 1000 } });
      expect(evaluateRisk(deep, makePolicy(drawdown)).tradingState).toBe('reducing-only');
      expect(evaluateRisk(deep, makePolicy()).tradingState).toBe('active');
      const lossy = makeContext({ counters: { realisedPnlToday: -100 } });
      expect(evaluateRisk(lossy, makePolicy(dailyLoss)).tradingState).toBe('reducing-only');
    });

    it('prefers halted over reducing-only', () => {
      const both = makeContext({ killSwitch: { global: true }, account: { equity: 100 } });
      expect(evaluateRisk(both, makePolicy(drawdown)).tradingState).toBe('halted');
    });
  });

  describe('reducing orders', () => {
    /** A close that would break nearly every rule if it were an opening order. */
    const reducingContext = (patch: Parameters<typeof makeContext>[0] = {}) =>
      makeContext({
        now: at(3, 3, 0),
        ...patch,
        order: {
          reducing: true,
          side: 'sell',
          quantity: 1,
          confidence: 5,
          stopPrice: null,
          ...patch.order,
        },
        account: { balance: 1, equity: 500, equityPeak: 1000, ...patch.account },
        counters: {
          openPositions: 50,
          openPositionsForBot: 5,
          openOrdersForSymbol: 4,
          tradesToday: 99,
          realisedPnlToday: -400,
          lastOrderAt: at(3, 3, 0) - 30_000,
          lastStopLossAt: at(3, 2, 0),
          positionValue: 50_000,
          ...patch.counters,
        },
      });
    const strict = makePolicy({
      maxDrawdown: { enabled: true, maxPct: 10 },
      dailyLoss: { enabled: true, maxLoss: 50, maxLossPct: 1 },
      tradingHours: { enabled: true, windows: [{ startHour: 9, endHour: 17 }] },
      maxOrderValue: { enabled: true, max: 10 },
      maxPositionValue: { enabled: true, max: 10 },
      stopLossCooldown: { enabled: true, minutes: 600 },
    });

    it('pass in the reducing-only state, whatever the other limits say', () => {
      const result = evaluateRisk(reducingContext(), strict);
      expect(result.tradingState).toBe('reducing-only');
      expect(result.approved).toBe(true);
      const reasons = result.results
        .filter((r) => r.rule !== 'kill-switch')
        .map((r) => r.status === 'skipped' && r.reason);
      expect(new Set(reasons)).toEqual(new Set(['reducing-order']));
    });

    it('while the same order as an opening order is rejected by every limit', () => {
      const opening = reducingContext({
        order: { reducing: false, side: 'buy', stopPrice: 40_000 },
      });
      const result = evaluateRisk(opening, strict);
      expect(result.approved).toBe(false);
      expect(result.failures.map((f) => f.rule)).toEqual([
        'max-drawdown',
        'daily-loss',
        'trading-hours',
        'min-confidence',
        'min-balance',
        'max-trade-value',
        'risk-per-trade',
        'max-open-positions',
        'max-open-orders-per-symbol',
        'max-trades-per-day',
        'max-order-value',
        'max-position-value',
        'duplicate-cooldown',
        'stop-loss-cooldown',
      ]);
    });

    it('pass while halted when allowReducing is on, and are rejected when it is off', () => {
      const halted = reducingContext({ killSwitch: { global: true } });
      expect(evaluateRisk(halted, strict)).toMatchObject({
        approved: true,
        tradingState: 'halted',
      });
      const frozen = makePolicy({ killSwitch: { allowReducing: false } });
      const result = evaluateRisk(halted, frozen);
      expect(result.approved).toBe(false);
      expect(result.failures.map((f) => f.code)).toEqual(['KILL_SWITCH_GLOBAL']);
    });
  });

  describe('trading hours across midnight (22:00–06:00 UTC, Mon–Fri openings)', () => {
    const policy = makePolicy({
      tradingHours: {
        enabled: true,
        windows: [{ startHour: 22, endHour: 6 }],
        days: [1, 2, 3, 4, 5],
      },
    });
    const verdict = (now: number) => evaluateRisk(makeContext({ now }), policy).approved;

    it('follows the window through midnight and the day boundaries', () => {
      expect(verdict(at(3, 21, 59))).toBe(false); // Wed before opening
      expect(verdict(at(3, 22, 0))).toBe(true); // Wed opening
      expect(verdict(at(4, 0, 0))).toBe(true); // Thu 00:00, still Wednesday's window
      expect(verdict(at(4, 5, 59))).toBe(true);
      expect(verdict(at(4, 6, 0))).toBe(false);
      expect(verdict(at(6, 1, 0))).toBe(true); // Sat 01:00 inside Friday's window
      expect(verdict(at(6, 23, 0))).toBe(false); // Saturday opening not allowed
      expect(verdict(at(8, 0, 30))).toBe(false); // Mon 00:30 belongs to Sunday's window
    });
  });

  describe('performance adjustment', () => {
    it('raises the minimum confidence and returns the size multiplier', () => {
      const context = makeContext({
        order: { confidence: 65 },
        trackRecord: { closedTrades: 15, winRatePct: 20, losingStreak: 4 },
      });
      const result = evaluateRisk(context, makePolicy());
      expect(result.sizeMultiplier).toBe(0.5);
      expect(result.performance.minConfidence).toBe(70);
      expect(result.performance.reasons.map((r) => r.code)).toEqual([
        'LOW_WIN_RATE',
        'LOSING_STREAK',
      ]);
      expect(result.failures).toEqual([
        expect.objectContaining({ code: 'CONFIDENCE_BELOW_MIN', observed: 65, limit: 70 }),
      ]);
    });
  });

  it('never approves an order with NaN numbers', () => {
    for (const order of [
      { quantity: Number.NaN },
      { price: Number.NaN },
      { confidence: Number.NaN },
    ]) {
      expect(evaluateRisk(makeContext({ order }), makePolicy()).approved).toBe(false);
    }
    expect(
      evaluateRisk(makeContext({ counters: { tradesToday: Number.NaN } }), makePolicy()).approved,
    ).toBe(false);
  });

  it('is deterministic for the same input', () => {
    const context = makeContext({ now: NOON });
    expect(evaluateRisk(context, makePolicy())).toEqual(evaluateRisk(context, makePolicy()));
  });
});
