import { describe, expect, it } from 'vitest';
import { makePolicy } from '../risk/test-fixtures';
import { sizingCapsFromPolicy } from './sizing-caps-from-policy';

describe('sizingCapsFromPolicy', () => {
  it('takes the default caps: 10% of balance and 1% risk', () => {
    expect(sizingCapsFromPolicy(makePolicy())).toEqual({
      maxTradeValue: null,
      maxTradePct: 10,
      maxOrderValue: null,
      maxPositionRoom: null,
      maxRiskPct: 1,
      sizeMultiplier: 1,
    });
  });

  it('includes switched-on ceilings, the room left on the position and the multiplier', () => {
    const policy = makePolicy({
      maxTradeValue: { max: 500, maxPct: 20 },
      maxOrderValue: { enabled: true, max: 400 },
      maxPositionValue: { enabled: true, max: 1000 },
      riskPerTrade: { pct: 2 },
    });
    expect(sizingCapsFromPolicy(policy, { sizeMultiplier: 0.5, positionValue: 750 })).toEqual({
      maxTradeValue: 500,
      maxTradePct: 20,
      maxOrderValue: 400,
      maxPositionRoom: 250,
      maxRiskPct: 2,
      sizeMultiplier: 0.5,
    });
  });

  it('gives no cap for switched-off rules', () => {
    const policy = makePolicy({
      maxTradeValue: { enabled: false },
      riskPerTrade: { enabled: false },
    });
    expect(sizingCapsFromPolicy(policy)).toMatchObject({
      maxTradeValue: null,
      maxTradePct: null,
      maxRiskPct: null,
    });
  });
});
