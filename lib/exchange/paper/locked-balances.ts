import { Decimal } from '../../core/money';
import { type Db } from '../../db/client';
import { lockPaperBalances, writePaperBalances } from '../../db/queries/paper';
import { ExchangeError } from '../exchange-error';

/** A change of one asset's free and locked amounts. */
export interface BalanceChange {
  asset: string;
  free?: Decimal;
  locked?: Decimal;
}

export interface LockedBalances {
  free(asset: string): Decimal;
  locked(asset: string): Decimal;
  /** Applies all changes, or none when any amount would go negative; says which. */
  tryApply(changes: readonly BalanceChange[]): boolean;
  /** As `tryApply`, but a shortfall is an `insufficient_funds` rejection. */
  apply(changes: readonly BalanceChange[]): void;
  /** Writes the changed rows back. */
  save(now: Date): Promise<void>;
}

/**
 * Locks the balance rows of `assets` for the rest of the transaction (`select … for update`,
 * in asset order so concurrent transactions cannot deadlock) and keeps them in memory as exact
 * decimals until `save`.
 */
export async function lockBalances(
  tx: Db,
  accountId: string,
  assets: readonly string[],
): Promise<LockedBalances> {
  const rows = await lockPaperBalances(tx, accountId, assets);
  const state = new Map<string, { free: Decimal; locked: Decimal }>();
  for (const [asset, row] of rows)
    state.set(asset, { free: Decimal.from(row.free), locked: Decimal.from(row.locked) });
  const changed = new Set<string>();
  const get = (asset: string) => {
    const entry = state.get(asset);
    if (!entry) throw new Error(`Balance of ${asset} was not locked`);
    return entry;
  };

  const tryApply = (changes: readonly BalanceChange[]): boolean => {
    const next = new Map<string, { free: Decimal; locked: Decimal }>();
    for (const change of changes) {
      const current = next.get(change.asset) ?? get(change.asset);
      next.set(change.asset, {
        free: current.free.add(change.free ?? Decimal.ZERO),
        locked: current.locked.add(change.locked ?? Decimal.ZERO),
      });
    }
    for (const value of next.values()) {
      if (value.free.isNegative() || value.locked.isNegative()) return false;
    }
    for (const [asset, value] of next) {
      state.set(asset, value);
      changed.add(asset);
    }
    return true;
  };

  return {
    free: (asset) => get(asset).free,
    locked: (asset) => get(asset).locked,
    tryApply,
    apply(changes) {
      if (!tryApply(changes)) {
        const short = changes.map((c) => c.asset).join('/');
        throw new ExchangeError(
          'rejected',
          'insufficient_funds',
          `Account has insufficient balance for requested action (${short}).`,
        );
      }
    },
    async save(now) {
      await writePaperBalances(
        tx,
        accountId,
        [...changed].sort().map((asset) => {
          const { free, locked } = get(asset);
          return { asset, free: free.toString(), locked: locked.toString() };
        }),
        now,
      );
      changed.clear();
    },
  };
}
