import { type AssetPair, type FillConfig } from '../../core/fills';
import { dec } from '../../core/money';
import { findPaperOrder, updatePaperOrder } from '../../db/queries/paper-orders';
import { type PaperOrder } from '../../db/schema';
import { bookFill } from './book-fill';
import { toCoreOrder } from './core-order';
import { type FundsLock } from './funds-to-lock';
import { guardAccount } from './guard-account';
import { lockBalances } from './locked-balances';
import { type PaperContext } from './paper-context';
import { stepsSince, walkMarket, type MarketTape } from './walk-market';

/** What matching did to one order or OCO list. */
export type MatchOutcome = 'filled' | 'expired' | 'triggered' | 'open' | 'skipped';

/** The funds an order holds. */
export function heldBy(row: PaperOrder): FundsLock | null {
  return row.lockedAsset ? { asset: row.lockedAsset, amount: dec(row.lockedAmount) } : null;
}

/**
 * Checks one resting order against the market since its `checked_until`, in one transaction
 * holding the order's row lock: a second worker matching at the same time waits, then finds
 * the order filled (or the market already checked) and does nothing.
 */
export async function matchOrder(params: {
  ctx: PaperContext;
  orderId: string;
  tape: MarketTape;
  config: FillConfig;
  pair: AssetPair;
}): Promise<MatchOutcome> {
  const { ctx, tape, config, pair } = params;
  return ctx.db.transaction(async (tx) => {
    await guardAccount(tx, ctx.accountId);
    const row = await findPaperOrder(tx, ctx.accountId, { id: params.orderId }, { lock: true });
    if (row?.status !== 'open' || row.ocoId) return 'skipped';
    const from = row.checkedUntil.getTime();
    const walk = walkMarket(toCoreOrder(row), stepsSince(tape, from), from, config);
    const now = new Date(tape.now);
    const progress = {
      checkedUntil: new Date(walk.checkedUntil),
      triggered: row.triggered || walk.triggered !== undefined,
      ...(walk.triggered ? { updatedAt: now } : {}),
    };
    const order = await updatePaperOrder(tx, row.id, progress);
    if (walk.status !== 'filled' || !walk.fill) return walk.triggered ? 'triggered' : 'open';
    const balances = await lockBalances(tx, ctx.accountId, [pair.base, pair.quote]);
    const booked = await bookFill({
      tx,
      order,
      fill: walk.fill,
      pair,
      balances,
      release: heldBy(row),
      now,
      executedAt: new Date(walk.time ?? tape.now),
    });
    return booked.filled ? 'filled' : 'expired';
  });
}
