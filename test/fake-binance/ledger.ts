/**
 * The fake venue's authoritative books: balances (free/locked), orders, OCO lists and trades.
 * Orders fill against a scripted price: market orders and marketable limits at once, resting
 * limits, stops and OCO legs when `setPrice` crosses them; one OCO leg filling or triggering
 * expires the other, as on Binance.
 */
import { Decimal } from '../../lib/core/money';
import { binanceErrors } from './binance-errors';
import { checkFilters } from './check-filters';
import {
  type LedgerOrder,
  type LedgerOrderList,
  type LedgerTrade,
  type Lock,
  isOpenStatus,
} from './ledger-types';
import { BalanceBook } from './balance-book';
import {
  LIMIT_TYPES,
  STOP_TYPES,
  draftOrder,
  limitReached,
  newClientId,
  triggers,
} from './order-draft';
import { type Params, required } from './parse-params';
import { type FakeSymbol } from './symbols';

export interface LedgerOptions {
  symbols: readonly FakeSymbol[];
  balances: Record<string, string>;
  prices: Record<string, string>;
  /** Fee rate per fill, default 0.001 (0.1 %). */
  commissionRate: string;
  /** `received` (Binance without BNB): base on buys, quote on sells; `quote`: always quote. */
  commissionMode: 'received' | 'quote';
  now: () => number;
  /** What `/sapi/v1/account/apiRestrictions` says about withdrawals (default false). */
  withdrawalsEnabled?: boolean;
}

export class Ledger {
  private readonly book: BalanceBook;
  private readonly prices = new Map<string, Decimal>();
  private readonly orders = new Map<number, LedgerOrder>();
  private readonly lists = new Map<number, LedgerOrderList>();
  private readonly trades: LedgerTrade[] = [];
  private readonly symbols: Map<string, FakeSymbol>;
  private nextOrderId = 1_000_001;
  private nextTradeId = 500_001;
  private nextListId = 9_001;

  constructor(private readonly options: LedgerOptions) {
    this.symbols = new Map(options.symbols.map((s) => [s.symbol, s]));
    for (const s of options.symbols)
      this.prices.set(s.symbol, Decimal.from(options.prices[s.symbol] ?? s.defaultPrice));
    this.book = new BalanceBook(options.balances);
  }

  // ---- reading -------------------------------------------------------------------------------

  get withdrawalsEnabled(): boolean {
    return this.options.withdrawalsEnabled ?? false;
  }

  symbol(id: string): FakeSymbol {
    const symbol = this.symbols.get(id);
    if (!symbol) throw binanceErrors.invalidSymbol();
    return symbol;
  }

  allSymbols(): FakeSymbol[] {
    return [...this.symbols.values()];
  }

  price(symbol: string): Decimal {
    const price = this.prices.get(symbol);
    if (!price) throw binanceErrors.invalidSymbol();
    return price;
  }

  balance(asset: string): { free: string; locked: string } {
    const b = this.book.account(asset);
    return { free: b.free.toString(), locked: b.locked.toString() };
  }

  allBalances(): { asset: string; free: Decimal; locked: Decimal }[] {
    return this.book.all();
  }

  allOrders(): LedgerOrder[] {
    return [...this.orders.values()];
  }

  allTrades(): LedgerTrade[] {
    return [...this.trades];
  }

  allLists(): LedgerOrderList[] {
    return [...this.lists.values()];
  }

  /** An order by `orderId` or `origClientOrderId`, or -2013. */
  findOrder(symbol: string, params: Params): LedgerOrder {
    this.symbol(symbol);
    const orderId = params.orderId;
    const clientId = params.origClientOrderId;
    if (orderId === undefined && clientId === undefined)
      throw binanceErrors.eitherParam('origClientOrderId', 'orderId');
    const matches = this.allOrders().filter(
      (o) =>
        o.symbol === symbol &&
        (orderId !== undefined ? String(o.orderId) === orderId : o.clientOrderId === clientId),
    );
    const order = matches.at(-1);
    if (!order) throw binanceErrors.orderDoesNotExist();
    return order;
  }

