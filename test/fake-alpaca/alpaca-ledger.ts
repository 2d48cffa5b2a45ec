/**
 * The fake Alpaca crypto account: USD cash (open buy orders' funds held out of it), coin positions
 * (open sells held out of `qty_available`), orders and FILL activities. Market orders fill at the
 * scripted price; limit and stop-limit orders rest until `setPrice` crosses them. No fees.
 */
import { randomUUID } from 'node:crypto';
import { Decimal } from '../../lib/core/money';

export interface FakeAsset {
  symbol: string;
  minOrderSize: string;
  minTradeIncrement: string;
  priceIncrement: string;
  defaultPrice: string;
}

export const DEFAULT_ASSETS: readonly FakeAsset[] = [
  {
    symbol: 'BTC/USD',
    minOrderSize: '0.0001',
    minTradeIncrement: '0.000000001',
    priceIncrement: '0.1',
    defaultPrice: '60000',
  },
  {
    symbol: 'ETH/USD',
    minOrderSize: '0.001',
    minTradeIncrement: '0.000000001',
    priceIncrement: '0.01',
    defaultPrice: '3000',
  },
];

export class AlpacaApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface AlpacaOrder {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: 'buy' | 'sell';
  type: 'market' | 'limit' | 'stop_limit';
  qty: Decimal;
  filledQty: Decimal;
  filledAvgPrice?: Decimal;
  limitPrice?: Decimal;
  stopPrice?: Decimal;
  triggered: boolean;
  status: 'new' | 'filled' | 'canceled';
  held: Decimal;
  createdAt: number;
  updatedAt: number;
  filledAt?: number;
}

export interface AlpacaFill {
  id: string;
  orderId: string;
  symbol: string;
  side: 'buy' | 'sell';
  price: Decimal;
  qty: Decimal;
  time: number;
}

const onStep = (value: Decimal, step: string): boolean =>
  value.roundToStep(step, 'floor').eq(value);

export class AlpacaLedger {
  cash: Decimal;
  readonly positions = new Map<string, { qty: Decimal; held: Decimal }>();
  readonly orders: AlpacaOrder[] = [];
  readonly fills: AlpacaFill[] = [];
  private readonly prices = new Map<string, Decimal>();

  constructor(
    readonly assets: readonly FakeAsset[],
    cash: string,
    positions: Record<string, string>,
    prices: Record<string, string>,
    private readonly now: () => number,
  ) {
    this.cash = Decimal.from(cash);
    for (const [asset, qty] of Object.entries(positions))
      this.positions.set(asset, { qty: Decimal.from(qty), held: Decimal.ZERO });
    for (const a of assets)
      this.prices.set(a.symbol, Decimal.from(prices[a.symbol] ?? a.defaultPrice));
  }

  asset(symbol: string): FakeAsset {
    const asset = this.assets.find((a) => a.symbol === symbol);
    if (!asset) throw new AlpacaApiError(422, 42210000, `asset "${symbol}" not found`);
    return asset;
  }

  price(symbol: string): Decimal {
    return this.prices.get(this.asset(symbol).symbol)!;
  }

  heldCash(): Decimal {
    return Decimal.sum(
      this.orders.filter((o) => o.status === 'new' && o.side === 'buy').map((o) => o.held),
    );
  }

  positionValue(): Decimal {
    return Decimal.sum(
      [...this.positions.entries()].map(([asset, p]) =>
        p.qty.mul(this.prices.get(`${asset}/USD`) ?? 0),
      ),
    );
  }

  private position(asset: string) {
    let p = this.positions.get(asset);
    if (!p) {
      p = { qty: Decimal.ZERO, held: Decimal.ZERO };
      this.positions.set(asset, p);
    }
    return p;
  }

  find(ref: { id?: string; clientOrderId?: string }): AlpacaOrder {
    const order = this.orders.find((o) =>
      ref.id !== undefined ? o.id === ref.id : o.clientOrderId === ref.clientOrderId,
    );
    if (!order) throw new AlpacaApiError(404, 40410000, 'order not found');
    return order;
  }

