/**
 * The production `Exchange` over ccxt (Binance spot, Alpaca crypto). Venue differences come from
 * a `VenueProfile`; this class holds what every venue shares: local validation before any
 * request, the shared back-off, error sorting, and resolving unknown write outcomes by client id.
 */
import { inspect } from 'node:util';
import { type Candle } from '../../core/types';
import { TIMEFRAME_MS } from '../../core/types';
import { type BackoffRegistry, parseRetryAfter } from '../backoff';
import { ExchangeError } from '../exchange-error';
import {
  type AssetBalance,
  type Capabilities,
  type Exchange,
  type ExchangeOco,
  type ExchangeOrder,
  type ExchangeTrade,
  type Market,
  type OcoRef,
  type OcoRequest,
  type OhlcvRequest,
  type OrderRef,
  type OrderRequest,
  type SpotPosition,
  type Ticker,
  type VenueId,
} from '../types';
import { assertValidOco, assertValidOrder } from '../validation';
import { type CcxtClient } from './ccxt-types';
import { classifyCcxtError } from './classify-error';
import { exactOrderNumbers } from './exact-number';
import { fetchOhlcvPaged } from './fetch-ohlcv-paged';
import { instrumentResponses } from './instrument-responses';
import { type GracePeriod, resolveUnknown } from './resolve-unknown';
import { sumFees } from './sum-fees';
import { type OcoDriver, type VenueProfile } from './venue-profile';
import { Decimal } from '../../core/money';

export interface CcxtExchangeDeps {
  client: CcxtClient;
  profile: VenueProfile;
  secret: string;
  backoff: BackoffRegistry;
  backoffKey: string;
  grace: GracePeriod;
  now: () => number;
  wait: (ms: number) => Promise<void>;
  /** How long a seen price is trusted for local validation (notional, band). */
  lastPriceMaxAgeMs: number;
}

export class CcxtExchange implements Exchange {
  readonly venue: VenueId;
  readonly capabilities: Capabilities;
  private readonly client: CcxtClient;
  private readonly profile: VenueProfile;
  private markets: Map<string, Market> | undefined;
  private readonly lastPrices = new Map<string, { price: string; at: number }>();

  constructor(private readonly deps: CcxtExchangeDeps) {
    this.client = deps.client;
    this.profile = deps.profile;
    this.venue = deps.profile.venue;
    this.capabilities = deps.profile.capabilities;
    instrumentResponses(this.client, ({ status, headers }) => {
      if (status !== 429 && status !== 418) return;
      const ms =
        parseRetryAfter(headers['Retry-After'], deps.now()) ??
        deps.profile.defaultRetryAfterMs[status];
      deps.backoff.backOff(deps.backoffKey, ms);
    });
  }

  /** Never print the client (it holds the API secret) when the adapter is logged or serialised. */
  [inspect.custom](): string {
    return `CcxtExchange(${this.venue})`;
  }

  toJSON(): { venue: VenueId; capabilities: Capabilities } {
    return { venue: this.venue, capabilities: this.capabilities };
  }

