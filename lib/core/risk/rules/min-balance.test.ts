import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { minBalanceRule } from './min-balance';

describe('min-balance rule', () => {
  it('passes at the minimum 10', () => {
    expect(minBalanceRule.evaluate(makeInput({ account: { balance: 10 } })).ok).toBe(true);
  });

  it('fails below the minimum', () => {
    expect(minBalanceRule.evaluate(makeInput({ account: { balance: 8.5 } }))).toEqual({
      rule: 'min-balance',
      ok: false,
      status: 'failed',
      code: 'BALANCE_BELOW_MIN',
      message: 'Balance 8.5 is below the minimum 10',
      observed: 8.5,
      limit: 10,
    });
  });

  it('uses the configured minimum and skips reducing orders', () => {
    expect(
      minBalanceRule.evaluate(
        makeInput({ account: { balance: 99 } }, { minBalance: { min: 100 } }),
      ),
    ).toMatchObject({ observed: 99, limit: 100 });
    expect(
      minBalanceRule.evaluate(makeInput({ account: { balance: 0 }, order: { reducing: true } })),
    ).toMatchObject({ status: 'skipped', reason: 'reducing-order' });
  });
});
