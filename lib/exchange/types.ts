/**
 * The Exchange port: one interface for every venue (paper, Binance spot, Alpaca crypto).
 * Money crosses this boundary as exact decimal strings (e.g. "0.00120000" is fine, "1.2e-3" is
 * not); the rest of the system reads `capabilities`, never a venue's name (STYLE rule 8).
 */
import type { Candle, Side, Timeframe } from '../core/types';

export type VenueId = 'paper' | 'binance' | 'alpaca';

/** Order types a venue may accept. */
export type ExchangeOrderType = 'market' | 'limit' | 'stop-limit' | 'stop-market';

export interface Capabilities {
  /** The venue places and maintains a take-profit + stop-loss pair itself (Binance spot). */
  nativeOco: boolean;
  /** The venue holds stop orders itself (otherwise they are emulated by the exit monitor). */
  nativeStopOrders: boolean;
  orderTypes: readonly ExchangeOrderType[];
  /** fetchOrder can find an order by our client order id. */
  fetchOrderByClientId: boolean;
  /** Largest candle page the venue returns per call (fetchOHLCV pages past it). */
  maxCandlesPerCall: number;
}

export interface Market {
  /** Unified symbol, e.g. "BTC/USDT". */
  symbol: string;
  /** The venue's own id, e.g. "BTCUSDT". */
  venueSymbol: string;
  base: string;
  quote: string;
  active: boolean;
  /** Quantity step (LOT_SIZE stepSize), decimal string. */
  stepSize: string;
  /** Price tick (PRICE_FILTER tickSize), decimal string. */
  tickSize: string;
  minQty: string;
  maxQty?: string;
  /** Minimum order value in quote currency. */
  minNotional: string;
  /** Allowed price band around the last/average price, as multipliers (PERCENT_PRICE). */
  priceBand?: { multiplierDown: string; multiplierUp: string };
  orderTypes: readonly ExchangeOrderType[];
}

export interface AssetBalance {
  asset: string;
  free: string;
  locked: string;
}

export interface Ticker {
  symbol: string;
  bid: number;
  ask: number;
  last: number;
  /** Epoch ms of the quote. */
  time: number;
}

export interface OhlcvRequest {
  symbol: string;
  timeframe: Timeframe;
  /** Inclusive open time of the first candle wanted, epoch ms. */
  since: number;
  /** Exclusive end, epoch ms (default: now). */
  until?: number;
  /** At most this many candles (default: everything in range). */
  limit?: number;
}

export interface OrderRequest {
  symbol: string;
  side: Side;
  type: ExchangeOrderType;
  /** Base quantity, decimal string, already a multiple of the step. */
  quantity: string;
  /** Limit price (limit, stop-limit). */
  price?: string;
  /** Trigger price (stop-limit, stop-market). */
  stopPrice?: string;
  /** Always set by Osprey; unique per account; how an unknown outcome is resolved. */
  clientOrderId: string;
}

export type OrderStatus =
  'open' | 'partially_filled' | 'filled' | 'canceled' | 'rejected' | 'expired';

export interface ExchangeOrder {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: Side;
  type: ExchangeOrderType;
  status: OrderStatus;
  quantity: string;
  filledQuantity: string;
  /** Average fill price, decimal string, when anything filled. */
  averagePrice?: string;
  price?: string;
  stopPrice?: string;
  /** Fees charged, per asset. */
  fees: { asset: string; amount: string }[];
  /** The OCO list this order belongs to, if any. */
  ocoId?: string;
  createdAt: number;
  updatedAt: number;
}

export interface ExchangeTrade {
  id: string;
  orderId: string;
  symbol: string;
  side: Side;
  price: string;
  quantity: string;
  fee: string;
  feeAsset: string;
  time: number;
}

/** A spot "position": a non-zero holding of a base asset. */
export interface SpotPosition {
  asset: string;
  quantity: string;
}

export interface OcoRequest {
  symbol: string;
  /** The exit side (sell to protect a long). */
  side: Side;
  quantity: string;
  takeProfitPrice: string;
  stopPrice: string;
  /** Limit price of the stop leg; defaults to the stop price. */
  stopLimitPrice?: string;
  clientOcoId: string;
}

export type OcoStatus = 'open' | 'done' | 'canceled';

export interface ExchangeOco {
  id: string;
  clientOcoId: string;
  symbol: string;
  status: OcoStatus;
  /** Both legs, take-profit first. */
  legs: ExchangeOrder[];
}

export type OrderRef = { id: string } | { clientOrderId: string };
export type OcoRef = { id: string } | { clientOcoId: string };

export interface Exchange {
  readonly venue: VenueId;
  readonly capabilities: Capabilities;
  connect(): Promise<void>;
  close(): Promise<void>;
  loadMarkets(reload?: boolean): Promise<ReadonlyMap<string, Market>>;
  fetchBalance(): Promise<AssetBalance[]>;
  fetchTicker(symbol: string): Promise<Ticker>;
  fetchOHLCV(request: OhlcvRequest): Promise<Candle[]>;
  createOrder(request: OrderRequest): Promise<ExchangeOrder>;
  cancelOrder(symbol: string, ref: OrderRef): Promise<ExchangeOrder>;
  /** Null when the venue has no such order (as opposed to an error reaching it). */
  fetchOrder(symbol: string, ref: OrderRef): Promise<ExchangeOrder | null>;
  fetchOpenOrders(symbol?: string): Promise<ExchangeOrder[]>;
  fetchMyTrades(symbol: string, since?: number): Promise<ExchangeTrade[]>;
  fetchPositions(): Promise<SpotPosition[]>;
  createOco(request: OcoRequest): Promise<ExchangeOco>;
  fetchOco(symbol: string, ref: OcoRef): Promise<ExchangeOco | null>;
  cancelOco(symbol: string, ref: OcoRef): Promise<ExchangeOco>;
  /** What the API key may do, where the venue tells (connection test warns on withdrawals). */
  fetchKeyPermissions?(): Promise<{ withdrawals: boolean | null }>;
}
