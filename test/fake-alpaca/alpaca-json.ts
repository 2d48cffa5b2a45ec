/** Alpaca's JSON shapes for the fake: assets, orders, positions, FILL activities, bars. */
import {
  type AlpacaFill,
  type AlpacaLedger,
  type AlpacaOrder,
  type FakeAsset,
} from './alpaca-ledger';

const iso = (ms: number | undefined): string | null =>
  ms === undefined ? null : new Date(ms).toISOString();

export function assetJson(asset: FakeAsset): Record<string, unknown> {
  return {
    id: `asset-${asset.symbol.replace('/', '-').toLowerCase()}`,
    class: 'crypto',
    exchange: 'CRYPTO',
    symbol: asset.symbol,
    name: asset.symbol,
    status: 'active',
    tradable: true,
    marginable: false,
    maintenance_margin_requirement: 100,
    shortable: false,
    easy_to_borrow: false,
    fractionable: true,
    attributes: [],
    min_order_size: asset.minOrderSize,
    min_trade_increment: asset.minTradeIncrement,
    price_increment: asset.priceIncrement,
  };
}

export function orderJson(order: AlpacaOrder): Record<string, unknown> {
  return {
    id: order.id,
    client_order_id: order.clientOrderId,
    created_at: iso(order.createdAt),
    updated_at: iso(order.updatedAt),
    submitted_at: iso(order.createdAt),
    filled_at: iso(order.filledAt),
    expired_at: null,
    canceled_at: order.status === 'canceled' ? iso(order.updatedAt) : null,
    failed_at: null,
    replaced_at: null,
    replaced_by: null,
    replaces: null,
    asset_id: `asset-${order.symbol.replace('/', '-').toLowerCase()}`,
    symbol: order.symbol,
    asset_class: 'crypto',
    notional: null,
    qty: order.qty.toString(),
    filled_qty: order.filledQty.toString(),
    filled_avg_price: order.filledAvgPrice?.toString() ?? null,
    order_class: '',
    order_type: order.type,
    type: order.type,
    side: order.side,
    position_intent: order.side === 'buy' ? 'buy_to_open' : 'sell_to_close',
    time_in_force: 'gtc',
    limit_price: order.limitPrice?.toString() ?? null,
    stop_price: order.stopPrice?.toString() ?? null,
    status: order.status,
    extended_hours: false,
    legs: null,
    trail_percent: null,
    trail_price: null,
    hwm: null,
    subtag: null,
    source: null,
  };
}

export function fillJson(fill: AlpacaFill, ledger: AlpacaLedger): Record<string, unknown> {
  const order = ledger.find({ id: fill.orderId });
  return {
    id: fill.id,
    activity_type: 'FILL',
    transaction_time: iso(fill.time),
    type: 'fill',
    price: fill.price.toString(),
    qty: fill.qty.toString(),
    side: fill.side,
    symbol: fill.symbol,
    leaves_qty: '0',
    order_id: fill.orderId,
    cum_qty: order.filledQty.toString(),
    order_status: order.status,
  };
}

export function accountJson(ledger: AlpacaLedger): Record<string, unknown> {
  const positions = ledger.positionValue();
  const equity = ledger.cash.add(ledger.heldCash()).add(positions);
  return {
    id: 'fake-account',
    account_number: 'PA3FAKE0001',
    status: 'ACTIVE',
    crypto_status: 'ACTIVE',
    currency: 'USD',
    cash: ledger.cash.toString(),
    buying_power: ledger.cash.toString(),
    non_marginable_buying_power: ledger.cash.toString(),
    equity: equity.toString(),
    last_equity: equity.toString(),
    long_market_value: positions.toString(),
    position_market_value: positions.toString(),
    short_market_value: '0',
    pattern_day_trader: false,
    trading_blocked: false,
    transfers_blocked: false,
    account_blocked: false,
    created_at: '2024-01-02T00:00:00Z',
  };
}

export function positionsJson(ledger: AlpacaLedger): Record<string, unknown>[] {
  return [...ledger.positions.entries()]
    .filter(([, p]) => !p.qty.isZero())
    .map(([asset, p]) => {
      const price = ledger.price(`${asset}/USD`);
      return {
        asset_id: `asset-${asset.toLowerCase()}-usd`,
        symbol: `${asset}USD`,
        exchange: 'CRYPTO',
        asset_class: 'crypto',
        asset_marginable: false,
        qty: p.qty.toString(),
        qty_available: p.qty.sub(p.held).toString(),
        avg_entry_price: price.toString(),
        side: 'long',
        market_value: p.qty.mul(price).toString(),
        current_price: price.toString(),
      };
    });
}
