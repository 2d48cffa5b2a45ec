import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { minConfidenceRule } from './min-confidence';

describe('min-confidence rule', () => {
  it('passes at the minimum', () => {
    expect(minConfidenceRule.evaluate(makeInput({ order: { confidence: 60 } }))).toEqual({
      rule: 'min-confidence',
      ok: true,
      status: 'passed',
    });
  });

  it('fails below the default minimum 60', () => {
    expect(minConfidenceRule.evaluate(makeInput({ order: { confidence: 55 } }))).toEqual({
      rule: 'min-confidence',
      ok: false,
      status: 'failed',
      code: 'CONFIDENCE_BELOW_MIN',
      message: 'Confidence 55 is below the minimum 60',
      observed: 55,
      limit: 60,
    });
  });

  it('uses the minimum raised by a poor record', () => {
    const input = makeInput({
      order: { confidence: 65 },
      trackRecord: { closedTrades: 10, winRatePct: 30, losingStreak: 1 },
    });
    expect(minConfidenceRule.evaluate(input)).toMatchObject({
      ok: false,
      message:
        'Confidence 65 is below the minimum 70 (raised from 60 after poor recent performance)',
      observed: 65,
      limit: 70,
    });
  });

  it('skips orders without a confidence, reducing orders, and when off', () => {
    expect(minConfidenceRule.evaluate(makeInput({ order: { confidence: null } }))).toMatchObject({
      status: 'skipped',
      reason: 'no-data',
    });
    expect(
      minConfidenceRule.evaluate(makeInput({ order: { confidence: 10, reducing: true } })),
    ).toMatchObject({ status: 'skipped', reason: 'reducing-order' });
    expect(
      minConfidenceRule.evaluate(
        makeInput({ order: { confidence: 10 } }, { minConfidence: { enabled: false } }),
      ),
    ).toMatchObject({ status: 'skipped', reason: 'disabled' });
  });

  it('fails closed on a NaN confidence', () => {
    expect(minConfidenceRule.evaluate(makeInput({ order: { confidence: Number.NaN } })).ok).toBe(
      false,
    );
  });
});
