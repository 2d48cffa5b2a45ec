/** Free and locked balances per asset for the fake venue; holds fail with Binance's -2010. */
import { Decimal } from '../../lib/core/money';
import { binanceErrors } from './binance-errors';
import { type Lock } from './ledger-types';

export interface Balance {
  free: Decimal;
  locked: Decimal;
}

export class BalanceBook {
  private readonly balances = new Map<string, Balance>();

  constructor(initial: Record<string, string>) {
    for (const [asset, amount] of Object.entries(initial)) {
      this.balances.set(asset, { free: Decimal.from(amount), locked: Decimal.ZERO });
    }
  }

  /** The asset's balance, created at zero when unseen. */
  account(asset: string): Balance {
    let b = this.balances.get(asset);
    if (!b) {
      b = { free: Decimal.ZERO, locked: Decimal.ZERO };
      this.balances.set(asset, b);
    }
    return b;
  }

  all(): { asset: string; free: Decimal; locked: Decimal }[] {
    return [...this.balances.entries()].map(([asset, b]) => ({ asset, ...b }));
  }

  /** Moves `lock.amount` from free to locked, or -2010 when free is short. */
  hold(lock: Lock): void {
    const b = this.account(lock.asset);
    if (b.free.lt(lock.amount)) throw binanceErrors.insufficientBalance();
    b.free = b.free.sub(lock.amount);
    b.locked = b.locked.add(lock.amount);
  }

  release(lock: Lock | null): void {
    if (!lock) return;
    const b = this.account(lock.asset);
    b.locked = b.locked.sub(lock.amount);
    b.free = b.free.add(lock.amount);
  }
}
