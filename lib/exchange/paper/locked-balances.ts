import { Decimal } from '../../core/money';
import { type Db } from '../../db/client';
import {
  lockAccountAndBalances,
  lockPaperBalances,
  writePaperBalances,
  type BalanceRow,
} from '../../db/queries/paper';
import { type PaperBalance } from '../../db/schema';
import { ExchangeError } from '../exchange-error';
import { noPaperAccount } from './guard-account';

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
  /** The changed rows, for a caller that writes them in its own statement (then not changed). */
  takeChanges(): BalanceRow[];
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
  return lockedBalances(tx, accountId, await lockPaperBalances(tx, accountId, assets));
}

/**
 * The first statements of a paper transaction that places orders: the account guard (as
 * `guardAccount`) with the balances of `assets` locked as `lockBalances` does.
 */
export async function guardAndLockBalances(
  tx: Db,
  accountId: string,
  assets: readonly string[],
): Promise<LockedBalances> {
  const { venue, balances } = await lockAccountAndBalances(tx, accountId, assets);
  if (venue !== 'paper') throw noPaperAccount(accountId);
  return lockedBalances(tx, accountId, balances);
}

function lockedBalances(
  tx: Db,
  accountId: string,
  rows: Map<string, PaperBalance>,
): LockedBalances {
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

  const takeChanges = (): BalanceRow[] => {
    const rows = [...changed].sort().map((asset) => {
      const { free, locked } = get(asset);
      return { asset, free: free.toString(), locked: locked.toString() };
    });
    changed.clear();
    return rows;
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
    save: (now) => writePaperBalances(tx, accountId, takeChanges(), now),
    takeChanges,
  };
}
