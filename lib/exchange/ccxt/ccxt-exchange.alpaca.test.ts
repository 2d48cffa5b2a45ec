import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAlpaca } from '../../../test/fake-alpaca';
import { type ExchangeError } from '../exchange-error';
import { type Exchange } from '../types';
import { alpacaOnFake, caught } from './test-support';

let fake: FakeAlpaca | undefined;

async function setup(
  options: { cash?: string; positions?: Record<string, string> } = {},
): Promise<Exchange> {
  const started = await alpacaOnFake(options);
  fake = started.fake;
  return started.exchange;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('ccxt adapter on the fake Alpaca (smoke)', () => {
  it('says it has no native OCO and refuses one without a request', async () => {
    const exchange = await setup();
    expect(exchange.capabilities).toMatchObject({
      nativeOco: false,
      nativeStopOrders: true,
      orderTypes: ['market', 'limit', 'stop-limit'],
    });
    await exchange.loadMarkets();
    const before = fake!.requests.length;
    const error = (await caught(() =>
      exchange.createOco({
        symbol: 'BTC/USD',
        side: 'sell',
        quantity: '0.01',
        takeProfitPrice: '66000',
        stopPrice: '57000',
        clientOcoId: 'o',
      }),
    )) as ExchangeError;
    expect([error.kind, error.code]).toEqual(['rejected', 'invalid_order']);
    expect(error.message).toContain('emulate');
    expect(fake!.requests.length).toBe(before);
  });

  it('loads markets from the crypto assets', async () => {
    const exchange = await setup();
    const markets = await exchange.loadMarkets();
    expect(markets.get('BTC/USD')).toEqual({
      symbol: 'BTC/USD',
      venueSymbol: 'BTC/USD',
      base: 'BTC',
      quote: 'USD',
      active: true,
      stepSize: '0.000000001',
      tickSize: '0.1',
      minQty: '0.0001',
      minNotional: '10',
      orderTypes: ['market', 'limit', 'stop-limit'],
    });
    expect(fake!.requestsTo('GET', '/v2/assets')[0]!.params).toMatchObject({
      asset_class: 'crypto',
      status: 'active',
    });
  });

  it('reads cash and coin balances, positions and a ticker', async () => {
    const exchange = await setup({ cash: '5000', positions: { BTC: '0.25' } });
    expect(await exchange.fetchBalance()).toEqual([
      { asset: 'USD', free: '5000', locked: '0' },
      { asset: 'BTC', free: '0.25', locked: '0' },
    ]);
    expect(await exchange.fetchPositions()).toEqual([{ asset: 'BTC', quantity: '0.25' }]);
    fake!.setPrice('BTC/USD', '61000');
    expect((await exchange.fetchTicker('BTC/USD')).last).toBe(61000);
  });

  it('fills a market buy and finds it by client order id', async () => {
    const exchange = await setup();
    const order = await exchange.createOrder({
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'market',
      quantity: '0.01',
      clientOrderId: 'alp-1',
    });
    expect(order).toMatchObject({
      clientOrderId: 'alp-1',
      status: 'filled',
      filledQuantity: '0.01',
      averagePrice: '60000',
      type: 'market',
    });
    expect(fake!.ledger.cash.toString()).toBe('9400');
    const found = await exchange.fetchOrder('BTC/USD', { clientOrderId: 'alp-1' });
    expect(found?.id).toBe(order.id);
    expect(
      fake!.requestsTo('GET', '/v2/orders:by_client_order_id')[0]!.params.client_order_id,
    ).toBe('alp-1');
    expect(await exchange.fetchOrder('BTC/USD', { clientOrderId: 'missing' })).toBeNull();
    const trades = await exchange.fetchMyTrades('BTC/USD');
    expect(trades.map((t) => [t.orderId, t.side, t.price, t.quantity])).toEqual([
      [order.id, 'buy', '60000', '0.01'],
    ]);
  });

  it('rests a limit order, lists it, and cancels it by client id (204, fetched again)', async () => {
    const exchange = await setup();
    const placed = await exchange.createOrder({
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'limit',
      quantity: '0.01',
      price: '55000',
      clientOrderId: 'alp-2',
    });
    expect([placed.status, placed.price]).toEqual(['open', '55000']);
    expect((await exchange.fetchOpenOrders('BTC/USD')).map((o) => o.clientOrderId)).toEqual([
      'alp-2',
    ]);
    const canceled = await exchange.cancelOrder('BTC/USD', { clientOrderId: 'alp-2' });
    expect([canceled.id, canceled.status]).toEqual([placed.id, 'canceled']);
    expect(fake!.ledger.cash.toString()).toBe('10000');
  });

  it('insufficient cash is rejected, insufficient_funds', async () => {
    const exchange = await setup({ cash: '100' });
    const error = (await caught(() =>
      exchange.createOrder({
        symbol: 'BTC/USD',
        side: 'buy',
        type: 'market',
        quantity: '0.01',
        clientOrderId: 'alp-3',
      }),
    )) as ExchangeError;
    expect([error.kind, error.code]).toEqual(['rejected', 'insufficient_funds']);
  });

  it('a dropped order POST is resolved by client id without resending', async () => {
    const exchange = await setup();
    await exchange.loadMarkets();
    fake!.inject({ method: 'POST', path: '/v2/orders', dropAfterAccept: true });
    const order = await exchange.createOrder({
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'market',
      quantity: '0.01',
      clientOrderId: 'alp-4',
    });
    expect([order.status, order.clientOrderId]).toEqual(['filled', 'alp-4']);
    expect(fake!.requestsTo('POST', '/v2/orders')).toHaveLength(1);
  });

  it('a wrong key is an auth rejection, without the secret in the message', async () => {
    const started = await alpacaOnFake({}, { secret: 'not-the-alpaca-secret' });
    fake = started.fake;
    const error = (await caught(() => started.exchange.loadMarkets())) as ExchangeError;
    expect([error.kind, error.code]).toEqual(['rejected', 'auth']);
    expect(error.message).not.toContain('not-the-alpaca-secret');
  });

  it('pages bars: 1500 minutes in 2 calls', async () => {
    const exchange = await setup();
    const since = Math.floor((Date.now() - 2 * 86_400_000) / 60_000) * 60_000;
    const candles = await exchange.fetchOHLCV({
      symbol: 'BTC/USD',
      timeframe: '1m',
      since,
      until: since + 1500 * 60_000,
    });
    expect(candles).toHaveLength(1500);
    expect(candles.every((c, i) => c.time === since + i * 60_000)).toBe(true);
    expect(fake!.requestsTo('GET', '/v1beta3/crypto/us/bars')).toHaveLength(2);
  });
});
