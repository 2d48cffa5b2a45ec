/**
 * A loopback Alpaca (trading API v2 + crypto market data v1beta3) for the adapter's smoke tests:
 * key-header auth, Alpaca's error bodies, a small ledger, fault injection and a request log.
 * Alpaca has no OCO.
 */
import { Decimal } from '../../lib/core/money';
import { FaultBook, type Fault, type RecordedRequest } from '../fake-binance/faults';
import { queryKlines } from '../fake-binance/klines';
import {
  type HttpReply,
  type IncomingCall,
  startLoopbackServer,
} from '../fake-binance/loopback-server';
import { AlpacaApiError, AlpacaLedger, DEFAULT_ASSETS, type FakeAsset } from './alpaca-ledger';
import { accountJson, assetJson, fillJson, orderJson, positionsJson } from './alpaca-json';

export interface FakeAlpacaOptions {
  cash?: string;
  /** Coin positions, e.g. `{ BTC: '0.5' }`. */
  positions?: Record<string, string>;
  prices?: Record<string, string>;
  assets?: readonly FakeAsset[];
  now?: () => number;
}

export interface FakeAlpaca {
  url: string;
  apiKey: string;
  secret: string;
  ledger: AlpacaLedger;
  requests: RecordedRequest[];
  requestsTo(method: string, path: string): RecordedRequest[];
  setPrice(symbol: string, price: string): void;
  inject(fault: Fault): void;
  close(): Promise<void>;
}

export const FAKE_ALPACA_KEY_ID = 'PKFAKE0000000000000A';
export const FAKE_ALPACA_SECRET = 'fakeAlpacaSecret0000000000000000000000000';

/** Alpaca timeframe (`1min`, `1Min`, `1T`, `1H`, `1D`…) as a Binance interval for the candle maker. */
function interval(timeframe: string): string {
  const match = /^(\d+)(min|t|h|hour|d|day)$/i.exec(timeframe);
  if (!match) throw new AlpacaApiError(422, 42210000, `invalid timeframe ${timeframe}`);
  const unit = match[2]!.toLowerCase();
  return `${match[1]}${unit === 'min' || unit === 't' ? 'm' : unit[0]}`;
}

function bars(call: IncomingCall, ledger: AlpacaLedger, now: number): unknown {
  const symbols = (call.params.symbols ?? '').split(',').filter(Boolean);
  const limit = Math.min(Number(call.params.limit ?? 1000), 10_000);
  const result: Record<string, unknown[]> = {};
  let nextToken: string | null = null;
  for (const symbol of symbols) {
    const asset = ledger.asset(symbol);
    const start = call.params.page_token
      ? Number(call.params.page_token)
      : call.params.start
        ? Date.parse(call.params.start)
        : undefined;
    const end = call.params.end ? Date.parse(call.params.end) : undefined;
    const rows = queryKlines(
      {
        symbol,
        interval: interval(call.params.timeframe ?? '1Min'),
        startTime: start,
        endTime: end,
        limit: Math.min(limit + 1, 1000),
      },
      Number(asset.defaultPrice),
      now,
      0,
    );
    if (rows.length > limit) nextToken = String(rows[limit]![0]);
    result[symbol] = rows.slice(0, limit).map((r) => ({
      t: new Date(r[0]).toISOString().replace('.000Z', 'Z'),
      o: Number(r[1]),
      h: Number(r[2]),
      l: Number(r[3]),
      c: Number(r[4]),
      v: Number(r[5]),
      n: r[8],
      vw: Number(r[4]),
    }));
  }
  return { bars: result, next_page_token: nextToken };
}

function snapshots(call: IncomingCall, ledger: AlpacaLedger, now: number): unknown {
  const t = new Date(now).toISOString();
  const out: Record<string, unknown> = {};
  for (const symbol of (call.params.symbols ?? '').split(',').filter(Boolean)) {
    const p = Number(ledger.price(symbol).toString());
    const bar = { t, o: p, h: p, l: p, c: p, v: 1, n: 1, vw: p };
    out[symbol] = {
      latestTrade: { t, p, s: 0.01, tks: 'B', i: 1 },
      latestQuote: { t, bp: p, bs: 1, ap: p, as: 1 },
      minuteBar: bar,
      dailyBar: bar,
      prevDailyBar: bar,
    };
  }
  return { snapshots: out };
}

