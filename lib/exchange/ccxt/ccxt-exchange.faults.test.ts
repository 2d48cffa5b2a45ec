import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBinance } from '../../../test/fake-binance';
import { createBackoffRegistry } from '../backoff';
import { ExchangeError } from '../exchange-error';
import { type Exchange, type OrderRequest } from '../types';
import { createCcxtExchange } from './create-ccxt-exchange';
import { type AdapterOverrides, binanceOnFake, caught } from './test-support';

let fake: FakeBinance | undefined;

async function setup(
  overrides: AdapterOverrides = {},
  balances: Record<string, string> = { USDT: '10000' },
): Promise<Exchange> {
  const started = await binanceOnFake({ balances }, overrides);
  fake = started.fake;
  await started.exchange.loadMarkets();
  return started.exchange;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const order = (over: Partial<OrderRequest> = {}): OrderRequest => ({
  symbol: 'BTC/USDT',
  side: 'buy',
  type: 'market',
  quantity: '0.01',
  clientOrderId: 'fault-1',
  ...over,
});

const posts = () => fake!.requestsTo('POST', '/api/v3/order');
const lookups = () => fake!.requestsTo('GET', '/api/v3/order');

describe('unknown outcomes are resolved by client order id, never resent', () => {
  it('an order accepted and then dropped is found, with no second POST', async () => {
    const exchange = await setup();
    fake!.inject({ method: 'POST', path: '/api/v3/order', dropAfterAccept: true });
    const placed = await exchange.createOrder(order());
    expect(placed).toMatchObject({
      clientOrderId: 'fault-1',
      status: 'filled',
      filledQuantity: '0.01',
      fees: [{ asset: 'BTC', amount: '0.00001' }],
    });
    expect(posts()).toHaveLength(1);
    expect(lookups()[0]!.params.origClientOrderId).toBe('fault-1');
    expect(fake!.balance('USDT').free).toBe('9400');
  });

  it('a 503 after the order was created: found', async () => {
    const exchange = await setup();
    fake!.inject({ method: 'POST', path: '/api/v3/order', status: 503, afterProcessing: true });
    const placed = await exchange.createOrder(order({ type: 'limit', price: '59000' }));
    expect([placed.status, placed.clientOrderId, placed.price]).toEqual([
      'open',
      'fault-1',
      '59000',
    ]);
    expect(posts()).toHaveLength(1);
  });

  it('a 503 without the order: unknown after the grace period, still one POST', async () => {
    const exchange = await setup();
    fake!.inject({ method: 'POST', path: '/api/v3/order', status: 503 });
    const error = (await caught(() => exchange.createOrder(order()))) as ExchangeError;
    expect(error).toBeInstanceOf(ExchangeError);
    expect([error.kind, error.code]).toEqual(['unknown', 'unavailable']);
    expect(error.message).toContain(
      'order fault-1 was not found in 3 lookups over 40 ms; not resent',
    );
    expect(posts()).toHaveLength(1);
    expect(lookups()).toHaveLength(3);
    expect(fake!.orders()).toHaveLength(0);
  });

  it('a timeout while the venue is slow: the order is found once it lands', async () => {
    const exchange = await setup({ timeoutMs: 300, grace: { attempts: 12, delayMs: 150 } });
    fake!.inject({ method: 'POST', path: '/api/v3/order', delayMs: 600 });
    const placed = await exchange.createOrder(order());
    expect([placed.status, placed.clientOrderId]).toEqual(['filled', 'fault-1']);
    expect(posts()).toHaveLength(1);
    expect(lookups().length).toBeGreaterThanOrEqual(2);
  });

  it('a dropped connection with nothing created is unknown, code network', async () => {
    const exchange = await setup();
    fake!.inject({ method: 'POST', path: '/api/v3/order', drop: true });
    const error = (await caught(() => exchange.createOrder(order()))) as ExchangeError;
    expect([error.kind, error.code]).toEqual(['unknown', 'network']);
    expect(posts()).toHaveLength(1);
  });

  it('a cancel whose answer is lost is confirmed by looking the order up', async () => {
    const exchange = await setup();
    const resting = await exchange.createOrder(order({ type: 'limit', price: '50000' }));
    fake!.inject({ method: 'DELETE', path: '/api/v3/order', dropAfterAccept: true });
    const canceled = await exchange.cancelOrder('BTC/USDT', { id: resting.id });
    expect(canceled.status).toBe('canceled');
    expect(fake!.requestsTo('DELETE', '/api/v3/order')).toHaveLength(1);
  });

  it('an OCO accepted and then dropped is found by its list client id, with no second POST', async () => {
    const exchange = await setup({}, { USDT: '0', BTC: '0.01' });
    fake!.inject({ method: 'POST', path: '/api/v3/orderList/oco', dropAfterAccept: true });
    const oco = await exchange.createOco({
      symbol: 'BTC/USDT',
      side: 'sell',
      quantity: '0.01',
      takeProfitPrice: '66000',
      stopPrice: '57000',
      clientOcoId: 'oco-lost',
    });
    expect([oco.status, oco.clientOcoId, oco.legs.length]).toEqual(['open', 'oco-lost', 2]);
    expect(fake!.requestsTo('POST', '/api/v3/orderList/oco')).toHaveLength(1);
    expect(fake!.requestsTo('GET', '/api/v3/orderList')[0]!.params.origClientOrderId).toBe(
      'oco-lost',
    );
  });

  it('reads that fail at the transport are "retry", not "unknown"', async () => {
    const exchange = await setup();
    fake!.inject({ method: 'GET', path: '/api/v3/account', drop: true });
    fake!.inject({ method: 'GET', path: '/api/v3/account', status: 502 });
    const dropped = (await caught(() => exchange.fetchBalance())) as ExchangeError;
    expect([dropped.kind, dropped.code]).toEqual(['retry', 'network']);
    const bad = (await caught(() => exchange.fetchBalance())) as ExchangeError;
    expect([bad.kind, bad.code]).toEqual(['retry', 'unavailable']);
    expect(await exchange.fetchBalance()).toEqual([{ asset: 'USDT', free: '10000', locked: '0' }]);
  });
});

describe('rejections are final', () => {
  it('-2010 insufficient balance is rejected, insufficient_funds, and not retried', async () => {
    const exchange = await setup();
    const error = (await caught(() =>
      exchange.createOrder(order({ quantity: '1' })),
    )) as ExchangeError;
    expect([error.kind, error.code, error.details.venueCode]).toEqual([
      'rejected',
      'insufficient_funds',
      -2010,
    ]);
    expect(error.message).toContain('Account has insufficient balance for requested action.');
    expect(posts()).toHaveLength(1);
    expect(lookups()).toHaveLength(0);
  });

  it('a venue filter failure the local check cannot see (MARKET_LOT_SIZE) is rejected as a filter violation', async () => {
    const exchange = await setup({}, { USDT: '0', BTC: '100' });
    const error = (await caught(() =>
      exchange.createOrder(order({ side: 'sell', quantity: '80' })),
    )) as ExchangeError;
    expect([error.kind, error.code, error.details.venueCode]).toEqual([
      'rejected',
      'filter_violation',
      -1013,
    ]);
  });

  it('filter violations are rejected locally with zero requests', async () => {
    const exchange = await setup({}, { USDT: '10000', BTC: '1' });
    await exchange.fetchTicker('BTC/USDT');
    const before = fake!.requests.length;
    const cases: Partial<OrderRequest>[] = [
      { quantity: '0.000015' },
      { quantity: '0.000001' },
      { type: 'limit', price: '60000.005' },
      { type: 'limit', quantity: '0.00008', price: '60000' },
      { quantity: '0.00008' },
      { type: 'limit', price: '400000' },
      { type: 'stop-limit', price: '61000', stopPrice: '61000.001' },
    ];
    for (const c of cases) {
      const error = (await caught(() => exchange.createOrder(order(c)))) as ExchangeError;
      expect([error.kind, error.code], JSON.stringify(c)).toEqual(['rejected', 'filter_violation']);
    }
    const oco = (await caught(() =>
      exchange.createOco({
        symbol: 'BTC/USDT',
        side: 'sell',
        quantity: '0.01',
        takeProfitPrice: '66000.001',
        stopPrice: '57000',
        clientOcoId: 'x',
      }),
    )) as ExchangeError;
    expect([oco.kind, oco.code]).toEqual(['rejected', 'filter_violation']);
    expect(fake!.requests.length).toBe(before);
  });
});

describe('rate limits back off every adapter on the venue', () => {
  it('429 with Retry-After: 7 stops all requests to the venue for 7 s', async () => {
    let now = 1_700_000_000_000;
    const backoff = createBackoffRegistry({ now: () => now });
    const exchange = await setup({ backoff });
    const sibling = createCcxtExchange({
      venue: 'binance',
      apiKey: fake!.apiKey,
      secret: fake!.secret,
      urlsOverride: fake!.url,
      enableRateLimit: false,
      backoff,
    });
    await sibling.loadMarkets();
    fake!.inject({ method: 'GET', path: '/api/v3/account', status: 429, retryAfter: 7 });

    const limited = (await caught(() => exchange.fetchBalance())) as ExchangeError;
    expect([limited.kind, limited.code, limited.retryAfterMs]).toEqual([
      'retry',
      'rate_limited',
      7000,
    ]);
    const sent = fake!.requests.length;

    now += 6_999;
    for (const attempt of [
      () => exchange.fetchBalance(),
      () => exchange.createOrder(order()),
      () => sibling.fetchTicker('BTC/USDT'),
    ]) {
      const error = (await caught(attempt)) as ExchangeError;
      expect([error.kind, error.code, error.retryAfterMs]).toEqual(['retry', 'rate_limited', 1]);
    }
    expect(fake!.requests.length).toBe(sent);

    now += 1;
    expect(await exchange.fetchBalance()).toEqual([{ asset: 'USDT', free: '10000', locked: '0' }]);
    expect((await sibling.fetchTicker('BTC/USDT')).last).toBe(60000);
    expect(fake!.requests.length).toBe(sent + 2);
  });

  it('418 without Retry-After backs off for the venue default', async () => {
    let now = 1_700_000_000_000;
    const backoff = createBackoffRegistry({ now: () => now });
    const exchange = await setup({ backoff });
    fake!.inject({ method: 'GET', path: '/api/v3/ticker/24hr', status: 418 });
    const banned = (await caught(() => exchange.fetchTicker('BTC/USDT'))) as ExchangeError;
    expect([banned.kind, banned.code, banned.retryAfterMs]).toEqual([
      'retry',
      'rate_limited',
      120_000,
    ]);
    now += 119_999;
    expect(((await caught(() => exchange.fetchTicker('BTC/USDT'))) as ExchangeError).code).toBe(
      'rate_limited',
    );
    now += 1;
    expect((await exchange.fetchTicker('BTC/USDT')).last).toBe(60000);
  });

  it('a 429 on an order POST is retry, rate_limited (nothing was placed)', async () => {
    const backoff = createBackoffRegistry();
    const exchange = await setup({ backoff });
    fake!.inject({ method: 'POST', path: '/api/v3/order', status: 429, retryAfter: 2 });
    const error = (await caught(() => exchange.createOrder(order()))) as ExchangeError;
    expect([error.kind, error.code]).toEqual(['retry', 'rate_limited']);
    expect(error.retryAfterMs).toBeGreaterThan(1900);
    expect(lookups()).toHaveLength(0);
    expect(fake!.orders()).toHaveLength(0);
  });
});
