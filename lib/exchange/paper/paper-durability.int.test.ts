import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db/test-database';
import { Decimal, dec } from '../../core/money';
import { createDb, type DbHandle } from '../../db/client';
import { listOpenPaperOrders } from '../../db/queries/paper-orders';
import { listOpenPaperOcos } from '../../db/queries/paper-ocos';
import { isExchangeError } from '../exchange-error';
import { createPaperFixture, MINUTE, T0, type PaperFixture } from './testing/paper-fixture';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let other: DbHandle;
beforeAll(async () => {
  t = await createTestDatabase();
  other = createDb(t.url, { max: 5 }); // a second process's pool
});
afterAll(async () => {
  await other.close();
  await t.drop();
});

let n = 0;
const id = (p: string) => `${p}-${++n}`;

/**
 * The ledger's invariants: every asset's total is the start plus exactly the fills and fees;
 * every locked amount is exactly what open orders and OCO lists hold; nothing is negative.
 */
async function expectConsistent(f: PaperFixture, start: Record<string, string>) {
  const expected = new Map(Object.entries(start).map(([k, v]) => [k, dec(v)]));
  const add = (asset: string, v: Decimal) =>
    expected.set(asset, (expected.get(asset) ?? Decimal.ZERO).add(v));
  for (const trade of await f.exchange.fetchMyTrades('BTC/USDT')) {
    const amount = dec(trade.price).mul(trade.quantity);
    add('BTC', trade.side === 'buy' ? dec(trade.quantity) : dec(trade.quantity).neg());
    add('USDT', trade.side === 'buy' ? amount.neg() : amount);
    add(trade.feeAsset, dec(trade.fee).neg());
  }
  const locks = new Map<string, Decimal>();
  const hold = (asset: string | null, v: string) =>
    asset && locks.set(asset, (locks.get(asset) ?? Decimal.ZERO).add(v));
  for (const o of await listOpenPaperOrders(t.db, f.accountId)) hold(o.lockedAsset, o.lockedAmount);
  for (const o of await listOpenPaperOcos(t.db, f.accountId)) hold(o.lockedAsset, o.lockedAmount);
  for (const b of await f.exchange.fetchBalance()) {
    expect(dec(b.free).isNegative() || dec(b.locked).isNegative()).toBe(false);
    expect(dec(b.free).add(b.locked).toString(), `total ${b.asset}`).toBe(
      (expected.get(b.asset) ?? Decimal.ZERO).toString(),
    );
    expect(b.locked, `locked ${b.asset}`).toBe((locks.get(b.asset) ?? Decimal.ZERO).toString());
  }
}

