/**
 * A tiny loopback stand-in for Binance spot's public market data endpoints (exchangeInfo, time,
 * ticker/24hr, ticker/bookTicker, klines), serving the simulated market with Binance's wire
 * shapes. For market data tests only; the full fake exchange lives in `test/fake-binance`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import ccxt from 'ccxt';
import { Decimal } from '../../../core/money';
import { TIMEFRAME_MS, type Timeframe } from '../../../core/types';
import { SimulatedMarket, simulatedMarket } from '../simulated';

export interface StubRequest {
  path: string;
  query: URLSearchParams;
}

export interface BinanceStub {
  url: string;
  port: number;
  requests: StubRequest[];
  /** When true every request is answered by dropping the connection. */
  offline: boolean;
  market: SimulatedMarket;
  close(): Promise<void>;
}

export interface BinanceStubOptions {
  symbols?: readonly string[];
  /** Symbols listed with status BREAK (not trading). */
  halted?: readonly string[];
  seed?: string;
  now?: () => number;
  /** Largest klines page (Binance: 1000). */
  maxKlines?: number;
}

const fixed8 = (value: string | number): string => Decimal.from(value).toFixed(8, 'half-even');

function symbolInfo(
  market: SimulatedMarket,
  symbol: string,
  status: string,
): Record<string, unknown> {
  const m = simulatedMarket(market, symbol);
  return {
    symbol: m.venueSymbol,
    status,
    baseAsset: m.base,
    baseAssetPrecision: 8,
    quoteAsset: m.quote,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    orderTypes: [
      'LIMIT',
      'LIMIT_MAKER',
      'MARKET',
      'STOP_LOSS',
      'STOP_LOSS_LIMIT',
      'TAKE_PROFIT',
      'TAKE_PROFIT_LIMIT',
    ],
    icebergAllowed: true,
    ocoAllowed: true,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: [
      {
        filterType: 'PRICE_FILTER',
        minPrice: fixed8(m.tickSize),
        maxPrice: '1000000.00000000',
        tickSize: fixed8(m.tickSize),
      },
      {
        filterType: 'LOT_SIZE',
        minQty: fixed8(m.minQty),
        maxQty: fixed8(m.maxQty ?? '9000'),
        stepSize: fixed8(m.stepSize),
      },
      {
        filterType: 'NOTIONAL',
        minNotional: fixed8(m.minNotional),
        applyMinToMarket: true,
        maxNotional: '9000000.00000000',
        applyMaxToMarket: false,
        avgPriceMins: 5,
      },
      {
        filterType: 'PERCENT_PRICE_BY_SIDE',
        bidMultiplierUp: '5',
        bidMultiplierDown: '0.2',
        askMultiplierUp: '5',
        askMultiplierDown: '0.2',
        avgPriceMins: 5,
      },
    ],
    permissions: [],
    permissionSets: [['SPOT']],
    defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
    allowedSelfTradePreventionModes: ['EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startBinanceStub(options: BinanceStubOptions = {}): Promise<BinanceStub> {
  const market = new SimulatedMarket({ seed: options.seed ?? 'stub' });
  const symbols = options.symbols ?? ['BTC/USDT', 'ETH/USDT', 'ETH/BTC'];
  const halted = options.halted ?? [];
  const now = options.now ?? Date.now;
  const maxKlines = options.maxKlines ?? 1000;
  const bySymbolId = new Map([...symbols, ...halted].map((s) => [s.replace('/', ''), s]));
  const requests: StubRequest[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, query: url.searchParams });
    if (stub.offline) {
      req.socket.destroy();
      return;
    }
    const symbol = bySymbolId.get(url.searchParams.get('symbol') ?? '');
    switch (url.pathname) {
      case '/api/v3/time':
        return send(res, 200, { serverTime: now() });
      case '/api/v3/exchangeInfo':
        return send(res, 200, {
          timezone: 'UTC',
          serverTime: now(),
          rateLimits: [],
          exchangeFilters: [],
          symbols: [
            ...symbols.map((s) => symbolInfo(market, s, 'TRADING')),
            ...halted.map((s) => symbolInfo(market, s, 'BREAK')),
          ],
        });
      case '/api/v3/ticker/24hr':
      case '/api/v3/ticker/bookTicker': {
        if (!symbol) return send(res, 400, { code: -1121, msg: 'Invalid symbol.' });
        const t = now();
        const ticker = market.ticker(symbol, t);
        return send(res, 200, {
          symbol: url.searchParams.get('symbol'),
          lastPrice: String(ticker.last),
          bidPrice: String(ticker.bid),
          bidQty: '1.00000000',
          askPrice: String(ticker.ask),
          askQty: '1.00000000',
          openTime: t - 86_400_000,
          closeTime: t,
        });
      }
      case '/api/v3/klines': {
        const timeframe = url.searchParams.get('interval') as Timeframe;
        if (!symbol) return send(res, 400, { code: -1121, msg: 'Invalid symbol.' });
        if (!(timeframe in TIMEFRAME_MS))
          return send(res, 400, { code: -1120, msg: 'Invalid interval.' });
        const step = TIMEFRAME_MS[timeframe];
        const limit = Math.min(maxKlines, Number(url.searchParams.get('limit') ?? 500));
        const t = now();
        const end = Math.min(Number(url.searchParams.get('endTime') ?? t) + 1, t + 1);
        const start = Number(url.searchParams.get('startTime') ?? end - limit * step);
        const rows = market
          .candles(symbol, timeframe, start, Math.min(end, start + limit * step + 1))
          .slice(0, limit);
        return send(
          res,
          200,
          rows.map((c) => [
            c.time,
            String(c.open),
            String(c.high),
            String(c.low),
            String(c.close),
            String(c.volume),
            c.time + step - 1,
            '0',
            1,
            '0',
            '0',
            '0',
          ]),
        );
      }
      default:
        return send(res, 404, { code: -1, msg: `Not found: ${url.pathname}` });
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const stub: BinanceStub = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    offline: false,
    market,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return stub;
}

/** A ccxt Binance spot client that talks only to `origin`: every API base keeps its path, gets this origin. */
export function binanceClientFor(origin: string): InstanceType<typeof ccxt.binance> {
  const exchange = new ccxt.binance({
    enableRateLimit: false,
    timeout: 2_000,
    options: {
      defaultType: 'spot',
      fetchMarkets: { types: ['spot'] },
      fetchCurrencies: false,
      fetchMargins: false,
    },
  });
  const api = exchange.urls.api as Record<string, string>;
  for (const key of Object.keys(api))
    api[key] = (api[key] ?? '').replace(/^[a-z]+:\/\/[^/]+/i, origin);
  return exchange;
}

/** A loopback URL nothing listens on (a port that was just closed). */
export async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
