import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBinance, type FakeBinanceOptions, signPayload, startFakeBinance } from '.';

let fake: FakeBinance | undefined;

async function start(options: FakeBinanceOptions = {}): Promise<FakeBinance> {
  fake = await startFakeBinance(options);
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  query = '',
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${fake!.url}${path}${query ? `?${query}` : ''}`, {
    method,
    body,
    headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } : headers,
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json');
  return {
    status: res.status,
    body: json ? JSON.parse(text) : text || undefined,
    headers: res.headers,
  };
}

/** A SIGNED call as Binance clients make it: params in the query (GET/DELETE) or the body (POST). */
function signed(
  method: string,
  path: string,
  params: Record<string, string>,
  options: { secret?: string; key?: string; timestamp?: number } = {},
) {
  const query = new URLSearchParams({
    ...params,
    timestamp: String(options.timestamp ?? Date.now()),
  }).toString();
  const signature = signPayload(query, options.secret ?? fake!.secret);
  const payload = `${query}&signature=${signature}`;
  const headers = { 'X-MBX-APIKEY': options.key ?? fake!.apiKey };
  return method === 'POST'
    ? call(method, path, '', payload, headers)
    : call(method, path, payload, undefined, headers);
}

const order = (over: Record<string, string> = {}) => ({
  symbol: 'BTCUSDT',
  side: 'BUY',
  type: 'MARKET',
  quantity: '0.01',
  ...over,
});

describe('fake Binance: protocol', () => {
  it('serves exchangeInfo with real filter shapes', async () => {
    await start();
    const { body } = await call('GET', '/api/v3/exchangeInfo');
    const symbols = (body as { symbols: { symbol: string; filters: { filterType: string }[] }[] })
      .symbols;
    expect(symbols.map((s) => s.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'ETHBTC']);
    expect(symbols[0]!.filters.map((f) => f.filterType)).toEqual([
      'PRICE_FILTER',
      'LOT_SIZE',
      'ICEBERG_PARTS',
      'MARKET_LOT_SIZE',
      'TRAILING_DELTA',
      'PERCENT_PRICE_BY_SIDE',
      'NOTIONAL',
      'MAX_NUM_ORDERS',
      'MAX_NUM_ALGO_ORDERS',
    ]);
    expect(symbols[2]!.filters.map((f) => f.filterType)).toContain('MIN_NOTIONAL');
  });

  it('accepts a correct signature over the query and over the body', async () => {
    await start();
    expect((await signed('GET', '/api/v3/account', {})).status).toBe(200);
    expect((await signed('POST', '/api/v3/order', order())).status).toBe(200);
  });

  it('answers the exact Binance errors for key, signature and timestamp problems', async () => {
    await start();
    expect((await signed('GET', '/api/v3/account', {}, { secret: 'other' })).body).toEqual({
      code: -1022,
      msg: 'Signature for this request is not valid.',
    });
    const noKey = await call('GET', '/api/v3/account', 'timestamp=1&signature=ab');
    expect([noKey.status, noKey.body]).toEqual([
      401,
      { code: -2014, msg: 'API-key format invalid.' },
    ]);
    const badKey = await signed('GET', '/api/v3/account', {}, { key: 'SomeoneElse' });
    expect([badKey.status, badKey.body]).toEqual([
      401,
      { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' },
    ]);
    const stale = await signed('GET', '/api/v3/account', {}, { timestamp: Date.now() - 60_000 });
    expect(stale.body).toEqual({
      code: -1021,
      msg: 'Timestamp for this request is outside of the recvWindow.',
    });
    expect((await signed('GET', '/api/v3/account', { recvWindow: '70000' })).body).toEqual({
      code: -1131,
      msg: 'recvWindow must be less than 60000',
    });
  });

  it('klines: startTime + limit, endTime only, the 1000 cap and bad intervals', async () => {
    await start();
    const start1h = Math.floor((Date.now() - 10 * 86_400_000) / 3_600_000) * 3_600_000;
    const page = (
      await call(
        'GET',
        '/api/v3/klines',
        `symbol=BTCUSDT&interval=1h&startTime=${start1h + 1}&limit=3`,
      )
    ).body as unknown[][];
    expect(page.map((k) => k[0])).toEqual([
      start1h + 3_600_000,
      start1h + 7_200_000,
      start1h + 10_800_000,
    ]);
    expect(page[0]![6]).toBe(start1h + 2 * 3_600_000 - 1);
    const tail = (
      await call('GET', '/api/v3/klines', `symbol=BTCUSDT&interval=1h&endTime=${start1h}&limit=2`)
    ).body as unknown[][];
    expect(tail.map((k) => k[0])).toEqual([start1h - 3_600_000, start1h]);
    const capped = (
      await call(
        'GET',
        '/api/v3/klines',
        `symbol=BTCUSDT&interval=1m&startTime=${start1h}&limit=5000`,
      )
    ).body as unknown[];
    expect(capped).toHaveLength(1000);
    expect((await call('GET', '/api/v3/klines', 'symbol=BTCUSDT&interval=7m')).body).toEqual({
      code: -1120,
      msg: 'Invalid interval.',
    });
    const again = (
      await call(
        'GET',
        '/api/v3/klines',
        `symbol=BTCUSDT&interval=1h&startTime=${start1h + 1}&limit=3`,
      )
    ).body;
    expect(again).toEqual(page);
  });
});

describe('fake Binance: ledger', () => {
  it('fills market orders at the current price with the fee in the asset received', async () => {
    await start({ balances: { USDT: '1000', BTC: '0.02' } });
    const answer = (await signed('POST', '/api/v3/order', order())).body as Record<string, unknown>;
    expect(answer).toMatchObject({
      status: 'FILLED',
      executedQty: '0.01000000',
      cummulativeQuoteQty: '600.00000000',
    });
    expect(answer.fills).toEqual([
      {
        price: '60000.00000000',
        qty: '0.01000000',
        commission: '0.00001000',
        commissionAsset: 'BTC',
        tradeId: 500001,
      },
    ]);
    await signed('POST', '/api/v3/order', order({ side: 'SELL', quantity: '0.02' }));
    expect(fake!.balance('BTC')).toEqual({ free: '0.00999', locked: '0' });
    expect(fake!.balance('USDT')).toEqual({ free: '1598.8', locked: '0' });
  });

  it('rejects with the exact filter, balance and order errors', async () => {
    await start({ balances: { USDT: '100' } });
    const cases: [Record<string, string>, unknown][] = [
      [order({ quantity: '0.000015' }), { code: -1013, msg: 'Filter failure: LOT_SIZE' }],
      [
        order({ type: 'LIMIT', price: '60000.001', timeInForce: 'GTC' }),
        { code: -1013, msg: 'Filter failure: PRICE_FILTER' },
      ],
      [order({ quantity: '0.00005' }), { code: -1013, msg: 'Filter failure: NOTIONAL' }],
      [
        order({ symbol: 'SOLUSDT', quantity: '0.05' }),
        { code: -1013, msg: 'Filter failure: MIN_NOTIONAL' },
      ],
      [
        order({ type: 'LIMIT', price: '400000', timeInForce: 'GTC', quantity: '0.0001' }),
        { code: -1013, msg: 'Filter failure: PERCENT_PRICE_BY_SIDE' },
      ],
      [
        order({ quantity: '1' }),
        { code: -2010, msg: 'Account has insufficient balance for requested action.' },
      ],
      [order({ symbol: 'DOGEUSDT' }), { code: -1121, msg: 'Invalid symbol.' }],
      [
        { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET' },
        {
          code: -1102,
          msg: "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.",
        },
      ],
      [
        order({ type: 'LIMIT_MAKER', price: '61000' }),
        { code: -2010, msg: 'Order would immediately match and take.' },
      ],
      [
        order({
          type: 'STOP_LOSS_LIMIT',
          price: '61000',
          stopPrice: '59000',
          timeInForce: 'GTC',
          quantity: '0.001',
        }),
        { code: -2010, msg: 'Stop price would trigger immediately.' },
      ],
      [order({ symbol: 'ETHBTC' }), { code: -1013, msg: 'Market is closed.' }],
    ];
    for (const [params, expected] of cases) {
      const answer = await signed('POST', '/api/v3/order', params);
      expect([answer.status, answer.body], JSON.stringify(params)).toEqual([400, expected]);
    }
    expect(fake!.orders()).toHaveLength(0);
    expect(
      (await signed('GET', '/api/v3/order', { symbol: 'BTCUSDT', orderId: '1' })).body,
    ).toEqual({ code: -2013, msg: 'Order does not exist.' });
    expect(
      (await signed('DELETE', '/api/v3/order', { symbol: 'BTCUSDT', orderId: '1' })).body,
    ).toEqual({ code: -2011, msg: 'Unknown order sent.' });
  });

  it('refuses a duplicate client order id while the first order is open', async () => {
    await start();
    const limit = order({
      type: 'LIMIT',
      price: '50000',
      timeInForce: 'GTC',
      newClientOrderId: 'dup',
    });
    expect((await signed('POST', '/api/v3/order', limit)).status).toBe(200);
    expect((await signed('POST', '/api/v3/order', limit)).body).toEqual({
      code: -2010,
      msg: 'Duplicate order sent.',
    });
  });

  it('OCO: legs rest, one filling expires the other, canceling a leg cancels the list', async () => {
    await start({ balances: { USDT: '0', BTC: '0.02' } });
    const oco = (params: Record<string, string>) =>
      signed('POST', '/api/v3/orderList/oco', {
        symbol: 'BTCUSDT',
        side: 'SELL',
        quantity: '0.01',
        aboveType: 'LIMIT_MAKER',
        abovePrice: '66000',
        belowType: 'STOP_LOSS_LIMIT',
        belowStopPrice: '57000',
        belowPrice: '56900',
        belowTimeInForce: 'GTC',
        ...params,
      });
    const first = (await oco({ listClientOrderId: 'L1' })).body as {
      orderListId: number;
      orderReports: { type: string }[];
    };
    expect(first.orderReports.map((r) => r.type)).toEqual(['STOP_LOSS_LIMIT', 'LIMIT_MAKER']);
    expect(fake!.balance('BTC')).toEqual({ free: '0.01', locked: '0.01' });
    fake!.setPrice('BTCUSDT', '56800');
    const list = (
      await signed('GET', '/api/v3/orderList', { orderListId: String(first.orderListId) })
    ).body as { listOrderStatus: string };
    // the stop triggered (take-profit expired) but its 56900 limit is not reached yet: still executing
    expect(list.listOrderStatus).toBe('EXECUTING');
    expect(fake!.orders().map((o) => [o.type, o.status])).toEqual([
      ['STOP_LOSS_LIMIT', 'NEW'],
      ['LIMIT_MAKER', 'EXPIRED'],
    ]);

    fake!.setPrice('BTCUSDT', '60000');
    expect(fake!.orders().map((o) => o.status)).toEqual(['FILLED', 'EXPIRED']);
    const done = (await signed('GET', '/api/v3/orderList', { origClientOrderId: 'L1' })).body as {
      listOrderStatus: string;
    };
    expect(done.listOrderStatus).toBe('ALL_DONE');
    expect(fake!.balance('BTC')).toEqual({ free: '0.01', locked: '0' });
    expect(fake!.balance('USDT').free).toBe('568.431'); // 0.01 × 56900 (maker, at the limit) less 0.1 %

    await oco({ listClientOrderId: 'L2' });
    const leg = fake!.orders().at(-1)!;
    const canceled = (
      await signed('DELETE', '/api/v3/order', { symbol: 'BTCUSDT', orderId: String(leg.orderId) })
    ).body as Record<string, unknown>;
    expect([canceled.status, canceled.origClientOrderId]).toEqual(['CANCELED', leg.clientOrderId]);
    expect(
      fake!
        .orders()
        .slice(-2)
        .map((o) => o.status),
    ).toEqual(['CANCELED', 'CANCELED']);
    expect(fake!.balance('BTC')).toEqual({ free: '0.01', locked: '0' });
  });
});

describe('fake Binance: faults and request log', () => {
  it('answers an injected 429 with Retry-After, then serves normally', async () => {
    await start();
    fake!.inject({ method: 'GET', path: '/api/v3/ticker/price', status: 429, retryAfter: 7 });
    const limited = await call('GET', '/api/v3/ticker/price', 'symbol=BTCUSDT');
    expect([
      limited.status,
      limited.headers.get('retry-after'),
      (limited.body as { code: number }).code,
    ]).toEqual([429, '7', -1003]);
    expect((await call('GET', '/api/v3/ticker/price', 'symbol=BTCUSDT')).body).toEqual({
      symbol: 'BTCUSDT',
      price: '60000.00000000',
    });
    expect(fake!.requestsTo('GET', '/api/v3/ticker/price')).toHaveLength(2);
  });

  it('drops the connection after accepting an order: the order exists, no answer arrives', async () => {
    await start();
    fake!.inject({ method: 'POST', path: '/api/v3/order', dropAfterAccept: true });
    await expect(signed('POST', '/api/v3/order', order())).rejects.toThrow();
    expect(fake!.orders()).toHaveLength(1);
    expect(fake!.orders()[0]!.status).toBe('FILLED');
  });

  it('applies a fault the given number of times, and 5xx after processing keeps the effect', async () => {
    await start();
    fake!.inject({ method: 'POST', path: '/api/v3/order', status: 503, times: 2 });
    expect((await signed('POST', '/api/v3/order', order())).status).toBe(503);
    expect((await signed('POST', '/api/v3/order', order())).status).toBe(503);
    expect(fake!.orders()).toHaveLength(0);
    fake!.inject({ method: 'POST', path: '/api/v3/order', status: 503, afterProcessing: true });
    expect((await signed('POST', '/api/v3/order', order())).status).toBe(503);
    expect(fake!.orders()).toHaveLength(1);
    expect((await signed('POST', '/api/v3/order', order())).status).toBe(200);
    expect(fake!.requestsTo('POST', '/api/v3/order').map((r) => r.params.quantity)).toEqual([
      '0.01',
      '0.01',
      '0.01',
      '0.01',
    ]);
  });
});
