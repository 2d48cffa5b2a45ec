import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db/test-database';
import { findPaperOrder } from '../../db/queries/paper-orders';
import { createPaperFixture, MINUTE, T0, type PaperFixture } from './testing/paper-fixture';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const balances = (f: PaperFixture) => f.exchange.fetchBalance();
let n = 0;
const id = (p: string) => `${p}-${++n}`;

describe('paper exchange: market orders', () => {
  it('fills a market buy at the ask with the taker fee in quote', async () => {
    const f = await createPaperFixture(t.db);
    const order = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      quantity: '0.1',
      clientOrderId: id('m'),
    });
    expect(order).toMatchObject({
      status: 'filled',
      filledQuantity: '0.1',
      averagePrice: '30000',
      fees: [{ asset: 'USDT', amount: '3' }],
    });
    expect(await balances(f)).toEqual([
      { asset: 'BTC', free: '0.1', locked: '0' },
      { asset: 'USDT', free: '6997', locked: '0' },
    ]);
    expect(await f.exchange.fetchPositions()).toEqual([{ asset: 'BTC', quantity: '0.1' }]);
    const trades = await f.exchange.fetchMyTrades('BTC/USDT');
    expect(trades).toMatchObject([
      {
        orderId: order.id,
        side: 'buy',
        price: '30000',
        quantity: '0.1',
        fee: '3',
        feeAsset: 'USDT',
        time: T0,
      },
    ]);
  });

  it('applies slippage on the tick and charges the fee in the asset received', async () => {
    const f = await createPaperFixture(t.db, {
      fillConfig: { feeMode: 'received', slippageBps: 10 },
    });
    const buy = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      quantity: '0.1',
      clientOrderId: id('m'),
    });
    expect(buy).toMatchObject({
      averagePrice: '30030',
      fees: [{ asset: 'BTC', amount: '0.0001' }],
    });
    const sell = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'sell',
      type: 'market',
      quantity: '0.0999',
      clientOrderId: id('m'),
    });
    expect(sell).toMatchObject({
      averagePrice: '29970',
      fees: [{ asset: 'USDT', amount: '2.994003' }],
    });
    // 10000 − 3003 + 0.0999 × 29970 (2994.003) − 2.994003
    expect(await balances(f)).toEqual([
      { asset: 'BTC', free: '0', locked: '0' },
      { asset: 'USDT', free: '9988.008997', locked: '0' },
    ]);
    expect(await f.exchange.fetchPositions()).toEqual([]);
  });

  it('refuses a second order under a client order id as a duplicate, whether or not funds remain', async () => {
    const f = await createPaperFixture(t.db);
    const buy = {
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      quantity: '0.1',
      clientOrderId: id('d'),
    } as const;
    await f.exchange.createOrder(buy);
    const duplicate = { code: 'invalid_order', message: 'Duplicate order sent.' };
    await expect(f.exchange.createOrder(buy)).rejects.toMatchObject(duplicate);
    // The same id again after the funds are gone: still a duplicate, not a funds error.
    await f.exchange.createOrder({ ...buy, quantity: '0.2', clientOrderId: id('d') });
    await expect(f.exchange.createOrder(buy)).rejects.toMatchObject(duplicate);
    expect(await balances(f)).toEqual([
      { asset: 'BTC', free: '0.3', locked: '0' },
      { asset: 'USDT', free: '991', locked: '0' },
    ]);
    expect(await f.exchange.fetchMyTrades('BTC/USDT')).toHaveLength(2);
  });

  it('refuses what a venue refuses and writes nothing', async () => {
    const f = await createPaperFixture(t.db);
    const base = { symbol: 'BTC/USDT', quantity: '0.1', clientOrderId: id('x') } as const;
    await expect(
      f.exchange.createOrder({ ...base, symbol: 'ETH/USDT', side: 'buy', type: 'market' }),
    ).rejects.toMatchObject({ code: 'bad_symbol' });
    await expect(f.exchange.fetchTicker('ETH/USDT')).rejects.toMatchObject({ code: 'bad_symbol' });
    await expect(
      f.exchange.createOrder({ ...base, side: 'sell', type: 'market' }),
    ).rejects.toMatchObject({ kind: 'rejected', code: 'insufficient_funds' });
    await expect(
      f.exchange.createOrder({ ...base, side: 'buy', type: 'stop-market', stopPrice: '29000' }),
    ).rejects.toMatchObject({
      code: 'invalid_order',
      message: 'Stop price would trigger immediately.',
    });
    await expect(
      f.exchange.createOrder({ ...base, side: 'buy', type: 'market', quantity: '0.4' }),
    ).rejects.toMatchObject({ code: 'insufficient_funds' });
    expect(await balances(f)).toEqual([{ asset: 'USDT', free: '10000', locked: '0' }]);
    expect(
      await f.exchange.fetchOrder('BTC/USDT', { clientOrderId: base.clientOrderId }),
    ).toBeNull();
    expect(await f.exchange.fetchOrder('BTC/USDT', { id: 'not-a-uuid' })).toBeNull();
  });
});

