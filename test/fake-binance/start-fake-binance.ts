/**
 * A loopback Binance spot venue for tests: real HTTP on 127.0.0.1, Binance's endpoints, signature
 * and timestamp checks, exact error texts, an authoritative ledger that fills orders against a
 * scripted price, fault injection per endpoint and a log of every request.
 *
 *   const fake = await startFakeBinance({ balances: { USDT: '10000' } });
 *   // build the ccxt adapter with urlsOverride: fake.url, apiKey: fake.apiKey, secret: fake.secret
 *   fake.setPrice('BTCUSDT', '65000');
 *   fake.inject({ method: 'POST', path: '/api/v3/order', dropAfterAccept: true });
 *   await fake.close();
 */
import { BinanceApiError, binanceErrors } from './binance-errors';
import { type Fault, FaultBook, type RecordedRequest } from './faults';
import { Ledger } from './ledger';
import { type LedgerOrder, type LedgerOrderList, type LedgerTrade } from './ledger-types';
import { type HttpReply, type IncomingCall, startLoopbackServer } from './loopback-server';
import { ROUTES, type RouteContext } from './routes';
import { DEFAULT_SYMBOLS, type FakeSymbol } from './symbols';
import { verifySignedRequest } from './verify-request';

export interface FakeBinanceOptions {
  /** Free balances per asset, e.g. `{ USDT: '10000' }`. */
  balances?: Record<string, string>;
  /** Starting prices per symbol id, e.g. `{ BTCUSDT: '60000' }`. */
  prices?: Record<string, string>;
  /** Fee rate per fill (default `0.001`). */
  commissionRate?: string;
  /** `received` (default): fee in base on buys, quote on sells; `quote`: always in quote. */
  commissionMode?: 'received' | 'quote';
  symbols?: readonly FakeSymbol[];
  apiKey?: string;
  secret?: string;
  /** Whether the API key may withdraw (default false). */
  withdrawalsEnabled?: boolean;
  /** The venue's clock (default `Date.now`). */
  now?: () => number;
  /** Open time of the first candle served (default 2017-08-17). */
  firstKlineTime?: number;
}

export interface FakeBinance {
  /** Origin to point ccxt at, e.g. `http://127.0.0.1:41234`. */
  url: string;
  apiKey: string;
  secret: string;
  ledger: Ledger;
  /** Every request received, in order (faulted ones included). */
  requests: RecordedRequest[];
  /** Requests to one endpoint, e.g. `requestsTo('POST', '/api/v3/order')`. */
  requestsTo(method: string, path: string): RecordedRequest[];
  setPrice(symbol: string, price: string): void;
  inject(fault: Fault): void;
  clearFaults(): void;
  balance(asset: string): { free: string; locked: string };
  orders(): LedgerOrder[];
  trades(): LedgerTrade[];
  orderLists(): LedgerOrderList[];
  close(): Promise<void>;
}

export const FAKE_BINANCE_API_KEY =
  'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
export const FAKE_BINANCE_SECRET =
  'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';

function errorReply(error: unknown): HttpReply {
  if (error instanceof BinanceApiError) return { status: error.status, body: error.body };
  return {
    status: 500,
    body: { code: -1000, msg: 'An unknown error occurred while processing the request.' },
  };
}

/** Default body of a fault that only gives a status. */
function faultBody(status: number, fault: Fault, now: number): unknown {
  if (status === 429) return binanceErrors.tooManyRequests().body;
  if (status === 418) return binanceErrors.banned(now + (fault.retryAfter ?? 120) * 1000).body;
  if (status >= 500) return `<html><body><h1>${status} Service Unavailable</h1></body></html>`;
  return { code: -1000, msg: 'An unknown error occurred while processing the request.' };
}

export async function startFakeBinance(options: FakeBinanceOptions = {}): Promise<FakeBinance> {
  const now = options.now ?? Date.now;
  const credentials = {
    apiKey: options.apiKey ?? FAKE_BINANCE_API_KEY,
    secret: options.secret ?? FAKE_BINANCE_SECRET,
  };
  const ledger = new Ledger({
    symbols: options.symbols ?? DEFAULT_SYMBOLS,
    balances: options.balances ?? { USDT: '10000' },
    prices: options.prices ?? {},
    commissionRate: options.commissionRate ?? '0.001',
    commissionMode: options.commissionMode ?? 'received',
    now,
    withdrawalsEnabled: options.withdrawalsEnabled,
  });
  const ctx: RouteContext = {
    ledger,
    now,
    firstKlineTime: options.firstKlineTime ?? 1_502_928_000_000,
  };
  const faults = new FaultBook();
  const requests: RecordedRequest[] = [];

  const handle = (call: IncomingCall): HttpReply => {
    const route = ROUTES[`${call.method} ${call.path}`];
    try {
      if (!route) throw binanceErrors.unknownPath();
      if (route.signed) verifySignedRequest(call, credentials, now());
      return {
        status: 200,
        body: route.run(call.params, ctx),
        headers: { 'X-MBX-USED-WEIGHT-1M': '1' },
      };
    } catch (error) {
      return errorReply(error);
    }
  };

  const server = await startLoopbackServer({
    handle,
    faults,
    requests,
    faultBody: (status, fault) => faultBody(status, fault, now()),
    now,
  });

  return {
    url: server.url,
    ...credentials,
    ledger,
    requests,
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    setPrice: (symbol, price) => ledger.setPrice(symbol, price),
    inject: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    balance: (asset) => ledger.balance(asset),
    orders: () => ledger.allOrders(),
    trades: () => ledger.allTrades(),
    orderLists: () => ledger.allLists(),
    close: () => server.close(),
  };
}
