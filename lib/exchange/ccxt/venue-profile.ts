/**
 * Everything venue-specific about a ccxt venue, as data plus small readers (STYLE rule 8): the
 * capability map, ccxt options, how raw answers become the port's types, and the venue's own
 * calls (lookup by client order id, native OCO). The adapter reads a profile and never a name.
 */
import {
  type AssetBalance,
  type Capabilities,
  type ExchangeOco,
  type ExchangeOrder,
  type ExchangeTrade,
  type Market,
  type OcoRef,
  type OcoRequest,
  type OrderRequest,
  type VenueId,
} from '../types';
import {
  type CcxtBalances,
  type CcxtClient,
  type CcxtMarket,
  type CcxtOrder,
  type CcxtTrade,
} from './ccxt-types';

/** The arguments of ccxt's `createOrder` after the symbol, side and amount. */
export interface CcxtOrderArgs {
  type: 'market' | 'limit';
  price?: number;
  params: Record<string, unknown>;
}

/** A venue's native OCO, when it has one. */
export interface OcoDriver {
  create(client: CcxtClient, market: Market, request: OcoRequest): Promise<ExchangeOco>;
  /** Null when the venue has no such list. */
  fetch(client: CcxtClient, market: Market, ref: OcoRef): Promise<ExchangeOco | null>;
  cancel(client: CcxtClient, market: Market, ref: OcoRef): Promise<ExchangeOco>;
}

export interface VenueProfile {
  venue: Exclude<VenueId, 'paper'>;
  /** The ccxt class to build (`ccxt[ccxtId]`). */
  ccxtId: 'binance' | 'alpaca';
  capabilities: Capabilities;
  /** ccxt constructor `options`. */
  ccxtOptions: Record<string, unknown>;
  /** Assets that are cash rather than positions (quote currencies). */
  cashAssets: readonly string[];
  /** Venue error codes that mean "no such order" whatever ccxt class they arrive as. */
  notFoundCodes: readonly string[];
  /** Back-off when a 429/418 carries no `Retry-After`. */
  defaultRetryAfterMs: { 429: number; 418: number };
  readMarket(market: CcxtMarket): Market;
  readOrder(order: CcxtOrder, market: Market): ExchangeOrder;
  readTrade(trade: CcxtTrade, market: Market): ExchangeTrade;
  readBalances(balances: CcxtBalances): AssetBalance[];
  orderArgs(request: OrderRequest): CcxtOrderArgs;
  /** ccxt order by our client id; throws the venue's not-found error when there is none. */
  fetchOrderByClientId(
    client: CcxtClient,
    market: Market,
    clientOrderId: string,
  ): Promise<CcxtOrder>;
  cancelOrderByClientId(
    client: CcxtClient,
    market: Market,
    clientOrderId: string,
  ): Promise<CcxtOrder>;
  /** Trades of one order, to learn its fees when the order answer has none. */
  fetchOrderTrades?: (client: CcxtClient, market: Market, orderId: string) => Promise<CcxtTrade[]>;
  /** False when the venue's cancel answer is not the order (it is fetched again). */
  cancelReturnsOrder: boolean;
  oco?: OcoDriver;
  /** Whether the key can withdraw, where the venue has an endpoint for it. */
  keyPermissions?: (client: CcxtClient) => Promise<{ withdrawals: boolean | null }>;
}