  findList(params: Params): LedgerOrderList {
    const id = params.orderListId;
    const clientId = params.origClientOrderId ?? params.listClientOrderId;
    if (id === undefined && clientId === undefined)
      throw binanceErrors.eitherParam('orderListId', 'listClientOrderId');
    const list = this.allLists().find((l) =>
      id !== undefined ? String(l.orderListId) === id : l.listClientOrderId === clientId,
    );
    if (!list) throw binanceErrors.orderDoesNotExist();
    return list;
  }

  legs(list: LedgerOrderList): LedgerOrder[] {
    return list.orderIds.map((id) => this.orders.get(id)!);
  }

  openOrders(symbol?: string): LedgerOrder[] {
    if (symbol !== undefined) this.symbol(symbol);
    return this.allOrders().filter(
      (o) => isOpenStatus(o.status) && (symbol === undefined || o.symbol === symbol),
    );
  }

  // ---- balances ------------------------------------------------------------------------------

  setBalance(asset: string, free: string): void {
    this.book.account(asset).free = Decimal.from(free);
  }

  /** Frees what the order (or its OCO list) holds, once. */
  private releaseFor(order: LedgerOrder): void {
    if (order.lock) {
      this.book.release(order.lock);
      order.lock = null;
      return;
    }
    const list = this.lists.get(order.orderListId);
    if (list?.lock) {
      this.book.release(list.lock);
      list.lock = null;
    }
  }

  // ---- placing -------------------------------------------------------------------------------

  /** `POST /api/v3/order`. */
  placeOrder(params: Params): LedgerOrder {
    const symbol = this.symbol(required(params, 'symbol'));
    const draft = this.draft(symbol, params);
    this.checkPlaceable(symbol, draft);
    const lock = this.lockFor(draft);
    if (lock) this.book.hold(lock);
    else if (draft.side === 'BUY') this.checkMarketBuyFunds(symbol, draft);
    draft.lock = lock;
    this.orders.set(draft.orderId, draft);
    this.afterPlacement(draft);
    return draft;
  }

