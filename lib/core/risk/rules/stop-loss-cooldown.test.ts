import { describe, expect, it } from 'vitest';
import { makeInput, NOON } from '../test-fixtures';
import { stopLossCooldownRule } from './stop-loss-cooldown';

const on = { stopLossCooldown: { enabled: true, minutes: 60 } };

describe('stop-loss-cooldown rule', () => {
  it('is off by default', () => {
    expect(
      stopLossCooldownRule.evaluate(makeInput({ counters: { lastStopLossAt: NOON } })),
    ).toMatchObject({
      reason: 'disabled',
    });
  });

  it('fails inside the cooldown and passes after it', () => {
    expect(
      stopLossCooldownRule.evaluate(
        makeInput({ counters: { lastStopLossAt: NOON - 12 * 60_000 } }, on),
      ),
    ).toEqual({
      rule: 'stop-loss-cooldown',
      ok: false,
      status: 'failed',
      code: 'STOP_LOSS_COOLDOWN',
      message: 'BTCUSDT hit a stop-loss 12 min ago; the cooldown is 1 h',
      observed: 720_000,
      limit: 3_600_000,
    });
    expect(
      stopLossCooldownRule.evaluate(
        makeInput({ counters: { lastStopLossAt: NOON - 3_600_000 } }, on),
      ).ok,
    ).toBe(true);
    expect(
      stopLossCooldownRule.evaluate(makeInput({ counters: { lastStopLossAt: null } }, on)).ok,
    ).toBe(true);
  });

  it('skips reducing orders', () => {
    const reducing = makeInput(
      { order: { reducing: true }, counters: { lastStopLossAt: NOON } },
      on,
    );
    expect(stopLossCooldownRule.evaluate(reducing)).toMatchObject({ reason: 'reducing-order' });
  });
});
