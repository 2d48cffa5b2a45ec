import { Decimal } from '../core/money';
import { and, eq, ne } from 'drizzle-orm';
import { findPosition } from '../db/queries/positions';
import { positions, type NewPosition } from '../db/schema';
import type { Position } from '../db/schema';
import type { ExchangeOrder, Market } from '../exchange/types';
import type { TradingDeps } from './deps';
import { summarizeFill } from './fill-summary';

export type ExitReason = NonNullable<Position['exitReason']>;

/**
 * Books the exit of a position from the fill that closed it: exit price, fees, realised P&L
 * (quote received net of fees − quote spent on the entry, exact) and its %, and duration.
 */
export async function settlePosition(
  deps: TradingDeps,
  position: Position,
  market: Market,
  exit: ExchangeOrder,
  reason: ExitReason,
): Promise<Position> {
  const now = deps.now();
  const fill = summarizeFill(exit, market);
  const received = fill.notional.sub(fill.feeQuote).sub(fill.feeBase.mul(fill.averagePrice));
  const entryCost = Decimal.from(position.entryCost);
  const pnl = received.sub(entryCost);
  const pnlPct = entryCost.isZero() ? Decimal.from(0) : pnl.mul(100).div(entryCost, 8, 'half-even');
  const closedAt = new Date(exit.updatedAt || now.getTime());
  const settled = await settleOnce(deps, position.id, {
    status: 'closed',
    exitPrice: fill.averagePrice.toString(),
    exitFee: fill.feeValue.toString(),
    exitReason: reason,
    realizedPnl: pnl.toString(),
    realizedPnlPct: pnlPct.toString(),
    closedAt,
    durationMs: Math.max(0, closedAt.getTime() - position.openedAt.getTime()),
  });
  if (!settled) return (await findPosition(deps.db, position.id))!;
  await deps.notify({
    type: 'position:closed',
    userId: position.userId,
    payload: {
      positionId: settled.id,
      botId: settled.botId,
      symbol: settled.symbol,
      exitPrice: settled.exitPrice,
      exitReason: reason,
      realizedPnl: settled.realizedPnl,
      realizedPnlPct: settled.realizedPnlPct,
      durationMs: settled.durationMs,
      at: now.toISOString(),
    },
  });
  return settled;
}

/** Closes the row unless it is closed already (two settlers never both book the exit). */
async function settleOnce(
  deps: TradingDeps,
  id: string,
  patch: Partial<NewPosition>,
): Promise<Position | null> {
  const rows = await deps.db
    .update(positions)
    .set(patch)
    .where(and(eq(positions.id, id), ne(positions.status, 'closed')))
    .returning();
  return rows[0] ?? null;
}
