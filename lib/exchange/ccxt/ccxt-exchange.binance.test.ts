import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBinance } from '../../../test/fake-binance';
import { ExchangeError } from '../exchange-error';
import { type Exchange } from '../types';
import { binanceOnFake, caught } from './test-support';

let fake: FakeBinance | undefined;

async function setup(balances: Record<string, string> = { USDT: '10000' }): Promise<Exchange> {
  const started = await binanceOnFake({ balances });
  fake = started.fake;
  return started.exchange;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const buy = (over: Record<string, string> = {}) => ({
  symbol: 'BTC/USDT',
  side: 'buy' as const,
  type: 'market' as const,
  quantity: '0.01',
  clientOrderId: 'buy-1',
  ...over,
});

describe('ccxt adapter on the fake Binance', () => {
  it('loads markets from exchangeInfo filters, with only that one request', async () => {
    const exchange = await setup();
    const markets = await exchange.loadMarkets();
    expect(fake!.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v3/exchangeInfo',
    ]);
    expect(markets.get('BTC/USDT')).toEqual({
      symbol: 'BTC/USDT',
      venueSymbol: 'BTCUSDT',
      base: 'BTC',
      quote: 'USDT',
      active: true,
      stepSize: '0.00001',
      tickSize: '0.01',
      minQty: '0.00001',
      maxQty: '9000',
      minNotional: '5',
      priceBand: { multiplierDown: '0.2', multiplierUp: '5' },
      orderTypes: ['market', 'limit', 'stop-limit', 'stop-market'],
    });
    const sol = markets.get('SOL/USDT')!;
    expect([sol.minNotional, sol.stepSize, sol.priceBand]).toEqual([
      '10',
      '0.001',
      { multiplierDown: '0.2', multiplierUp: '5' },
    ]);
    expect(markets.get('ETH/BTC')!.active).toBe(false);
    expect(exchange.capabilities.nativeOco).toBe(true);
  });

  it('reads balances and a ticker', async () => {
    const exchange = await setup({ USDT: '10000', BTC: '0.5' });
    expect(await exchange.fetchBalance()).toEqual([
      { asset: 'USDT', free: '10000', locked: '0' },
      { asset: 'BTC', free: '0.5', locked: '0' },
    ]);
    fake!.setPrice('BTCUSDT', '65000.5');
    const ticker = await exchange.fetchTicker('BTC/USDT');
    expect([ticker.symbol, ticker.bid, ticker.ask, ticker.last]).toEqual([
      'BTC/USDT',
      65000.5,
      65000.5,
      65000.5,
    ]);
    expect(await exchange.fetchPositions()).toEqual([{ asset: 'BTC', quantity: '0.5' }]);
  });

  it('pages OHLCV past 1000 candles: 2500 one-minute candles in 3 calls', async () => {
    const exchange = await setup();
    await exchange.loadMarkets();
    const since = Math.floor((Date.now() - 3 * 86_400_000) / 60_000) * 60_000;
    const candles = await exchange.fetchOHLCV({
      symbol: 'BTC/USDT',
      timeframe: '1m',
      since,
      until: since + 2500 * 60_000,
    });
    expect(candles).toHaveLength(2500);
    expect(candles[0]!.time).toBe(since);
    expect(candles.at(-1)!.time).toBe(since + 2499 * 60_000);
    expect(candles.every((c, i) => c.time === since + i * 60_000)).toBe(true);
    const calls = fake!.requestsTo('GET', '/api/v3/klines');
    expect(calls.map((c) => Number(c.params.startTime))).toEqual([
      since,
      since + 1000 * 60_000,
      since + 2000 * 60_000,
    ]);
    expect(calls.every((c) => c.params.endTime === String(since + 2500 * 60_000 - 1))).toBe(true);
  });

  it('honours a candle limit below the range', async () => {
    const exchange = await setup();
    const since = Math.floor((Date.now() - 86_400_000) / 3_600_000) * 3_600_000;
    const candles = await exchange.fetchOHLCV({
      symbol: 'ETH/USDT',
      timeframe: '1h',
      since,
      limit: 5,
    });
    expect(candles.map((c) => c.time)).toEqual([0, 1, 2, 3, 4].map((i) => since + i * 3_600_000));
  });

  it('fills a market buy at the current price and moves balances exactly', async () => {
    const exchange = await setup();
    const order = await exchange.createOrder(buy());
    expect(order).toMatchObject({
      clientOrderId: 'buy-1',
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      status: 'filled',
      quantity: '0.01',
      filledQuantity: '0.01',
      averagePrice: '60000',
      fees: [{ asset: 'BTC', amount: '0.00001' }],
    });
    expect(fake!.balance('USDT')).toEqual({ free: '9400', locked: '0' });
    expect(fake!.balance('BTC')).toEqual({ free: '0.00999', locked: '0' });
    expect(fake!.requestsTo('POST', '/api/v3/order')[0]!.params.newClientOrderId).toBe('buy-1');
  });

  it('rests a limit order, fills it when the price crosses, and finds it by id and client id', async () => {
    const exchange = await setup();
    const placed = await exchange.createOrder(
      buy({ type: 'limit', price: '59000', clientOrderId: 'lim-1' }),
    );
    expect([placed.status, placed.price, placed.filledQuantity]).toEqual(['open', '59000', '0']);
    expect(fake!.balance('USDT')).toEqual({ free: '9410', locked: '590' });
    expect((await exchange.fetchOpenOrders('BTC/USDT')).map((o) => o.clientOrderId)).toEqual([
      'lim-1',
    ]);
    expect((await exchange.fetchOpenOrders()).map((o) => o.id)).toEqual([placed.id]);

    fake!.setPrice('BTCUSDT', '58500');
    const byId = await exchange.fetchOrder('BTC/USDT', { id: placed.id });
    expect(byId).toMatchObject({
      status: 'filled',
      filledQuantity: '0.01',
      averagePrice: '59000',
      fees: [{ asset: 'BTC', amount: '0.00001' }],
    });
    const byClient = await exchange.fetchOrder('BTC/USDT', { clientOrderId: 'lim-1' });
    expect(byClient?.id).toBe(placed.id);
    expect(fake!.balance('USDT')).toEqual({ free: '9410', locked: '0' });
    expect(await exchange.fetchOpenOrders('BTC/USDT')).toEqual([]);

    const trades = await exchange.fetchMyTrades('BTC/USDT');
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({
      orderId: placed.id,
      side: 'buy',
      price: '59000',
      quantity: '0.01',
      fee: '0.00001',
      feeAsset: 'BTC',
    });
  });

  it('answers null for an order the venue does not have', async () => {
    const exchange = await setup();
    expect(await exchange.fetchOrder('BTC/USDT', { clientOrderId: 'never-sent' })).toBeNull();
    expect(await exchange.fetchOrder('BTC/USDT', { id: '424242' })).toBeNull();
  });

  it('cancels by id and by client id, releasing the held funds', async () => {
    const exchange = await setup();
    const a = await exchange.createOrder(
      buy({ type: 'limit', price: '50000', clientOrderId: 'c-a' }),
    );
    await exchange.createOrder(buy({ type: 'limit', price: '51000', clientOrderId: 'c-b' }));
    const canceledA = await exchange.cancelOrder('BTC/USDT', { id: a.id });
    expect([canceledA.status, canceledA.clientOrderId]).toEqual(['canceled', 'c-a']);
    const canceledB = await exchange.cancelOrder('BTC/USDT', { clientOrderId: 'c-b' });
    expect([canceledB.status, canceledB.clientOrderId]).toEqual(['canceled', 'c-b']);
    expect(fake!.balance('USDT')).toEqual({ free: '10000', locked: '0' });
  });

  it('refuses to cancel a filled order, saying so', async () => {
    const exchange = await setup();
    const filled = await exchange.createOrder(buy());
    const error = (await caught(() =>
      exchange.cancelOrder('BTC/USDT', { id: filled.id }),
    )) as ExchangeError;
    expect([error.kind, error.code, error.message]).toEqual([
      'rejected',
      'invalid_order',
      `binance cancelOrder: order ${filled.id} is already filled`,
    ]);
  });

  it('places a stop-limit that triggers on the way down', async () => {
    const exchange = await setup({ USDT: '0', BTC: '0.01' });
    const stop = await exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'sell',
      type: 'stop-limit',
      quantity: '0.01',
      price: '57900',
      stopPrice: '58000',
      clientOrderId: 'sl-1',
    });
    expect([stop.status, stop.type, stop.stopPrice, stop.price]).toEqual([
      'open',
      'stop-limit',
      '58000',
      '57900',
    ]);
    fake!.setPrice('BTCUSDT', '57950');
    const after = await exchange.fetchOrder('BTC/USDT', { id: stop.id });
    expect([after?.status, after?.averagePrice]).toEqual(['filled', '57950']);
    expect(fake!.balance('USDT').free).toBe('578.9205'); // 579.5 less the 0.1 % fee
  });

  it('OCO: take-profit fills on a rise and the stop leg is expired', async () => {
    const exchange = await setup({ USDT: '0', BTC: '0.01' });
    const oco = await exchange.createOco({
      symbol: 'BTC/USDT',
      side: 'sell',
      quantity: '0.01',
      takeProfitPrice: '66000',
      stopPrice: '57000',
      stopLimitPrice: '56900',
      clientOcoId: 'oco-1',
    });
    expect(oco.status).toBe('open');
    expect(oco.clientOcoId).toBe('oco-1');
    expect(oco.legs.map((l) => [l.type, l.price, l.stopPrice, l.status, l.ocoId])).toEqual([
      ['limit', '66000', undefined, 'open', oco.id],
      ['stop-limit', '56900', '57000', 'open', oco.id],
    ]);
    const sent = fake!.requestsTo('POST', '/api/v3/orderList/oco')[0]!.params;
    expect(sent).toMatchObject({
      aboveType: 'LIMIT_MAKER',
      abovePrice: '66000',
      belowType: 'STOP_LOSS_LIMIT',
      belowStopPrice: '57000',
      belowPrice: '56900',
      belowTimeInForce: 'GTC',
      listClientOrderId: 'oco-1',
    });
    expect(fake!.balance('BTC')).toEqual({ free: '0', locked: '0.01' });

    fake!.setPrice('BTCUSDT', '66000');
    const done = await exchange.fetchOco('BTC/USDT', { clientOcoId: 'oco-1' });
    expect(done?.status).toBe('done');
    expect(done?.legs.map((l) => l.status)).toEqual(['filled', 'expired']);
    expect(done?.legs[0]?.fees).toEqual([{ asset: 'USDT', amount: '0.66' }]);
    expect(fake!.balance('USDT').free).toBe('659.34');
    expect(fake!.balance('BTC')).toEqual({ free: '0', locked: '0' });
  });

  it('OCO: the stop leg fills on a drop and the take-profit is expired', async () => {
    const exchange = await setup({ USDT: '0', BTC: '0.01' });
    const oco = await exchange.createOco({
      symbol: 'BTC/USDT',
      side: 'sell',
      quantity: '0.01',
      takeProfitPrice: '66000',
      stopPrice: '57000',
      stopLimitPrice: '56900',
      clientOcoId: 'oco-2',
    });
    fake!.setPrice('BTCUSDT', '56950');
    const done = await exchange.fetchOco('BTC/USDT', { id: oco.id });
    expect(done?.legs.map((l) => [l.type, l.status, l.averagePrice])).toEqual([
      ['limit', 'expired', undefined],
      ['stop-limit', 'filled', '56950'],
    ]);
    expect(done?.status).toBe('done');
  });

  it('OCO: cancel releases the quantity, fetch of an unknown list is null', async () => {
    const exchange = await setup({ USDT: '0', BTC: '0.01' });
    await exchange.createOco({
      symbol: 'BTC/USDT',
      side: 'sell',
      quantity: '0.01',
      takeProfitPrice: '66000',
      stopPrice: '57000',
      clientOcoId: 'oco-3',
    });
    const canceled = await exchange.cancelOco('BTC/USDT', { clientOcoId: 'oco-3' });
    expect(canceled.status).toBe('canceled');
    expect(canceled.legs.map((l) => [l.type, l.status])).toEqual([
      ['limit', 'canceled'],
      ['stop-market', 'canceled'],
    ]);
    expect(fake!.balance('BTC')).toEqual({ free: '0.01', locked: '0' });
    expect(await exchange.fetchOco('BTC/USDT', { clientOcoId: 'nope' })).toBeNull();
  });

  it('a wrong secret is an auth rejection and the secret never appears in the message', async () => {
    const started = await binanceOnFake({}, { secret: 'wrong-secret-value-123' });
    fake = started.fake;
    const error = (await caught(() => started.exchange.fetchBalance())) as ExchangeError;
    expect(error).toBeInstanceOf(ExchangeError);
    expect([error.kind, error.code, error.details.venueCode]).toEqual(['rejected', 'auth', -1022]);
    expect(error.message).toContain('Signature for this request is not valid.');
    expect(error.message).not.toContain('wrong-secret-value-123');
  });

  it('an unknown API key is an auth rejection', async () => {
    const started = await binanceOnFake({}, { apiKey: 'UnknownKey123' });
    fake = started.fake;
    const error = (await caught(() => started.exchange.fetchBalance())) as ExchangeError;
    expect([error.kind, error.code, error.details.venueCode]).toEqual(['rejected', 'auth', -2015]);
  });

  it('places a stop-market (STOP_LOSS) that fills at the price that crossed it', async () => {
    const exchange = await setup({ USDT: '0', BTC: '0.01' });
    const stop = await exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'sell',
      type: 'stop-market',
      quantity: '0.01',
      stopPrice: '58000',
      clientOrderId: 'sm-1',
    });
    expect([stop.type, stop.status, stop.stopPrice, stop.price]).toEqual([
      'stop-market',
      'open',
      '58000',
      undefined,
    ]);
    expect(fake!.requestsTo('POST', '/api/v3/order')[0]!.params).toMatchObject({
      type: 'STOP_LOSS',
      stopPrice: '58000',
    });
    fake!.setPrice('BTCUSDT', '57000');
    expect((await exchange.fetchOrder('BTC/USDT', { id: stop.id }))?.averagePrice).toBe('57000');
  });

  it('never prints its secret when logged or serialised', async () => {
    const exchange = await setup();
    expect(inspect(exchange, { depth: 10 })).not.toContain(fake!.secret);
    expect(JSON.stringify(exchange)).not.toContain(fake!.secret);
    expect(inspect(exchange)).toBe('CcxtExchange(binance)');
  });

  it('an unknown symbol is rejected before any request', async () => {
    const exchange = await setup();
    await exchange.loadMarkets();
    const before = fake!.requests.length;
    const error = (await caught(() =>
      exchange.createOrder(buy({ symbol: 'DOGE/USDT' })),
    )) as ExchangeError;
    expect([error.kind, error.code]).toEqual(['rejected', 'bad_symbol']);
    expect(fake!.requests.length).toBe(before);
  });
});