  place(body: Record<string, string>): AlpacaOrder {
    const asset = this.asset(body.symbol ?? '');
    const side = body.side === 'sell' ? 'sell' : 'buy';
    const type = body.type === 'limit' || body.type === 'stop_limit' ? body.type : 'market';
    if (!body.qty || !Decimal.isValid(body.qty))
      throw new AlpacaApiError(422, 40010001, 'qty is required');
    const qty = Decimal.from(body.qty);
    if (qty.lt(asset.minOrderSize))
      throw new AlpacaApiError(422, 40010001, `qty must be >= ${asset.minOrderSize}`);
    if (!onStep(qty, asset.minTradeIncrement))
      throw new AlpacaApiError(
        422,
        40010001,
        `qty must be in increments of ${asset.minTradeIncrement}`,
      );
    const clientOrderId = body.client_order_id ?? randomUUID();
    if (this.orders.some((o) => o.clientOrderId === clientOrderId))
      throw new AlpacaApiError(422, 40010001, 'client_order_id must be unique');
    const limitPrice = type === 'market' ? undefined : Decimal.from(body.limit_price ?? '0');
    const stopPrice = type === 'stop_limit' ? Decimal.from(body.stop_price ?? '0') : undefined;
    const current = this.price(asset.symbol);
    const base = asset.symbol.split('/')[0]!;
    const held = side === 'buy' ? qty.mul(limitPrice ?? current) : qty;
    if (side === 'buy' && this.cash.lt(held)) {
      throw new AlpacaApiError(
        403,
        40310000,
        `insufficient balance for USD (requested: ${held.toString()}, available: ${this.cash.toString()})`,
      );
    }
    const position = this.position(base);
    if (side === 'sell' && position.qty.sub(position.held).lt(qty)) {
      throw new AlpacaApiError(
        403,
        40310000,
        `insufficient balance for ${base} (requested: ${qty.toString()}, available: ${position.qty.sub(position.held).toString()})`,
      );
    }
    const now = this.now();
    const order: AlpacaOrder = {
      id: randomUUID(),
      clientOrderId,
      symbol: asset.symbol,
      side,
      type,
      qty,
      filledQty: Decimal.ZERO,
      limitPrice,
      stopPrice,
      triggered: type !== 'stop_limit',
      status: 'new',
      held,
      createdAt: now,
      updatedAt: now,
    };
    if (side === 'buy') this.cash = this.cash.sub(held);
    else position.held = position.held.add(qty);
    this.orders.push(order);
    if (type === 'market') this.fill(order, current);
    else if (type === 'limit' && this.reached(order, current)) this.fill(order, current);
    return order;
  }

  private reached(order: AlpacaOrder, p: Decimal): boolean {
    return order.side === 'buy' ? p.lte(order.limitPrice!) : p.gte(order.limitPrice!);
  }

  private release(order: AlpacaOrder): void {
    if (order.side === 'buy') this.cash = this.cash.add(order.held);
    else {
      const p = this.position(order.symbol.split('/')[0]!);
      p.held = p.held.sub(order.held);
    }
    order.held = Decimal.ZERO;
  }

  private fill(order: AlpacaOrder, price: Decimal): void {
    this.release(order);
    const p = this.position(order.symbol.split('/')[0]!);
    const cost = order.qty.mul(price);
    if (order.side === 'buy') {
      this.cash = this.cash.sub(cost);
      p.qty = p.qty.add(order.qty);
    } else {
      this.cash = this.cash.add(cost);
      p.qty = p.qty.sub(order.qty);
    }
    const now = this.now();
    Object.assign(order, {
      filledQty: order.qty,
      filledAvgPrice: price,
      status: 'filled',
      updatedAt: now,
      filledAt: now,
    });
    this.fills.push({
      id: `${now}::${randomUUID()}`,
      orderId: order.id,
      symbol: order.symbol,
      side: order.side,
      price,
      qty: order.qty,
      time: now,
    });
  }

  cancel(id: string): void {
    const order = this.find({ id });
    if (order.status !== 'new')
      throw new AlpacaApiError(422, 42210000, `order is already in "${order.status}" state`);
    this.release(order);
    order.status = 'canceled';
    order.updatedAt = this.now();
  }

  setPrice(symbol: string, price: string): void {
    const p = Decimal.from(price);
    this.prices.set(this.asset(symbol).symbol, p);
    for (const order of this.orders.filter((o) => o.status === 'new' && o.symbol === symbol)) {
      if (!order.triggered) {
        const up = order.side === 'buy';
        if (up ? p.lt(order.stopPrice!) : p.gt(order.stopPrice!)) continue;
        order.triggered = true;
        if (this.reached(order, p)) this.fill(order, p);
      } else if (this.reached(order, p)) {
        this.fill(order, order.limitPrice!);
      }
    }
  }
}
