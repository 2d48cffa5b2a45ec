import { Decimal } from '../core/money';
import { findSignal } from '../db/queries/signals';
import { ordersOfPosition, ordersToReconcile, updateOrder } from '../db/queries/orders';
import { findPosition, openPositions, updatePosition } from '../db/queries/positions';
import { findBotById } from '../db/queries/bots';
import { orders, type ExchangeAccount, type Order, type Position } from '../db/schema';
import type { AssetBalance, Exchange, ExchangeOrder, Market } from '../exchange/types';
import { logSystem } from '../log/system-log';
import { newClientOrderId } from './client-order-id';
import type { TradingDeps } from './deps';
import { ocoLegRecords, openPosition, placeProtection, syncOcoLegRecords } from './open-position';
import { venueFields } from './place-order';
import { settlePosition } from './settle-position';

/** How long an intent may go unseen on the venue before we conclude it never arrived. */
export const INTENT_GRACE_MS = 60_000;

export interface Difference {
  kind: string;
  orderId?: string;
  positionId?: string;
  detail: string;
}

/**
 * Makes the database agree with the venue (DESIGN §4): the venue wins and every difference is
 * fixed and logged. Runs at worker start and on every monitor pass, so a worker killed at any
 * step of the order path leaves exactly one entry and at most one live protection per position.
 */
export async function reconcileAccount(
  deps: TradingDeps,
  account: ExchangeAccount,
  exchange: Exchange,
): Promise<Difference[]> {
  const differences: Difference[] = [];
  const markets = await exchange.loadMarkets();
  for (const order of await ordersToReconcile(deps.db, account.id)) {
    const market = markets.get(order.symbol);
    if (market) await reconcileOrder(deps, exchange, market, order, differences);
  }
  const positions = await openPositions(deps.db, { accountId: account.id });
  // One balance read per pass, not per position.
  const balances = positions.length > 0 ? await exchange.fetchBalance() : [];
  for (const position of positions) {
    const market = markets.get(position.symbol);
    if (market) await reconcilePosition(deps, exchange, market, position, balances, differences);
  }
  for (const difference of differences) {
    await logSystem(deps.db, {
      level: 'warn',
      source: 'reconcile',
      message: difference.detail,
      context: { accountId: account.id, ...difference },
    });
  }
  return differences;
}

async function reconcileOrder(
  deps: TradingDeps,
  exchange: Exchange,
  market: Market,
  order: Order,
  out: Difference[],
) {
  const now = deps.now();
  const venue = await exchange.fetchOrder(order.symbol, { clientOrderId: order.clientOrderId });
  if (!venue) {
    if (order.status === 'intent' || order.status === 'unknown') {
      if (now.getTime() - order.createdAt.getTime() < INTENT_GRACE_MS) return;
      await updateOrder(
        deps.db,
        order.id,
        { status: 'rejected', error: 'Never reached the exchange (not found by client order id).' },
        now,
      );
      if (order.role === 'exit' && order.positionId)
        await updatePosition(deps.db, order.positionId, { status: 'open', exitReason: null });
      out.push({
        kind: 'order_not_on_venue',
        orderId: order.id,
        detail: `Order ${order.clientOrderId} was never placed on the venue; marked rejected.`,
      });
    }
    return;
  }
  if (
    venue.status !== order.status ||
    !Decimal.from(venue.filledQuantity).eq(order.filledQuantity)
  ) {
    await updateOrder(deps.db, order.id, venueFields(venue), now);
    out.push({
      kind: 'order_status',
      orderId: order.id,
      detail: `Order ${order.clientOrderId}: ${order.status} in the database, ${venue.status} on the venue.`,
    });
  }
  if (venue.status !== 'filled') return;
  if (order.role === 'entry' && !order.positionId)
    await adoptFilledEntry(deps, exchange, market, order, venue, out);
  if (order.role === 'exit' && order.positionId) {
    const position = await findPosition(deps.db, order.positionId);
    if (position && position.status !== 'closed') {
      await settlePosition(deps, position, market, venue, position.exitReason ?? 'reconcile');
      out.push({
        kind: 'exit_settled',
        positionId: position.id,
        detail: `Exit of position ${position.id} had filled; settled.`,
      });
    }
  }
}