describe('paper exchange: durability', () => {
  it('keeps open orders and OCO lists across a restart and matches them from another process', async () => {
    const f = await createPaperFixture(t.db);
    await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      quantity: '0.1',
      clientOrderId: id('m'),
    });
    const limit = await f.exchange.createOrder({
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.1',
      price: '29500',
      clientOrderId: id('l'),
    });
    const oco = await f.exchange.createOco({
      symbol: 'BTC/USDT',
      side: 'sell',
      quantity: '0.1',
      takeProfitPrice: '31500',
      stopPrice: '28500',
      clientOcoId: id('o'),
    });
    await f.exchange.matchOpenOrders(T0 + MINUTE + 1);

    const restarted = f.reopen(other.db);
    expect((await restarted.fetchOpenOrders('BTC/USDT')).map((o) => o.id).sort()).toEqual(
      [limit.id, ...oco.legs.map((l) => l.id)].sort(),
    );
    f.at(T0 + 2 * MINUTE);
    f.price(29400);
    f.at(T0 + 3 * MINUTE);
    f.price(31600);
    const report = await restarted.matchOpenOrders(T0 + 4 * MINUTE);
    expect(report.filled.sort()).toEqual([limit.id, oco.legs[0]!.id].sort());
    expect(await restarted.fetchOpenOrders()).toEqual([]);
    await expectConsistent(f, { USDT: '10000' });
  });

  it('fills each order exactly once when two workers match at the same time', async () => {
    const f = await createPaperFixture(t.db);
    const orders = [];
    for (let i = 0; i < 8; i++) {
      orders.push(
        await f.exchange.createOrder({
          symbol: 'BTC/USDT',
          side: 'buy',
          type: 'limit',
          quantity: '0.01',
          price: String(29900 - i * 10),
          clientOrderId: id('l'),
        }),
      );
    }
    f.at(T0 + MINUTE);
    f.price(29000);
    const workers = [f.reopen(t.db), f.reopen(other.db), f.reopen(other.db)];
    const reports = await Promise.all(workers.map((w) => w.matchOpenOrders(T0 + 2 * MINUTE)));
    const filled = reports.flatMap((r) => r.filled);
    expect(filled.sort()).toEqual(orders.map((o) => o.id).sort());
    expect(await f.exchange.fetchMyTrades('BTC/USDT')).toHaveLength(8);
    await expectConsistent(f, { USDT: '10000' });
  });

  it('never lets concurrent orders spend the same funds', async () => {
    const f = await createPaperFixture(t.db, { price: 1000 });
    const results = await Promise.allSettled(
      Array.from({ length: 14 }, (_, i) =>
        f.reopen(i % 2 ? other.db : t.db).createOrder({
          symbol: 'BTC/USDT',
          side: 'buy',
          type: 'market',
          quantity: '1',
          clientOrderId: id('c'),
        }),
      ),
    );
    // each costs 1000 + 1 fee: nine fit in 10000
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(9);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'insufficient_funds' });
    expect(await f.exchange.fetchBalance()).toEqual([
      { asset: 'BTC', free: '9', locked: '0' },
      { asset: 'USDT', free: '991', locked: '0' },
    ]);
  });

  it('balances equal the fills and locks to the unit through a random session', async () => {
    const f = await createPaperFixture(t.db, {
      fillConfig: { slippageBps: 3, makerFeeRate: '0.00075' },
    });
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let price = 30000;
    const px = (factor: number) =>
      dec(price * factor)
        .roundToStep('0.01', 'floor')
        .toString();
    const qty = (max: number) =>
      dec(0.001 + random() * max)
        .roundToStep('0.00001', 'floor')
        .toString();
    const freeBtc = async () =>
      dec((await f.exchange.fetchBalance()).find((b) => b.asset === 'BTC')?.free ?? '0');
    const attempt = async (action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (error) {
        if (!isExchangeError(error) || error.kind !== 'rejected') throw error;
      }
    };
    const symbol = 'BTC/USDT';
    for (let step = 0; step < 80; step++) {
      const choice = Math.floor(random() * 8);
      const part = async () =>
        (await freeBtc())
          .mul(dec(random()).round(2, 'down'))
          .roundToStep('0.00001', 'floor')
          .toString();
      if (choice === 0)
        await attempt(() =>
          f.exchange.createOrder({
            symbol,
            side: 'buy',
            type: 'market',
            quantity: qty(0.05),
            clientOrderId: id('r'),
          }),
        );
      if (choice === 1)
        await attempt(async () =>
          f.exchange.createOrder({
            symbol,
            side: 'sell',
            type: 'market',
            quantity: await part(),
            clientOrderId: id('r'),
          }),
        );
      if (choice === 2)
        await attempt(() =>
          f.exchange.createOrder({
            symbol,
            side: 'buy',
            type: 'limit',
            quantity: qty(0.03),
            price: px(0.97 + random() * 0.04),
            clientOrderId: id('r'),
          }),
        );
      if (choice === 3)
        await attempt(async () =>
          f.exchange.createOrder({
            symbol,
            side: 'sell',
            type: 'limit',
            quantity: await part(),
            price: px(0.99 + random() * 0.04),
            clientOrderId: id('r'),
          }),
        );
      if (choice === 4)
        await attempt(() =>
          f.exchange.createOrder({
            symbol,
            side: 'buy',
            type: 'stop-limit',
            quantity: qty(0.03),
            stopPrice: px(1.01),
            price: px(1.015),
            clientOrderId: id('r'),
          }),
        );
      if (choice === 5)
        await attempt(async () =>
          f.exchange.createOco({
            symbol,
            side: 'sell',
            quantity: await part(),
            takeProfitPrice: px(1.01),
            stopPrice: px(0.99),
            clientOcoId: id('r'),
          }),
        );
      if (choice === 6) {
        const open = await f.exchange.fetchOpenOrders(symbol);
        const victim = open[Math.floor(random() * open.length)];
        if (victim) await f.exchange.cancelOrder(symbol, { id: victim.id });
      }
      if (choice === 7) {
        const base = f.now() - (f.now() % MINUTE) + MINUTE;
        for (let k = 1; k <= 3; k++) {
          price = Math.max(1000, price * (1 + (random() - 0.5) * 0.04));
          f.at(base + k * 10_000);
          f.price(Number(px(1)));
        }
        f.at(base + MINUTE + 5_000);
        await Promise.all([f.reopen(t.db).matchOpenOrders(), f.reopen(other.db).matchOpenOrders()]);
      }
      await expectConsistent(f, { USDT: '10000' });
    }
    expect((await f.exchange.fetchMyTrades(symbol)).length).toBeGreaterThan(10);
    const kinds = await t.sql<{ kind: string }[]>`
      select distinct type || case when oco_id is null then '' else ' leg' end as kind
      from paper_orders where account_id = ${f.accountId} and status = 'filled'`;
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      'limit',
      'limit leg',
      'market',
      'stop-limit',
      'stop-market leg',
    ]);
  });
});
