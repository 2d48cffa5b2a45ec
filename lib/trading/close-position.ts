import { ordersOfPosition, updateOrder } from '../db/queries/orders';
import { findPosition, lockOpenPosition, updatePosition } from '../db/queries/positions';
import type { Position } from '../db/schema';
import { ExchangeError } from '../exchange/exchange-error';
import type { Exchange, ExchangeOco, Market } from '../exchange/types';
import { logSystem } from '../log/system-log';
import { newClientOrderId } from './client-order-id';
import type { TradingDeps } from './deps';
import { accountOrThrow, marketOrThrow } from './market-of';
import { placeOrder, venueFields } from './place-order';
import { settlePosition, type ExitReason } from './settle-position';

export type CloseResult =
  | { status: 'closed'; position: Position }
  | { status: 'pending'; position: Position; message: string }
  | { status: 'not_open'; position: Position | undefined }
  | { status: 'failed'; position: Position; message: string };

/**
 * Closes an open position at market for `reason` (timeout, manual, signal, stop/target of an
 * emulated OCO, reconcile). The row is taken `open → closing` first, so two closers never both
 * sell. A native OCO is cancelled before the market exit; if the venue says a leg already filled,
 * the position is settled from that leg instead (the venue wins).
 */
export async function closePosition(
  deps: TradingDeps,
  positionId: string,
  reason: ExitReason,
  resolved: { exchange?: Exchange; market?: Market } = {},
): Promise<CloseResult> {
  const position = await lockOpenPosition(deps.db, positionId, reason);
  if (!position) return { status: 'not_open', position: await findPosition(deps.db, positionId) };
  const account = await accountOrThrow(deps.db, position.exchangeAccountId);
  const exchange = resolved.exchange ?? (await deps.exchangeFor(account));
  const market = resolved.market ?? (await marketOrThrow(exchange, position.symbol));

  if (position.protection === 'native_oco' && position.ocoClientId) {
    const settledByLeg = await cancelProtection(deps, exchange, market, position);
    if (settledByLeg) return { status: 'closed', position: settledByLeg };
  }

  const placed = await placeOrder(
    deps,
    exchange,
    {
      userId: position.userId,
      exchangeAccountId: position.exchangeAccountId,
      signalId: position.signalId,
      positionId: position.id,
      botId: position.botId,
      clientOrderId: newClientOrderId('exit'),
      symbol: position.symbol,
      side: 'sell',
      type: 'market',
      role: 'exit',
      source: 'strategy',
      quantity: position.quantity,
    },
    { symbol: position.symbol, side: 'sell', type: 'market', quantity: position.quantity },
  );
  if (placed.outcome === 'accepted' && placed.venueOrder.status === 'filled') {
    return {
      status: 'closed',
      position: await settlePosition(deps, position, market, placed.venueOrder, reason),
    };
  }
  if (placed.outcome === 'rejected') {
    const reopened = await updatePosition(deps.db, position.id, {
      status: 'open',
      exitReason: null,
    });
    await logSystem(deps.db, {
      level: 'error',
      source: 'trading',
      message: `Exit of position ${position.id} (${position.symbol}) rejected: ${placed.error.message}`,
      context: { positionId: position.id },
    });
    return { status: 'failed', position: reopened, message: placed.error.message };
  }
  return {
    status: 'pending',
    position,
    message: 'Exit sent; its outcome is being confirmed with the exchange.',
  };
}

/**
 * Cancels the native OCO. Returns the settled position when the venue shows a leg already
 * filled (so no market exit may follow), else null.
 */
async function cancelProtection(
  deps: TradingDeps,
  exchange: Exchange,
  market: Market,
  position: Position,
): Promise<Position | null> {
  const ref = { clientOcoId: position.ocoClientId! };
  let oco: ExchangeOco | null;
  try {
    oco = await exchange.cancelOco(position.symbol, ref);
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.kind !== 'rejected') throw error;
    oco = await exchange.fetchOco(position.symbol, ref);
  }
  const legs = await ordersOfPosition(deps.db, position.id);
  for (const leg of oco?.legs ?? []) {
    const record = legs.find((o) => o.clientOrderId === leg.clientOrderId);
    if (record) await updateOrder(deps.db, record.id, venueFields(leg), deps.now());
  }
  const filledLeg = oco?.legs.find((leg) => leg.status === 'filled');
  if (!filledLeg) return null;
  const isTarget = oco!.legs.indexOf(filledLeg) === 0;
  return settlePosition(deps, position, market, filledLeg, isTarget ? 'take_profit' : 'stop_loss');
}