  async connect(): Promise<void> {
    await this.loadMarkets();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  async loadMarkets(reload = false): Promise<ReadonlyMap<string, Market>> {
    if (this.markets && !reload) return this.markets;
    const loaded = await this.call('loadMarkets', false, () => this.client.loadMarkets(reload));
    const markets = new Map<string, Market>();
    for (const market of Object.values(loaded)) {
      if (market && market.spot !== false)
        markets.set(market.symbol, this.profile.readMarket(market));
    }
    this.markets = markets;
    return markets;
  }

  async fetchBalance(): Promise<AssetBalance[]> {
    await this.loadMarkets();
    return this.profile.readBalances(
      await this.call('fetchBalance', false, () => this.client.fetchBalance()),
    );
  }

  async fetchKeyPermissions(): Promise<{ withdrawals: boolean | null }> {
    const read = this.profile.keyPermissions;
    if (!read) return { withdrawals: null };
    return this.call('fetchKeyPermissions', false, () => read(this.client));
  }

  async fetchTicker(symbol: string): Promise<Ticker> {
    await this.market(symbol);
    const t = await this.call('fetchTicker', false, () => this.client.fetchTicker(symbol));
    const last = t.last ?? t.close ?? ((t.bid ?? NaN) + (t.ask ?? NaN)) / 2;
    if (Number.isFinite(last))
      this.lastPrices.set(symbol, { price: String(last), at: this.deps.now() });
    return {
      symbol,
      bid: t.bid ?? last,
      ask: t.ask ?? last,
      last,
      time: t.timestamp ?? this.deps.now(),
    };
  }

  async fetchOHLCV(request: OhlcvRequest): Promise<Candle[]> {
    await this.market(request.symbol);
    const page = async (since: number, limit: number, until: number): Promise<Candle[]> => {
      const rows = await this.call('fetchOHLCV', false, () =>
        this.client.fetchOHLCV(request.symbol, request.timeframe, since, limit, {
          until: until - 1,
        }),
      );
      return rows.map(([time, open, high, low, close, volume]) => ({
        time: Number(time),
        open: Number(open),
        high: Number(high),
        low: Number(low),
        close: Number(close),
        volume: Number(volume),
      }));
    };
    return fetchOhlcvPaged(page, {
      since: request.since,
      until: request.until ?? this.deps.now(),
      limit: request.limit,
      timeframeMs: TIMEFRAME_MS[request.timeframe],
      pageLimit: this.capabilities.maxCandlesPerCall,
    });
  }

  async createOrder(request: OrderRequest): Promise<ExchangeOrder> {
    const market = await this.market(request.symbol);
    assertValidOrder(market, request, { lastPrice: this.freshLastPrice(request.symbol) });
    const amount = exactOrderNumbers(request);
    const args = this.profile.orderArgs(request);
    let created: ExchangeOrder;
    try {
      const raw = await this.call('createOrder', true, () =>
        this.client.createOrder(
          request.symbol,
          args.type,
          request.side,
          amount,
          args.price,
          args.params,
        ),
      );
      created = this.profile.readOrder(raw, market);
    } catch (error) {
      if (!(error instanceof ExchangeError) || error.kind !== 'unknown') throw error;
      return resolveUnknown({
        what: `order ${request.clientOrderId}`,
        lookup: () => this.findByClientId(market, request.clientOrderId),
        cause: error,
        grace: this.deps.grace,
        wait: this.deps.wait,
      });
    }
    return this.complete(created, market);
  }

  async cancelOrder(symbol: string, ref: OrderRef): Promise<ExchangeOrder> {
    const market = await this.market(symbol);
    try {
      const raw = await this.call('cancelOrder', true, () =>
        'id' in ref
          ? this.client.cancelOrder(ref.id, symbol)
          : this.profile.cancelOrderByClientId(this.client, market, ref.clientOrderId),
      );
      if (this.profile.cancelReturnsOrder)
        return await this.complete(this.profile.readOrder(raw, market), market);
      const after = await this.fetchOrder(symbol, ref);
      if (after) return after;
      throw new ExchangeError(
        'unknown',
        'order_not_found',
        `${this.venue} cancelOrder: canceled order vanished`,
      );
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
      if (error.code === 'order_not_found') return this.explainCancelMiss(symbol, ref, error);
      if (error.kind !== 'unknown') throw error;
      return resolveUnknown({
        what: `cancel of ${'id' in ref ? ref.id : ref.clientOrderId}`,
        lookup: async () => {
          const order = await this.fetchOrder(symbol, ref);
          return order && order.status !== 'open' && order.status !== 'partially_filled'
            ? order
            : null;
        },
        cause: error,
        grace: this.deps.grace,
        wait: this.deps.wait,
      });
    }
  }

  async fetchOrder(symbol: string, ref: OrderRef): Promise<ExchangeOrder | null> {
    const market = await this.market(symbol);
    if (!('id' in ref)) return this.findByClientId(market, ref.clientOrderId);
    try {
      const raw = await this.call('fetchOrder', false, () =>
        this.client.fetchOrder(ref.id, symbol),
      );
      return await this.complete(this.profile.readOrder(raw, market), market);
    } catch (error) {
      if (error instanceof ExchangeError && error.code === 'order_not_found') return null;
      throw error;
    }
  }

  async fetchOpenOrders(symbol?: string): Promise<ExchangeOrder[]> {
    const markets = await this.loadMarkets();
    if (symbol !== undefined) await this.market(symbol);
    const rows = await this.call('fetchOpenOrders', false, () =>
      this.client.fetchOpenOrders(symbol),
    );
    return rows.flatMap((row) => {
      const market = row.symbol ? markets.get(row.symbol) : undefined;
      return market ? [this.profile.readOrder(row, market)] : [];
    });
  }

  async fetchMyTrades(symbol: string, since?: number): Promise<ExchangeTrade[]> {
    const market = await this.market(symbol);
    const rows = await this.call('fetchMyTrades', false, () =>
      this.client.fetchMyTrades(symbol, since),
    );
    return rows.map((row) => this.profile.readTrade(row, market));
  }

  async fetchPositions(): Promise<SpotPosition[]> {
    const balances = await this.fetchBalance();
    return balances
      .filter((b) => !this.profile.cashAssets.includes(b.asset))
      .map((b) => ({ asset: b.asset, quantity: Decimal.from(b.free).add(b.locked).toString() }))
      .filter((p) => Decimal.from(p.quantity).isPositive());
  }

  async createOco(request: OcoRequest): Promise<ExchangeOco> {
    const oco = this.ocoDriver();
    const market = await this.market(request.symbol);
    assertValidOco(market, request, { lastPrice: this.freshLastPrice(request.symbol) });
    let created: ExchangeOco;
    try {
      created = await this.call('createOco', true, () => oco.create(this.client, market, request));
    } catch (error) {
      if (!(error instanceof ExchangeError) || error.kind !== 'unknown') throw error;
      return resolveUnknown({
        what: `OCO ${request.clientOcoId}`,
        lookup: () => this.fetchOco(request.symbol, { clientOcoId: request.clientOcoId }),
        cause: error,
        grace: this.deps.grace,
        wait: this.deps.wait,
      });
    }
    return this.completeOco(created, market);
  }

  async fetchOco(symbol: string, ref: OcoRef): Promise<ExchangeOco | null> {
    const oco = this.ocoDriver();
    const market = await this.market(symbol);
    const found = await this.call('fetchOco', false, () => oco.fetch(this.client, market, ref));
    return found ? this.completeOco(found, market) : null;
  }

  async cancelOco(symbol: string, ref: OcoRef): Promise<ExchangeOco> {
    const oco = this.ocoDriver();
    const market = await this.market(symbol);
    try {
      return await this.call('cancelOco', true, () => oco.cancel(this.client, market, ref));
    } catch (error) {
      if (!(error instanceof ExchangeError) || error.kind !== 'unknown') throw error;
      return resolveUnknown({
        what: `cancel of OCO ${'id' in ref ? ref.id : ref.clientOcoId}`,
        lookup: async () => {
          const found = await this.fetchOco(symbol, ref);
          return found && found.status !== 'open' ? found : null;
        },
        cause: error,
        grace: this.deps.grace,
        wait: this.deps.wait,
      });
    }
  }

  // ---- internals ----------------------------------------------------------------------------

  /** Runs one ccxt call: fail fast while backing off, sort whatever it throws. */
  private async call<T>(operation: string, write: boolean, run: () => Promise<T>): Promise<T> {
    this.deps.backoff.assertCanSend(this.deps.backoffKey);
    try {
      return await run();
    } catch (error) {
      throw classifyCcxtError(error, {
        venue: this.venue,
        operation,
        write,
        notFoundCodes: this.profile.notFoundCodes,
        retryAfterMs: this.deps.backoff.remainingMs(this.deps.backoffKey) || undefined,
        secrets: [this.deps.secret],
      });
    }
  }

  private async market(symbol: string): Promise<Market> {
    const market = (await this.loadMarkets()).get(symbol);
    if (!market)
      throw new ExchangeError('rejected', 'bad_symbol', `${this.venue}: no market ${symbol}`);
    return market;
  }

  private ocoDriver(): OcoDriver {
    const oco = this.profile.oco;
    if (!this.capabilities.nativeOco || !oco) {
      throw new ExchangeError(
        'rejected',
        'invalid_order',
        `${this.venue} has no native OCO (capabilities.nativeOco is false): emulate it`,
      );
    }
    return oco;
  }

  private freshLastPrice(symbol: string): string | undefined {
    const seen = this.lastPrices.get(symbol);
    return seen && this.deps.now() - seen.at <= this.deps.lastPriceMaxAgeMs
      ? seen.price
      : undefined;
  }

  private async findByClientId(
    market: Market,
    clientOrderId: string,
  ): Promise<ExchangeOrder | null> {
    try {
      const raw = await this.call('fetchOrder', false, () =>
        this.profile.fetchOrderByClientId(this.client, market, clientOrderId),
      );
      return await this.complete(this.profile.readOrder(raw, market), market);
    } catch (error) {
      if (error instanceof ExchangeError && error.code === 'order_not_found') return null;
      throw error;
    }
  }

  /** Adds fees from the order's trades when the answer had none; best effort (a read). */
  private async complete(order: ExchangeOrder, market: Market): Promise<ExchangeOrder> {
    if (order.averagePrice)
      this.lastPrices.set(market.symbol, { price: order.averagePrice, at: this.deps.now() });
    const fetchTrades = this.profile.fetchOrderTrades;
    if (!fetchTrades || order.fees.length > 0 || !Decimal.from(order.filledQuantity).isPositive())
      return order;
    try {
      const trades = await this.call('fetchMyTrades', false, () =>
        fetchTrades(this.client, market, order.id),
      );
      return { ...order, fees: sumFees(trades.map((t) => this.profile.readTrade(t, market))) };
    } catch {
      return order;
    }
  }

  private async completeOco(oco: ExchangeOco, market: Market): Promise<ExchangeOco> {
    const legs: ExchangeOrder[] = [];
    for (const leg of oco.legs) legs.push(await this.complete(leg, market));
    return { ...oco, legs };
  }

  /** A cancel that found no open order: say why (already filled or canceled) when the order exists. */
  private async explainCancelMiss(
    symbol: string,
    ref: OrderRef,
    miss: ExchangeError,
  ): Promise<never> {
    const existing = await this.fetchOrder(symbol, ref).catch(() => null);
    if (existing && existing.status !== 'open' && existing.status !== 'partially_filled') {
      throw new ExchangeError(
        'rejected',
        'invalid_order',
        `${this.venue} cancelOrder: order ${existing.id} is already ${existing.status}`,
        {
          venueCode: miss.details.venueCode,
        },
      );
    }
    throw miss;
  }
}
