import { describe, expect, it } from 'vitest';
import { makeInput, NOON } from '../test-fixtures';
import { duplicateCooldownRule } from './duplicate-cooldown';

describe('duplicate-cooldown rule', () => {
  it('passes with no earlier order or once the window has passed', () => {
    expect(duplicateCooldownRule.evaluate(makeInput()).ok).toBe(true);
    expect(
      duplicateCooldownRule.evaluate(makeInput({ counters: { lastOrderAt: NOON - 60_000 } })).ok,
    ).toBe(true);
  });

  it('fails inside the default 60 s window', () => {
    expect(
      duplicateCooldownRule.evaluate(makeInput({ counters: { lastOrderAt: NOON - 42_000 } })),
    ).toEqual({
      rule: 'duplicate-cooldown',
      ok: false,
      status: 'failed',
      code: 'DUPLICATE_WITHIN_COOLDOWN',
      message:
        'A buy order on BTCUSDT was placed 42 s ago; wait 1 min between orders on the same symbol and side',
      observed: 42_000,
      limit: 60_000,
    });
  });

  it('treats a future timestamp (clock skew) as inside the window', () => {
    const result = duplicateCooldownRule.evaluate(
      makeInput({ counters: { lastOrderAt: NOON + 5_000 } }),
    );
    expect(result).toMatchObject({ ok: false, observed: 0, limit: 60_000 });
  });

  it('uses the configured window and skips reducing orders', () => {
    const long = { duplicateCooldown: { seconds: 300 } };
    expect(
      duplicateCooldownRule.evaluate(
        makeInput({ counters: { lastOrderAt: NOON - 270_000 } }, long),
      ),
    ).toMatchObject({
      message:
        'A buy order on BTCUSDT was placed 4 min 30 s ago; wait 5 min between orders on the same symbol and side',
    });
    const reducing = makeInput({ order: { reducing: true }, counters: { lastOrderAt: NOON - 1 } });
    expect(duplicateCooldownRule.evaluate(reducing)).toMatchObject({ reason: 'reducing-order' });
  });
});
