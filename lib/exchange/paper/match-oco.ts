import { type AssetPair, type FillConfig } from '../../core/fills';
import { dec } from '../../core/money';
import { type PaperOcoList, type PaperOrder } from '../../db/schema';
import { updatePaperOrder } from '../../db/queries/paper-orders';
import { findPaperOco, listPaperOcoLegs, updatePaperOco } from '../../db/queries/paper-ocos';
import { bookFill } from './book-fill';
import { toCoreOco, toCoreOrder } from './core-order';
import { guardAccount } from './guard-account';
import { lockBalances } from './locked-balances';
import { type MatchOutcome } from './match-order';
import { type PaperContext } from './paper-context';
import { stepsSince, walkMarket, type MarketTape, type WalkResult } from './walk-market';

/** An open OCO list's legs and its walk over the market since its `checked_until`. */
export interface OcoWalk {
  takeProfit: PaperOrder;
  stopLoss: PaperOrder;
  /** Both legs still open (else only `single` is: the stop leg of a triggered stop-limit). */
  both: boolean;
  single: PaperOrder;
  walk: WalkResult;
}

/** Walks the list's open legs over `tape` (pure); null when no leg is open. */
export function walkOco(
  oco: PaperOcoList,
  legs: readonly PaperOrder[],
  tape: MarketTape,
  config: FillConfig,
): OcoWalk | null {
  const takeProfit = legs.find((l) => l.ocoLeg === 'take-profit');
  const stopLoss = legs.find((l) => l.ocoLeg === 'stop-loss');
  if (!takeProfit || !stopLoss) throw new Error(`OCO ${oco.id} has lost a leg`);
  const both = takeProfit.status === 'open' && stopLoss.status === 'open';
  const single = [takeProfit, stopLoss].find((l) => l.status === 'open');
  if (!single) return null;
  const start = both ? toCoreOco(takeProfit, stopLoss) : toCoreOrder(single);
  const from = oco.checkedUntil.getTime();
  return {
    takeProfit,
    stopLoss,
    both,
    single,
    walk: walkMarket(start, stepsSince(tape, from), from, config),
  };
}

/** The walk only moves `checked_until`: nothing triggered, nothing filled. */
export const isQuietWalk = (walk: WalkResult): boolean =>
  !walk.triggered && !(walk.status === 'filled' && walk.fill);

/**
 * Checks one OCO list against the market since its `checked_until`, holding the list's and its
 * legs' row locks: when a leg fills, the other is canceled, the list is done and its lock is
 * released, all in one transaction. When the stop-limit leg fires without filling, the
 * take-profit is canceled and the stop leg rests as a limit, still under the list.
 */
export async function matchOco(params: {
  ctx: PaperContext;
  ocoId: string;
  tape: MarketTape;
  config: FillConfig;
  pair: AssetPair;
}): Promise<{ outcome: MatchOutcome; filledOrderId?: string }> {
  const { ctx, tape, config, pair } = params;
  return ctx.db.transaction(async (tx) => {
    await guardAccount(tx, ctx.accountId);
    const oco = await findPaperOco(tx, ctx.accountId, { id: params.ocoId }, { lock: true });
    if (oco?.status !== 'open') return { outcome: 'skipped' };
    const walked = walkOco(oco, await listPaperOcoLegs(tx, oco.id, { lock: true }), tape, config);
    if (!walked) return { outcome: 'skipped' };
    const { takeProfit, stopLoss, both, single, walk } = walked;
    const now = new Date(tape.now);

    if (walk.triggered && both) {
      await updatePaperOrder(tx, takeProfit.id, { status: 'canceled', updatedAt: now });
      await updatePaperOrder(tx, stopLoss.id, { triggered: true, updatedAt: now });
    }
    if (walk.status !== 'filled' || !walk.fill) {
      await updatePaperOco(tx, oco.id, { checkedUntil: new Date(walk.checkedUntil) });
      return { outcome: walk.triggered ? 'triggered' : 'open' };
    }

    const winner = both ? (walk.leg === 'take-profit' ? takeProfit : stopLoss) : single;
    const loser = winner === takeProfit ? stopLoss : takeProfit;
    if (both && !walk.triggered) {
      await updatePaperOrder(tx, loser.id, { status: 'canceled', updatedAt: now });
    }
    const balances = await lockBalances(tx, ctx.accountId, [pair.base, pair.quote]);
    const booked = await bookFill({
      tx,
      order: winner,
      fill: walk.fill,
      pair,
      balances,
      release: { asset: oco.lockedAsset, amount: dec(oco.lockedAmount) },
      now,
      executedAt: new Date(walk.time ?? tape.now),
    });
    await updatePaperOco(tx, oco.id, {
      status: 'done',
      lockedAmount: '0',
      checkedUntil: new Date(walk.checkedUntil),
      updatedAt: now,
    });
    return { outcome: booked.filled ? 'filled' : 'expired', filledOrderId: winner.id };
  });
}
