import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_POLICY } from './default-policy';
import { botRiskOverridesSchema, riskPolicySchema } from './policy-schema';

/** `path: message` for every issue, in order. */
function issues(
  input: unknown,
  schema: {
    safeParse(x: unknown): { error?: { issues: { path: PropertyKey[]; message: string }[] } };
  } = riskPolicySchema,
): string[] {
  const result = schema.safeParse(input);
  return (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

describe('riskPolicySchema', () => {
  it('fills every default from an empty object', () => {
    expect(riskPolicySchema.parse({})).toEqual(DEFAULT_RISK_POLICY);
  });

  it('documents the common-practice defaults', () => {
    const p = DEFAULT_RISK_POLICY;
    expect(p.minConfidence).toEqual({ enabled: true, min: 60 });
    expect(p.minBalance).toEqual({ enabled: true, min: 10 });
    expect(p.minTradeValue).toEqual({ enabled: true, min: 5, minPct: null });
    expect(p.maxTradeValue).toEqual({ enabled: true, max: null, maxPct: 10 });
    expect(p.riskPerTrade).toEqual({ enabled: true, pct: 1, requireStop: false });
    expect(p.maxTradesPerDay).toEqual({ enabled: true, max: 10 });
  });

  it('fills missing fields of a rule from the defaults', () => {
    const p = riskPolicySchema.parse({
      minConfidence: { min: 72 },
      maxOrderValue: { enabled: true },
    });
    expect(p.minConfidence).toEqual({ enabled: true, min: 72 });
    expect(p.maxOrderValue).toEqual({ enabled: true, max: 1000 });
    expect(p.riskPerTrade).toEqual(DEFAULT_RISK_POLICY.riskPerTrade);
  });

  it('accepts a full policy unchanged and drops unknown keys', () => {
    expect(riskPolicySchema.parse({ ...DEFAULT_RISK_POLICY, extra: 1 })).toEqual(
      DEFAULT_RISK_POLICY,
    );
  });

  it('explains bad field values', () => {
    expect(
      issues({
        minConfidence: { min: 120 },
        riskPerTrade: { pct: 0 },
        minBalance: { min: -5 },
        maxTradesPerDay: { max: 2.5 },
        duplicateCooldown: { seconds: 0 },
        performance: { sizeMultiplier: 1.5 },
        maxTradeValue: { maxPct: 'ten' },
        killSwitch: { enabled: 'yes' },
      }),
    ).toEqual([
      'killSwitch.enabled: Kill switch: enabled must be true or false',
      'minConfidence.min: Minimum confidence must be between 0 and 100',
      'minBalance.min: Minimum balance must be greater than 0',
      'maxTradeValue.maxPct: Maximum trade value % must be a number',
      'riskPerTrade.pct: Risk per trade % must be above 0 and at most 100',
      'maxTradesPerDay.max: Max trades per day must be a whole number',
      'duplicateCooldown.seconds: Duplicate cooldown seconds must be at least 1',
      'performance.sizeMultiplier: Performance: size multiplier must be above 0 and at most 1',
    ]);
  });

  it('rejects infinities', () => {
    expect(issues({ maxOrderValue: { max: Number.POSITIVE_INFINITY } })).toHaveLength(1);
  });

  it('explains bad trading hours', () => {
    expect(
      issues({
        tradingHours: {
          enabled: true,
          windows: [
            { startHour: 24, endHour: 6 },
            { startHour: 9, startMinute: 60, endHour: 11 },
            { startHour: 9, startMinute: 30, endHour: 9, endMinute: 30 },
          ],
          days: [1, 3, 7],
        },
      }),
    ).toEqual([
      'tradingHours.windows.0.startHour: Start hour must be a whole number from 0 to 23',
      'tradingHours.windows.1.startMinute: Start minute must be a whole number from 0 to 59',
      'tradingHours.windows.2: A trading window cannot start and end at the same time',
      'tradingHours.days.2: Trading days are whole numbers from 0 (Sunday) to 6 (Saturday)',
    ]);
    expect(issues({ tradingHours: { days: [2, 2] } })).toEqual([
      'tradingHours.days: Trading days must not repeat',
    ]);
    expect(issues({ tradingHours: { days: [] } })).toEqual([
      'tradingHours.days: Pick at least one trading day, or switch trading hours off',
    ]);
  });

  it('accepts a window crossing midnight and defaults its minutes to 0', () => {
    const p = riskPolicySchema.parse({
      tradingHours: { enabled: true, windows: [{ startHour: 22, endHour: 6 }] },
    });
    expect(p.tradingHours.windows).toEqual([
      { startHour: 22, startMinute: 0, endHour: 6, endMinute: 0 },
    ]);
  });

  it('checks relations between rules', () => {
    expect(
      issues({
        minTradeValue: { min: 50, minPct: 20 },
        maxTradeValue: { max: 20, maxPct: 10 },
        maxOrderValue: { enabled: true, max: 30 },
        maxOpenPositions: { total: 2, perBot: 3 },
        tradingHours: { enabled: true },
      }),
    ).toEqual([
      'maxOpenPositions.perBot: Open positions per bot (3) cannot exceed the total (2)',
      'tradingHours.windows: Trading hours are on: add at least one window',
      'maxTradeValue.max: Minimum trade value 50 is above the maximum trade value 20',
      'maxOrderValue.max: Minimum trade value 50 is above the max order value 30',
      'maxTradeValue.maxPct: Minimum trade value 20% of balance is above the maximum 10%',
    ]);
  });

  it('requires a limit on switched-on rules with optional limits', () => {
    expect(
      issues({
        dailyLoss: { enabled: true, maxLoss: null, maxLossPct: null },
        minTradeValue: { min: null },
        maxTradeValue: { maxPct: null },
        maxOpenPositions: { total: null, perBot: null },
      }),
    ).toEqual([
      'dailyLoss: Daily loss limit is on: set a maximum loss, a maximum loss %, or both',
      'minTradeValue: Minimum trade value is on: set an amount, a % of balance, or both',
      'maxTradeValue: Maximum trade value is on: set an amount, a % of balance, or both',
      'maxOpenPositions: Max open positions is on: set a total, a per-bot limit, or both',
    ]);
  });

  it('ignores the limits of switched-off rules in relations', () => {
    expect(
      issues({
        minTradeValue: { min: 50 },
        maxTradeValue: { enabled: false, max: 20 },
        maxPositionValue: { enabled: false, max: 10 },
        dailyLoss: { enabled: false, maxLoss: null, maxLossPct: null },
      }),
    ).toEqual([]);
  });
});

describe('botRiskOverridesSchema', () => {
  it('keeps only what is set, with no defaults', () => {
    expect(botRiskOverridesSchema.parse({ minConfidence: { min: 75 } })).toEqual({
      minConfidence: { min: 75 },
    });
    expect(botRiskOverridesSchema.parse({})).toEqual({});
  });

  it('validates fields with the same messages', () => {
    expect(issues({ riskPerTrade: { pct: 150 } }, botRiskOverridesSchema)).toEqual([
      'riskPerTrade.pct: Risk per trade % must be above 0 and at most 100',
    ]);
  });

  it('refuses a kill switch override', () => {
    expect(issues({ killSwitch: { enabled: false } }, botRiskOverridesSchema)).toEqual([
      'killSwitch: A bot cannot override the kill switch; change it in your policy',
    ]);
  });
});
