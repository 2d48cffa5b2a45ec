/** The fake venue's books: orders, order lists (OCO), trades, and their Binance JSON shapes. */
import { type Decimal } from '../../lib/core/money';

export type BinanceSide = 'BUY' | 'SELL';
export type BinanceOrderStatus =
  'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'EXPIRED' | 'REJECTED';

export interface Lock {
  asset: string;
  amount: Decimal;
}

export interface LedgerTrade {
  id: number;
  symbol: string;
  orderId: number;
  orderListId: number;
  price: Decimal;
  qty: Decimal;
  quoteQty: Decimal;
  commission: Decimal;
  commissionAsset: string;
  time: number;
  isBuyer: boolean;
  isMaker: boolean;
}

export interface LedgerOrder {
  symbol: string;
  orderId: number;
  orderListId: number;
  clientOrderId: string;
  /** Zero for market orders. */
  price: Decimal;
  origQty: Decimal;
  executedQty: Decimal;
  cummulativeQuoteQty: Decimal;
  status: BinanceOrderStatus;
  timeInForce: string;
  type: string;
  side: BinanceSide;
  /** Zero when the order has no trigger. */
  stopPrice: Decimal;
  time: number;
  updateTime: number;
  workingTime: number;
  /** False for a stop that has not triggered yet. */
  isWorking: boolean;
  /** Funds held for this order; OCO legs share their list's lock instead. */
  lock: Lock | null;
  fills: LedgerTrade[];
}

export interface LedgerOrderList {
  orderListId: number;
  listClientOrderId: string;
  symbol: string;
  transactionTime: number;
  orderIds: [number, number];
  lock: Lock | null;
}

export const isOpenStatus = (status: BinanceOrderStatus): boolean =>
  status === 'NEW' || status === 'PARTIALLY_FILLED';

/** Binance prints every amount with 8 decimals. */
export const fmt = (value: Decimal): string => value.toFixed(8, 'down');

const hasTrigger = (type: string): boolean =>
  type.startsWith('STOP_LOSS') || type.startsWith('TAKE_PROFIT');

/** `GET /api/v3/order` and `openOrders` shape. */
export function orderJson(order: LedgerOrder): Record<string, unknown> {
  return {
    symbol: order.symbol,
    orderId: order.orderId,
    orderListId: order.orderListId,
    clientOrderId: order.clientOrderId,
    price: fmt(order.price),
    origQty: fmt(order.origQty),
    executedQty: fmt(order.executedQty),
    cummulativeQuoteQty: fmt(order.cummulativeQuoteQty),
    status: order.status,
    timeInForce: order.timeInForce,
    type: order.type,
    side: order.side,
    stopPrice: fmt(order.stopPrice),
    icebergQty: '0.00000000',
    time: order.time,
    updateTime: order.updateTime,
    isWorking: order.isWorking,
    workingTime: order.isWorking ? order.workingTime : -1,
    origQuoteOrderQty: '0.00000000',
    selfTradePreventionMode: 'EXPIRE_MAKER',
  };
}

/** The order part of a `POST /api/v3/order` answer (RESULT) or an OCO order report. */
export function orderReportJson(order: LedgerOrder, transactTime: number): Record<string, unknown> {
  const report: Record<string, unknown> = {
    symbol: order.symbol,
    orderId: order.orderId,
    orderListId: order.orderListId,
    clientOrderId: order.clientOrderId,
    transactTime,
    price: fmt(order.price),
    origQty: fmt(order.origQty),
    executedQty: fmt(order.executedQty),
    origQuoteOrderQty: '0.00000000',
    cummulativeQuoteQty: fmt(order.cummulativeQuoteQty),
    status: order.status,
    timeInForce: order.timeInForce,
    type: order.type,
    side: order.side,
  };
  if (hasTrigger(order.type)) report.stopPrice = fmt(order.stopPrice);
  if (order.isWorking) report.workingTime = order.workingTime;
  report.selfTradePreventionMode = 'EXPIRE_MAKER';
  return report;
}

/** `POST /api/v3/order` with `newOrderRespType=FULL`: the report plus its fills. */
export function newOrderFullJson(
  order: LedgerOrder,
  transactTime: number,
): Record<string, unknown> {
  return {
    ...orderReportJson(order, transactTime),
    fills: order.fills.map((t) => ({
      price: fmt(t.price),
      qty: fmt(t.qty),
      commission: fmt(t.commission),
      commissionAsset: t.commissionAsset,
      tradeId: t.id,
    })),
  };
}

/** `DELETE /api/v3/order` shape: the original client id plus a fresh cancel id. */
export function cancelJson(
  order: LedgerOrder,
  transactTime: number,
  cancelId: string,
): Record<string, unknown> {
  const { clientOrderId: _ours, ...rest } = orderReportJson(order, transactTime);
  return {
    symbol: order.symbol,
    origClientOrderId: order.clientOrderId,
    ...rest,
    clientOrderId: cancelId,
  };
}

export function tradeJson(trade: LedgerTrade): Record<string, unknown> {
  return {
    symbol: trade.symbol,
    id: trade.id,
    orderId: trade.orderId,
    orderListId: trade.orderListId,
    price: fmt(trade.price),
    qty: fmt(trade.qty),
    quoteQty: fmt(trade.quoteQty),
    commission: fmt(trade.commission),
    commissionAsset: trade.commissionAsset,
    time: trade.time,
    isBuyer: trade.isBuyer,
    isMaker: trade.isMaker,
    isBestMatch: true,
  };
}

/** `GET /api/v3/orderList` shape; `orderReports` is added by create and cancel answers. */
export function orderListJson(list: LedgerOrderList, legs: LedgerOrder[]): Record<string, unknown> {
  const done = legs.every((leg) => !isOpenStatus(leg.status));
  return {
    orderListId: list.orderListId,
    contingencyType: 'OCO',
    listStatusType: done ? 'ALL_DONE' : 'EXEC_STARTED',
    listOrderStatus: done ? 'ALL_DONE' : 'EXECUTING',
    listClientOrderId: list.listClientOrderId,
    transactionTime: list.transactionTime,
    symbol: list.symbol,
    orders: legs.map((leg) => ({
      symbol: leg.symbol,
      orderId: leg.orderId,
      clientOrderId: leg.clientOrderId,
    })),
  };
}
