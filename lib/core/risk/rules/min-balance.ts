import { formatNumber } from '../format';
import { fallsShort } from '../tolerance';
import { defineRule, failed, passed } from './rule';

/** No new positions when the free balance is below the minimum. */
export const minBalanceRule = defineRule({
  id: 'min-balance',
  policyKey: 'minBalance',
  check({ context, policy }) {
    const { balance } = context.account;
    const { min } = policy.minBalance;
    if (!fallsShort(balance, min)) return passed('min-balance');
    return failed(
      'min-balance',
      'BALANCE_BELOW_MIN',
      `Balance ${formatNumber(balance)} is below the minimum ${formatNumber(min)}`,
      balance,
      min,
    );
  },
});