async function adoptFilledEntry(
  deps: TradingDeps,
  exchange: Exchange,
  market: Market,
  order: Order,
  venue: ExchangeOrder,
  out: Difference[],
) {
  const signal = order.signalId ? await findSignal(deps.db, order.signalId) : undefined;
  const bot = order.botId ? await findBotById(deps.db, order.botId) : undefined;
  const refreshed = await updateOrder(deps.db, order.id, venueFields(venue), deps.now());
  const position = await openPosition(deps, exchange, market, refreshed, venue, {
    userId: order.userId,
    accountId: order.exchangeAccountId,
    botId: order.botId,
    signalId: order.signalId,
    source: order.source,
    takeProfit: signal?.takeProfit ?? null,
    stopLoss: signal?.stopLoss ?? null,
    takeProfitPct: bot?.takeProfitPct ?? null,
    stopLossPct: bot?.stopLossPct ?? null,
    maxHoldMinutes: bot?.maxHoldMinutes ?? null,
  });
  out.push({
    kind: 'position_adopted',
    orderId: order.id,
    positionId: position.id,
    detail: `Entry ${order.clientOrderId} had filled without a position; opened and protected position ${position.id}.`,
  });
}

async function reconcilePosition(
  deps: TradingDeps,
  exchange: Exchange,
  market: Market,
  position: Position,
  balances: AssetBalance[],
  out: Difference[],
) {
  if (position.status === 'open' && position.protection === 'native_oco' && position.ocoClientId) {
    const oco = await exchange.fetchOco(position.symbol, { clientOcoId: position.ocoClientId });
    // Lost: never placed or gone from the venue, or cancelled there with nothing filled (by hand,
    // say). A filled leg is an exit, which the exit monitor settles.
    const lost =
      !oco ||
      (oco.status === 'canceled' && oco.legs.every((leg) => Number(leg.filledQuantity) === 0));
    if (lost) {
      // The pass read its positions a while ago: a close started since then cancels the OCO
      // first, so the protection is only lost if the position is still open now.
      const current = await findPosition(deps.db, position.id);
      if (current?.status !== 'open') return;
      // A cancelled list keeps its client id on the venue: the new one needs its own (and the
      // old legs' records say they were cancelled).
      if (oco) await syncOcoLegRecords(deps, current.id, oco);
      const target = oco
        ? await updatePosition(deps.db, current.id, {
            ocoClientId: newClientOrderId('oco'),
            ocoExchangeId: null,
          })
        : current;
      await replaceLostProtection(deps, exchange, market, target, out);
      return;
    }
    if (!position.ocoExchangeId)
      await updatePosition(deps.db, position.id, { ocoExchangeId: oco.id });
    const known = await ordersOfPosition(deps.db, position.id);
    const missing = new Set(
      oco.legs
        .filter((leg) => !known.some((o) => o.clientOrderId === leg.clientOrderId))
        .map((leg) => leg.clientOrderId),
    );
    if (missing.size > 0) {
      const records = ocoLegRecords(position, oco, 'strategy', deps.now()).filter((r) =>
        missing.has(r.clientOrderId),
      );
      await deps.db.insert(orders).values(records).onConflictDoNothing();
      out.push({
        kind: 'oco_legs_recorded',
        positionId: position.id,
        detail: `OCO of position ${position.id} existed on the venue without its leg records; recorded.`,
      });
    }
  }
  const held = balances.find((b) => b.asset === market.base);
  const venueQuantity = Decimal.from(held?.free ?? '0').add(held?.locked ?? '0');
  if (
    position.status === 'open' &&
    venueQuantity.lt(position.quantity) &&
    // re-read: an exit started since the pass began sells first and settles the position itself
    (await findPosition(deps.db, position.id))?.status === 'open'
  ) {
    const ticker = await exchange.fetchTicker(position.symbol);
    const now = deps.now();
    await settlePosition(
      deps,
      position,
      market,
      {
        id: 'reconcile',
        clientOrderId: 'reconcile',
        symbol: position.symbol,
        side: 'sell',
        type: 'market',
        status: 'filled',
        quantity: position.quantity,
        filledQuantity: position.quantity,
        averagePrice: String(ticker.last),
        fees: [],
        createdAt: now.getTime(),
        updatedAt: now.getTime(),
      },
      'reconcile',
    );
    out.push({
      kind: 'position_gone',
      positionId: position.id,
      detail: `Position ${position.id}: the venue holds ${venueQuantity.toString()} ${market.base}, less than ${position.quantity}; closed at ${ticker.last} (reason reconcile).`,
    });
  }
}

/** The position's OCO is not live on the venue (never placed, lost, cancelled): place it again. */
async function replaceLostProtection(
  deps: TradingDeps,
  exchange: Exchange,
  market: Market,
  position: Position,
  out: Difference[],
) {
  await placeProtection(deps, exchange, market, position);
  out.push({
    kind: 'protection_replaced',
    positionId: position.id,
    detail: `Position ${position.id} had no live OCO on the venue; protection placed.`,
  });
}