  /** `POST /api/v3/orderList/oco` (the new endpoint with above/below legs). */
  placeOco(params: Params): { list: LedgerOrderList; legs: LedgerOrder[] } {
    const symbol = this.symbol(required(params, 'symbol'));
    const side = required(params, 'side');
    const common = { symbol: symbol.symbol, side, quantity: required(params, 'quantity') };
    const legParams = (prefix: 'above' | 'below'): Params => {
      const leg: Params = { ...common, type: required(params, `${prefix}Type`) };
      for (const [key, target] of [
        ['Price', 'price'],
        ['StopPrice', 'stopPrice'],
        ['TimeInForce', 'timeInForce'],
        ['ClientOrderId', 'newClientOrderId'],
      ] as const) {
        const value = params[`${prefix}${key}`];
        if (value !== undefined) leg[target] = value;
      }
      return leg;
    };
    const above = this.draft(symbol, legParams('above'));
    const below = this.draft(symbol, legParams('below'));
    const takeProfit = new Set(['LIMIT_MAKER', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT']);
    const stopLoss = new Set(['STOP_LOSS', 'STOP_LOSS_LIMIT']);
    const [tpLeg, slLeg] = side === 'SELL' ? [above, below] : [below, above];
    if (!takeProfit.has(tpLeg.type) || !stopLoss.has(slLeg.type))
      throw binanceErrors.unsupportedOrderCombination();
    this.checkPlaceable(symbol, below);
    this.checkPlaceable(symbol, above);
    const locks = [this.lockFor(above), this.lockFor(below)];
    const lock = locks.reduce<Lock | null>(
      (max, l) => (l && (!max || l.amount.gt(max.amount)) ? l : max),
      null,
    );
    if (lock) this.book.hold(lock);
    const listClientOrderId = params.listClientOrderId ?? newClientId();
    const list: LedgerOrderList = {
      orderListId: this.nextListId++,
      listClientOrderId,
      symbol: symbol.symbol,
      transactionTime: this.options.now(),
      orderIds: [below.orderId, above.orderId],
      lock,
    };
    for (const leg of [below, above]) {
      leg.orderListId = list.orderListId;
      this.orders.set(leg.orderId, leg);
    }
    this.lists.set(list.orderListId, list);
    return { list, legs: [below, above] };
  }

  private draft(symbol: FakeSymbol, params: Params): LedgerOrder {
    return draftOrder(symbol, params, this.nextOrderId++, this.options.now());
  }

  private checkPlaceable(symbol: FakeSymbol, order: LedgerOrder): void {
    if (symbol.status !== 'TRADING') throw binanceErrors.marketClosed();
    const current = this.price(symbol.symbol);
    checkFilters(symbol, {
      type: order.type,
      side: order.side,
      quantity: order.origQty,
      price: LIMIT_TYPES.has(order.type) ? order.price : undefined,
      stopPrice: STOP_TYPES.has(order.type) ? order.stopPrice : undefined,
      currentPrice: current,
      openOrders: this.openOrders(symbol.symbol).length,
    });
    if (this.openOrders().some((o) => o.clientOrderId === order.clientOrderId))
      throw binanceErrors.duplicateOrder();
    if (STOP_TYPES.has(order.type) && triggers(order, current))
      throw binanceErrors.wouldTriggerImmediately();
    if (order.type === 'LIMIT_MAKER' && limitReached(order, current))
      throw binanceErrors.wouldMatchAndTake();
  }

  /** What a resting order holds: the base for sells, the quote at its price for buys. */
  private lockFor(order: LedgerOrder): Lock | null {
    const symbol = this.symbol(order.symbol);
    if (order.side === 'SELL') return { asset: symbol.baseAsset, amount: order.origQty };
    if (order.type === 'MARKET') return null;
    const price = LIMIT_TYPES.has(order.type) ? order.price : order.stopPrice;
    return { asset: symbol.quoteAsset, amount: order.origQty.mul(price) };
  }

  private checkMarketBuyFunds(symbol: FakeSymbol, order: LedgerOrder): void {
    const cost = order.origQty.mul(this.price(symbol.symbol));
    const fee =
      this.options.commissionMode === 'quote'
        ? cost.mul(this.options.commissionRate)
        : Decimal.ZERO;
    if (this.book.account(symbol.quoteAsset).free.lt(cost.add(fee)))
      throw binanceErrors.insufficientBalance();
  }

  private afterPlacement(order: LedgerOrder): void {
    const current = this.price(order.symbol);
    if (order.type === 'MARKET') {
      this.fill(order, current, false);
    } else if (
      (order.type === 'LIMIT' || order.type === 'LIMIT_MAKER') &&
      limitReached(order, current)
    ) {
      this.fill(order, current, false);
    } else if (order.timeInForce === 'IOC' || order.timeInForce === 'FOK') {
      this.releaseFor(order);
      this.finish(order, 'EXPIRED');
    }
  }

  // ---- matching ------------------------------------------------------------------------------

  /** Moves the price and fills or triggers whatever it crosses, oldest order first. */
  setPrice(symbolId: string, price: string): void {
    this.symbol(symbolId);
    const p = Decimal.from(price);
    this.prices.set(symbolId, p);
    for (const order of this.openOrders(symbolId)) {
      if (!isOpenStatus(order.status)) continue; // expired by an OCO sibling in this pass
      if (!order.isWorking) {
        if (!triggers(order, p)) continue;
        order.isWorking = true;
        order.workingTime = this.options.now();
        order.updateTime = order.workingTime;
        this.expireSibling(order);
        if (order.type === 'STOP_LOSS' || order.type === 'TAKE_PROFIT' || limitReached(order, p)) {
          this.fill(order, p, false);
        }
      } else if (limitReached(order, p)) {
        this.fill(order, order.price, true);
      }
    }
  }

  private expireSibling(order: LedgerOrder): void {
    const list = this.lists.get(order.orderListId);
    if (!list) return;
    for (const leg of this.legs(list)) {
      if (leg.orderId !== order.orderId && isOpenStatus(leg.status)) this.finish(leg, 'EXPIRED');
    }
  }

  private finish(order: LedgerOrder, status: LedgerOrder['status']): void {
    order.status = status;
    order.updateTime = this.options.now();
  }

  /** Fills the whole remaining quantity at `price` and books balances and the trade. */
  private fill(order: LedgerOrder, price: Decimal, isMaker: boolean): void {
    const symbol = this.symbol(order.symbol);
    const qty = order.origQty.sub(order.executedQty);
    const quoteQty = qty.mul(price);
    const rate = Decimal.from(this.options.commissionRate);
    const buy = order.side === 'BUY';
    const feeInBase = buy && this.options.commissionMode === 'received';
    const commission = (feeInBase ? qty : quoteQty).mul(rate).round(8, 'up');
    const commissionAsset = feeInBase ? symbol.baseAsset : symbol.quoteAsset;
    this.releaseFor(order);
    const base = this.book.account(symbol.baseAsset);
    const quote = this.book.account(symbol.quoteAsset);
    if (buy) {
      const cost = feeInBase ? quoteQty : quoteQty.add(commission);
      if (quote.free.lt(cost)) {
        if (order.type === 'MARKET') throw binanceErrors.insufficientBalance();
        this.finish(order, 'EXPIRED');
        return;
      }
      quote.free = quote.free.sub(cost);
      base.free = base.free.add(feeInBase ? qty.sub(commission) : qty);
    } else {
      base.free = base.free.sub(qty);
      quote.free = quote.free.add(quoteQty.sub(commission));
    }
    const trade: LedgerTrade = {
      id: this.nextTradeId++,
      symbol: order.symbol,
      orderId: order.orderId,
      orderListId: order.orderListId,
      price,
      qty,
      quoteQty,
      commission,
      commissionAsset,
      time: this.options.now(),
      isBuyer: buy,
      isMaker,
    };
    this.trades.push(trade);
    order.fills.push(trade);
    order.executedQty = order.executedQty.add(qty);
    order.cummulativeQuoteQty = order.cummulativeQuoteQty.add(quoteQty);
    this.finish(order, 'FILLED');
    this.expireSibling(order);
  }

  // ---- canceling -----------------------------------------------------------------------------

  /** `DELETE /api/v3/order`; canceling one OCO leg cancels the whole list, as on Binance. */
  cancelOrder(symbol: string, params: Params): LedgerOrder {
    let order: LedgerOrder;
    try {
      order = this.findOrder(symbol, params);
    } catch {
      throw binanceErrors.unknownOrder();
    }
    if (!isOpenStatus(order.status)) throw binanceErrors.unknownOrder();
    const list = this.lists.get(order.orderListId);
    if (list) this.cancelList(symbol, { orderListId: String(list.orderListId) });
    else {
      this.releaseFor(order);
      this.finish(order, 'CANCELED');
    }
    return order;
  }

  /** `DELETE /api/v3/orderList`. */
  cancelList(symbol: string, params: Params): LedgerOrderList {
    this.symbol(symbol);
    let list: LedgerOrderList;
    try {
      list = this.findList(params);
    } catch {
      throw binanceErrors.unknownOrder();
    }
    const open = this.legs(list).filter((leg) => isOpenStatus(leg.status));
    if (open.length === 0) throw binanceErrors.unknownOrder();
    for (const leg of open) this.finish(leg, 'CANCELED');
    this.book.release(list.lock);
    list.lock = null;
    return list;
  }
}