describe('paper exchange: resting orders', () => {
  it('matches a limit only on candles after it was placed, once, at the limit as maker', async () => {
    const f = await createPaperFixture(t.db);
    f.at(T0 + 10_000);
    f.price(29000); // a dip before the order exists
    f.at(T0 + 20_000);
    f.price(30000);
    f.at(T0 + 30_000);
    const order = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.1',
      price: '29500',
      clientOrderId: id('l'),
    });
    expect(await balances(f)).toEqual([
      { asset: 'BTC', free: '0', locked: '0' },
      { asset: 'USDT', free: '7047.05', locked: '2952.95' },
    ]);
    expect(await f.exchange.matchOpenOrders(T0 + 50_000)).toEqual({
      filled: [],
      expired: [],
      triggered: [],
    });

    f.at(T0 + MINUTE + 10_000);
    f.price(29400);
    f.at(T0 + MINUTE + 20_000);
    f.price(30100);
    f.at(T0 + 3 * MINUTE);
    expect((await f.exchange.matchOpenOrders()).filled).toEqual([order.id]);
    expect(await f.exchange.matchOpenOrders()).toEqual({ filled: [], expired: [], triggered: [] });
    expect(await f.exchange.fetchOrder('BTC/USDT', { id: order.id })).toMatchObject({
      status: 'filled',
      averagePrice: '29500',
      fees: [{ asset: 'USDT', amount: '2.95' }],
    });
    const trades = await f.exchange.fetchMyTrades('BTC/USDT');
    expect(trades.map((tr) => [tr.price, tr.time])).toEqual([['29500', T0 + MINUTE]]);
    expect(await balances(f)).toEqual([
      { asset: 'BTC', free: '0.1', locked: '0' },
      { asset: 'USDT', free: '7047.05', locked: '0' },
    ]);
  });

  it('stores how far the market was checked', async () => {
    const f = await createPaperFixture(t.db);
    const order = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.1',
      price: '29000',
      clientOrderId: id('l'),
    });
    await f.exchange.matchOpenOrders(T0 + 5 * MINUTE + 10_000);
    const row = await findPaperOrder(t.db, f.accountId, { id: order.id });
    expect(row?.checkedUntil.getTime()).toBe(T0 + 5 * MINUTE);
  });

  it('rests a gapped stop-limit as a limit and fills it from the next candle', async () => {
    const f = await createPaperFixture(t.db);
    await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      quantity: '0.1',
      clientOrderId: id('m'),
    });
    const stop = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'sell',
      type: 'stop-limit',
      quantity: '0.1',
      stopPrice: '29000',
      price: '28900',
      clientOrderId: id('s'),
    });
    expect((await balances(f))[0]).toEqual({ asset: 'BTC', free: '0', locked: '0.1' });
    f.at(T0 + MINUTE);
    f.price(28800);
    f.at(T0 + MINUTE + 30_000);
    f.price(28850);
    f.at(T0 + 2 * MINUTE + 10_000);
    f.price(28950);
    expect((await f.exchange.matchOpenOrders(T0 + 2 * MINUTE + 5_000)).triggered).toEqual([
      stop.id,
    ]);
    expect((await f.exchange.fetchOrder('BTC/USDT', { id: stop.id }))?.status).toBe('open');
    expect((await f.exchange.matchOpenOrders(T0 + 3 * MINUTE)).filled).toEqual([stop.id]);
    const trades = await f.exchange.fetchMyTrades('BTC/USDT', T0 + 1);
    expect(trades.map((tr) => [tr.price, tr.fee, tr.time])).toEqual([
      ['28900', '2.89', T0 + 2 * MINUTE],
    ]);
    // 6997 + 2890 − 2.89
    expect(await balances(f)).toEqual([
      { asset: 'BTC', free: '0', locked: '0' },
      { asset: 'USDT', free: '9884.11', locked: '0' },
    ]);
  });

  it('takes a stop-market gap beyond its lock from free funds, or expires it when they are short', async () => {
    const f = await createPaperFixture(t.db);
    const covered = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'stop-market',
      quantity: '0.05',
      stopPrice: '31000',
      clientOrderId: id('s'),
    });
    const big = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'stop-market',
      quantity: '0.25',
      stopPrice: '32000',
      clientOrderId: id('s'),
    });
    // locks 0.05 × 31000 × 1.001 = 1551.55 and 0.25 × 32000 × 1.001 = 8008
    expect(await balances(f)).toEqual([
      { asset: 'BTC', free: '0', locked: '0' },
      { asset: 'USDT', free: '440.45', locked: '9559.55' },
    ]);
    f.at(T0 + MINUTE);
    f.price(36000);
    const report = await f.exchange.matchOpenOrders(T0 + 2 * MINUTE);
    expect(report.filled).toEqual([covered.id]);
    expect(report.expired).toEqual([big.id]);
    expect(await f.exchange.fetchOrder('BTC/USDT', { id: big.id })).toMatchObject({
      status: 'expired',
      filledQuantity: '0',
    });
    // covered pays 1800 + 1.8 (its 1551.55 lock and 250.25 of free); big needed 9009 and is released whole
    expect(await balances(f)).toEqual([
      { asset: 'BTC', free: '0.05', locked: '0' },
      { asset: 'USDT', free: '8198.2', locked: '0' },
    ]);
  });

  it('cancels a resting order and releases exactly its lock; a filled one cannot be canceled', async () => {
    const f = await createPaperFixture(t.db);
    const filled = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.1',
      price: '30500',
      clientOrderId: id('l'),
    });
    expect(filled).toMatchObject({ status: 'filled', averagePrice: '30000' });
    const open = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'sell',
      type: 'limit',
      quantity: '0.05',
      price: '31000',
      clientOrderId: id('l'),
    });
    expect((await balances(f))[0]).toEqual({ asset: 'BTC', free: '0.05', locked: '0.05' });
    expect(
      await f.exchange.cancelOrder('BTC/USDT', { clientOrderId: open.clientOrderId }),
    ).toMatchObject({ status: 'canceled' });
    expect((await balances(f))[0]).toEqual({ asset: 'BTC', free: '0.1', locked: '0' });
    await expect(f.exchange.cancelOrder('BTC/USDT', { id: open.id })).rejects.toMatchObject({
      code: 'order_not_found',
    });
    await expect(f.exchange.cancelOrder('BTC/USDT', { id: filled.id })).rejects.toMatchObject({
      code: 'order_not_found',
    });
  });
});
