import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DEFAULT_RISK_POLICY } from './default-policy';
import { resolvePolicy } from './resolve-policy';

describe('resolvePolicy', () => {
  it('returns the defaults when nothing is set', () => {
    expect(resolvePolicy()).toEqual(DEFAULT_RISK_POLICY);
    expect(resolvePolicy(null, null)).toEqual(DEFAULT_RISK_POLICY);
  });

  it('lays bot overrides over the user policy over the defaults, field by field', () => {
    const p = resolvePolicy(
      { minConfidence: { min: 70 }, riskPerTrade: { pct: 2, requireStop: true } },
      { riskPerTrade: { pct: 0.5 }, maxOpenPositions: { perBot: 2 } },
    );
    expect(p.minConfidence).toEqual({ enabled: true, min: 70 });
    expect(p.riskPerTrade).toEqual({ enabled: true, pct: 0.5, requireStop: true });
    expect(p.maxOpenPositions).toEqual({ enabled: true, total: 10, perBot: 2 });
  });

  it('lets a bot switch a rule off or on, and replaces arrays whole', () => {
    const p = resolvePolicy(
      {
        tradingHours: { enabled: true, windows: [{ startHour: 8, endHour: 16 }], days: [1, 2, 3] },
      },
      { minConfidence: { enabled: false }, tradingHours: { days: [6] } },
    );
    expect(p.minConfidence.enabled).toBe(false);
    expect(p.tradingHours.days).toEqual([6]);
    expect(p.tradingHours.windows).toHaveLength(1);
  });

  it('throws a readable error when the combination breaks a relation', () => {
    const call = () =>
      resolvePolicy({ maxTradeValue: { max: 100 } }, { minTradeValue: { min: 150 } });
    expect(call).toThrow(ZodError);
    expect(call).toThrow('Minimum trade value 150 is above the maximum trade value 100');
  });

  it('throws on an invalid user policy or override', () => {
    expect(() => resolvePolicy({ minConfidence: { min: -1 } })).toThrow(
      'Minimum confidence must be between 0 and 100',
    );
    expect(() => resolvePolicy({}, { killSwitch: { enabled: false } })).toThrow(
      'A bot cannot override the kill switch',
    );
  });

  it('does not mutate its inputs or the defaults', () => {
    const user = { minConfidence: { min: 80 } };
    const overrides = { minConfidence: { min: 90 } };
    resolvePolicy(user, overrides);
    expect(user).toEqual({ minConfidence: { min: 80 } });
    expect(overrides).toEqual({ minConfidence: { min: 90 } });
    expect(DEFAULT_RISK_POLICY.minConfidence.min).toBe(60);
  });
});
