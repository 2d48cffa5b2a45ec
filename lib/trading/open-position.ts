import { Decimal } from '../core/money';
import { roundQuantityDown } from '../core/sizing';
import { ordersOfPosition, updateOrder } from '../db/queries/orders';
import { insertPositionOfEntry, recordNativeOco, updatePosition } from '../db/queries/positions';
import { type NewOrder, type Order, type Position } from '../db/schema';
import { logSystem } from '../log/system-log';
import { ExchangeError } from '../exchange/exchange-error';
import type { Exchange, ExchangeOco, ExchangeOrder, Market } from '../exchange/types';
import { newClientOrderId } from './client-order-id';
import { closePosition } from './close-position';
import { crashPoint } from './crash-point';
import type { TradingDeps } from './deps';
import { summarizeFill } from './fill-summary';
import { venueFields } from './place-order';
import { protectionPrices, stopLimitPrice } from './protection';

export interface EntryContext {
  userId: string;
  accountId: string;
  botId: string | null;
  signalId: string | null;
  source: Order['source'];
  takeProfit?: string | null;
  stopLoss?: string | null;
  takeProfitPct?: string | null;
  stopLossPct?: string | null;
  maxHoldMinutes?: number | null;
}

/**
 * A filled entry becomes a protected position (DESIGN §4 step 6). The exit quantity is what was
 * actually received: the fill net of base-asset fees, on the step. Protection is a native OCO
 * where the venue has one, else an emulated OCO the exit monitor enforces. If a native OCO cannot
 * be placed, the position is closed at market at once and an error is raised in the system log:
 * an unprotected position is never left open.
 */
export async function openPosition(
  deps: TradingDeps,
  exchange: Exchange,
  market: Market,
  entryOrder: Order,
  filled: ExchangeOrder,
  context: EntryContext,
): Promise<Position> {
  const now = deps.now();
  const fill = summarizeFill(filled, market);
  const quantity = roundQuantityDown(fill.netBase, market.stepSize).decimal;
  const prices = protectionPrices(fill.averagePrice, market, context);
  const hasProtection = prices.takeProfit !== null || prices.stopLoss !== null;
  const useNative =
    exchange.capabilities.nativeOco && prices.takeProfit !== null && prices.stopLoss !== null;
  // The position and its entry's link are one write: a crash leaves both or neither.
  const position = await insertPositionOfEntry(
    deps.db,
    {
      userId: context.userId,
      exchangeAccountId: context.accountId,
      botId: context.botId,
      signalId: context.signalId,
      symbol: market.symbol,
      quantity: quantity.toString(),
      entryPrice: fill.averagePrice.toString(),
      entryCost: fill.notional.add(fill.feeQuote).toString(),
      entryFee: fill.feeValue.toString(),
      takeProfit: prices.takeProfit?.toString() ?? null,
      stopLoss: prices.stopLoss?.toString() ?? null,
      protection: useNative ? 'native_oco' : hasProtection ? 'emulated' : 'none',
      ocoClientId: useNative ? newClientOrderId('oco') : null,
      maxHoldUntil: context.maxHoldMinutes
        ? new Date(now.getTime() + context.maxHoldMinutes * 60_000)
        : null,
      openedAt: now,
    },
    entryOrder.id,
    now,
  );
  crashPoint('after-position');
  await deps.notify({
    type: 'position:opened',
    userId: context.userId,
    payload: {
      positionId: position.id,
      botId: position.botId,
      symbol: position.symbol,
      quantity: position.quantity,
      entryPrice: position.entryPrice,
      takeProfit: position.takeProfit,
      stopLoss: position.stopLoss,
      protection: position.protection,
      at: now.toISOString(),
    },
  });
  if (!useNative) return position;
  return placeProtection(deps, exchange, market, position, context.source);
}

/**
 * Places the position's native OCO (take-profit limit + stop-loss) under its recorded client OCO
 * id and records both legs. On failure the position is closed at market (never left bare).
 */
export async function placeProtection(
  deps: TradingDeps,
  exchange: Exchange,
  market: Market,
  position: Position,
  source: Order['source'] = 'strategy',
): Promise<Position> {
  const takeProfit = Decimal.from(position.takeProfit ?? '0');
  const stopLoss = Decimal.from(position.stopLoss ?? '0');
  let oco: ExchangeOco;
  try {
    oco = await exchange.createOco({
      symbol: market.symbol,
      side: 'sell',
      quantity: position.quantity,
      takeProfitPrice: takeProfit.toString(),
      stopPrice: stopLoss.toString(),
      stopLimitPrice: stopLimitPrice(stopLoss, market).toString(),
      clientOcoId: position.ocoClientId!,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ExchangeError && error.kind === 'unknown') {
      // The OCO may exist: reconciliation looks it up by its client id and places it if not.
      await logSystem(deps.db, {
        level: 'warn',
        source: 'trading',
        message: `Protection for position ${position.id} unconfirmed (${message}); reconciliation will settle it.`,
        context: { positionId: position.id },
      });
      return position;
    }
    await logSystem(deps.db, {
      level: 'error',
      source: 'trading',
      message: `Protection for position ${position.id} (${market.symbol}) could not be placed: ${message}. Closing it at market.`,
      context: { positionId: position.id, userId: position.userId },
    });
    const unprotected = await updatePosition(deps.db, position.id, { protection: 'none' });
    await closePosition(deps, unprotected.id, 'reconcile', { exchange, market });
    return unprotected;
  }
  crashPoint('after-oco');
  return recordNativeOco(
    deps.db,
    position.id,
    oco.id,
    ocoLegRecords(position, oco, source, deps.now()),
  );
}

/** Our order records for a native OCO's two legs (take-profit first, as the venue lists them). */
export function ocoLegRecords(
  position: Position,
  oco: ExchangeOco,
  source: Order['source'],
  now: Date,
): NewOrder[] {
  return oco.legs.map((leg, index) => ({
    userId: position.userId,
    exchangeAccountId: position.exchangeAccountId,
    signalId: position.signalId,
    positionId: position.id,
    botId: position.botId,
    clientOrderId: leg.clientOrderId,
    symbol: position.symbol,
    side: 'sell' as const,
    type: leg.type,
    role: index === 0 ? ('take_profit' as const) : ('stop_loss' as const),
    source,
    quantity: leg.quantity,
    price: leg.price ?? null,
    stopPrice: leg.stopPrice ?? null,
    createdAt: now,
    updatedAt: now,
    ...venueFields(leg),
    ocoId: oco.id,
  }));
}

/** Our leg records of a position follow the venue's view of its OCO's legs (status, fills). */
export async function syncOcoLegRecords(
  deps: TradingDeps,
  positionId: string,
  oco: ExchangeOco,
): Promise<void> {
  const records = await ordersOfPosition(deps.db, positionId);
  for (const leg of oco.legs) {
    const record = records.find((o) => o.clientOrderId === leg.clientOrderId);
    if (record && record.status !== leg.status)
      await updateOrder(deps.db, record.id, venueFields(leg), deps.now());
  }
}