function route(call: IncomingCall, ledger: AlpacaLedger, now: number): HttpReply {
  const ok = (body: unknown): HttpReply => ({ status: 200, body });
  const { method, path, params } = call;
  if (method === 'GET' && path === '/v1beta3/crypto/us/bars') return ok(bars(call, ledger, now));
  if (method === 'GET' && path === '/v1beta3/crypto/us/snapshots')
    return ok(snapshots(call, ledger, now));
  if (method === 'GET' && path === '/v2/assets') return ok(ledger.assets.map(assetJson));
  if (method === 'GET' && path === '/v2/account') return ok(accountJson(ledger));
  if (method === 'GET' && path === '/v2/positions') return ok(positionsJson(ledger));
  if (method === 'GET' && path === '/v2/clock')
    return ok({ timestamp: new Date(now).toISOString(), is_open: true });
  if (method === 'POST' && path === '/v2/orders') return ok(orderJson(ledger.place(params)));
  if (method === 'GET' && path === '/v2/orders') {
    const status = params.status ?? 'open';
    const symbols = params.symbols?.split(',');
    return ok(
      ledger.orders
        .filter((o) =>
          status === 'all' ? true : status === 'open' ? o.status === 'new' : o.status !== 'new',
        )
        .filter((o) => !symbols || symbols.includes(o.symbol))
        .map(orderJson),
    );
  }
  if (method === 'GET' && path === '/v2/orders:by_client_order_id') {
    return ok(orderJson(ledger.find({ clientOrderId: params.client_order_id ?? '' })));
  }
  const byId = /^\/v2\/orders\/([^/]+)$/.exec(path);
  if (byId && method === 'GET') return ok(orderJson(ledger.find({ id: byId[1] })));
  if (byId && method === 'DELETE') {
    ledger.cancel(byId[1]!);
    return { status: 204, body: undefined };
  }
  if (method === 'GET' && path === '/v2/account/activities/FILL') {
    const after = params.after ? Date.parse(params.after) : undefined;
    return ok(
      ledger.fills
        .filter((f) => after === undefined || f.time > after)
        .map((f) => fillJson(f, ledger)),
    );
  }
  return { status: 404, body: { code: 40410000, message: 'endpoint not found' } };
}

export async function startFakeAlpaca(options: FakeAlpacaOptions = {}): Promise<FakeAlpaca> {
  const now = options.now ?? Date.now;
  const ledger = new AlpacaLedger(
    options.assets ?? DEFAULT_ASSETS,
    options.cash ?? '10000',
    options.positions ?? {},
    options.prices ?? {},
    now,
  );
  const faults = new FaultBook();
  const requests: RecordedRequest[] = [];
  const handle = (call: IncomingCall): HttpReply => {
    try {
      if (call.path.startsWith('/v2/')) {
        const key = call.headers['apca-api-key-id'];
        const secret = call.headers['apca-api-secret-key'];
        if (key !== FAKE_ALPACA_KEY_ID || secret !== FAKE_ALPACA_SECRET) {
          return { status: 401, body: { code: 40110000, message: 'request is not authorized' } };
        }
      }
      return route(call, ledger, now());
    } catch (error) {
      if (error instanceof AlpacaApiError)
        return { status: error.status, body: { code: error.code, message: error.message } };
      return { status: 500, body: { code: 50010000, message: String(error) } };
    }
  };
  const server = await startLoopbackServer({
    handle,
    faults,
    requests,
    faultBody: (status) =>
      status === 429
        ? { code: 42910000, message: 'rate limit exceeded' }
        : `${status} Service Unavailable`,
    now,
  });
  return {
    url: server.url,
    apiKey: FAKE_ALPACA_KEY_ID,
    secret: FAKE_ALPACA_SECRET,
    ledger,
    requests,
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    setPrice: (symbol, price) => ledger.setPrice(symbol, Decimal.from(price).toString()),
    inject: (fault) => faults.inject(fault),
    close: () => server.close(),
  };
}
